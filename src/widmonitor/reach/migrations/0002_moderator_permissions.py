"""Moderators decide outcomes and enter accepted ones themselves, age rows included."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATOR_PERMISSIONS = [
    ("outcome", ("add", "change", "view")),
    ("outcomebyage", ("add", "change", "view")),
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("reach")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderators, _created = Group.objects.get_or_create(name="moderators")
    for model, actions in MODERATOR_PERMISSIONS:
        for action in actions:
            moderators.permissions.add(Permission.objects.get(content_type__app_label="reach", codename=f"{action}_{model}"))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    apps.get_model("auth", "Group").objects.get(name="moderators").permissions.remove(
        *Permission.objects.filter(content_type__app_label="reach")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("reach", "0001_initial"),
        ("initiatives", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
