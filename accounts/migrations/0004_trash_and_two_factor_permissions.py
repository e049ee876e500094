from django.db import migrations

from accounts.roles import sync_role_groups


def sync(apps, schema_editor):
    # Quản trị viên gains articles.purge_article (emptying the trash) and may remove a
    # colleague's two-step sign-in device.
    sync_role_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_workflow_permissions"),
        ("articles", "0008_article_trash"),
        ("otp_totp", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
