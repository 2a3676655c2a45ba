"""Moderators keep the site pages' texts up to date; the pages themselves are fixed (none added or removed)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATOR_PERMISSIONS = [("sitepage", ("change", "view"))]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("sitepages")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderators, _created = Group.objects.get_or_create(name="moderators")
    for model, actions in MODERATOR_PERMISSIONS:
        for action in actions:
            moderators.permissions.add(Permission.objects.get(content_type__app_label="sitepages", codename=f"{action}_{model}"))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    apps.get_model("auth", "Group").objects.get(name="moderators").permissions.remove(
        *Permission.objects.filter(content_type__app_label="sitepages")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("sitepages", "0001_site_pages"),
        ("initiatives", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
