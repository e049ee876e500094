"""The default approval chain (Biên tập viên review, then Lãnh đạo Ban approval) and
database triggers that keep the transition log and share-link openings append-only."""

from django.db import migrations

from workflow.defaults import ensure_default_chain

APPEND_ONLY_TABLES = ["workflow_transition", "workflow_sharelinkopening"]


def create_default_chain(apps, schema_editor):
    ensure_default_chain(apps)


def create_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in APPEND_ONLY_TABLES:
        if vendor == "postgresql":
            schema_editor.execute(f"""
                CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger AS $$
                BEGIN
                    RAISE EXCEPTION '{table} is append-only';
                END;
                $$ LANGUAGE plpgsql;
                CREATE TRIGGER {table}_no_update BEFORE UPDATE OR DELETE ON {table}
                    FOR EACH ROW EXECUTE FUNCTION {table}_append_only();
            """)
        elif vendor == "sqlite":
            # Updates only: SQLite has no TRUNCATE, and Django's test flush deletes rows.
            schema_editor.execute(f"""
                CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}
                BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;
            """)


def drop_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in APPEND_ONLY_TABLES:
        if vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_no_update ON {table}")
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {table}_append_only()")
        elif vendor == "sqlite":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0001_initial"),
        ("accounts", "0002_roles"),
        ("articles", "0005_workflow_fields"),
    ]

    operations = [
        migrations.RunPython(create_default_chain, migrations.RunPython.noop),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
