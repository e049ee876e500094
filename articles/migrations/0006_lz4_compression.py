"""Article bodies and search vectors compressed with LZ4 on PostgreSQL.

Both are large enough to be TOASTed (a body is a few kilobytes, its search vector
ten to twenty), and both are read on hot paths: every article page detoasts the body,
every search ranks candidates by detoasting their vectors. LZ4 decompresses several
times faster than the default pglz and compresses about as well for this text; bulk
loads (demo/corpus.py) are about three times faster too. Values already stored keep
their compression until rewritten. A server built without LZ4 keeps pglz.
"""

from django.db import migrations

COLUMNS = ("body", "search_vector", "sapo")


def lz4(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    alter = ", ".join(f"ALTER COLUMN {c} SET COMPRESSION lz4" for c in COLUMNS)
    schema_editor.execute(f"""
        DO $$
        BEGIN
            ALTER TABLE articles_article {alter};
        EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
            RAISE NOTICE 'LZ4 is not available; article columns keep pglz';
        END $$;
    """)


def default(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    alter = ", ".join(f"ALTER COLUMN {c} SET COMPRESSION default" for c in COLUMNS)
    schema_editor.execute(f"ALTER TABLE articles_article {alter}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_workflow_fields")]

    operations = [migrations.RunPython(lz4, default, elidable=False)]
