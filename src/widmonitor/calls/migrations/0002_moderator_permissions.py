"""Moderators write calls and their criteria and grant the roles of reviewer and manager."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATOR_PERMISSIONS = [
    ("call", ("add", "change", "view")),
    ("criterion", ("add", "change", "delete", "view")),
    ("callrole", ("add", "change", "delete", "view")),
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("calls")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderators, _created = Group.objects.get_or_create(name="moderators")
    for model, actions in MODERATOR_PERMISSIONS:
        for action in actions:
            moderators.permissions.add(Permission.objects.get(content_type__app_label="calls", codename=f"{action}_{model}"))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    apps.get_model("auth", "Group").objects.get(name="moderators").permissions.remove(
        *Permission.objects.filter(content_type__app_label="calls")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("calls", "0001_initial"),
        ("initiatives", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
