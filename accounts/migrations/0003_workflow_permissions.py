from django.db import migrations

from accounts.roles import sync_role_groups


def sync(apps, schema_editor):
    sync_role_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_roles"),
        ("workflow", "0002_default_chain_and_append_only_log"),
    ]

    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
