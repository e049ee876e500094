"""Migration helpers for the PostgreSQL-only search index."""

from django.db import migrations


def gin_index(model_name: str, index_name: str) -> migrations.RunPython:
    """A GIN index on model.search_vector on PostgreSQL; nothing on SQLite (it scans)."""

    def create(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        table = apps.get_model(*model_name.split("."))._meta.db_table
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {index_name} ON {table} USING gin (search_vector)"
        )

    def drop(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP INDEX IF EXISTS {index_name}")

    return migrations.RunPython(create, drop, elidable=False)
