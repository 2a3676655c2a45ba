"""Moderators publish and edit events and decide their outcomes."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATOR_PERMISSIONS = [
    ("event", ("add", "change", "view")),
    ("eventoutcome", ("change", "view")),
    ("eventoutcomebyage", ("view",)),
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("events")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderators, _created = Group.objects.get_or_create(name="moderators")
    for model, actions in MODERATOR_PERMISSIONS:
        for action in actions:
            moderators.permissions.add(Permission.objects.get(content_type__app_label="events", codename=f"{action}_{model}"))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    apps.get_model("auth", "Group").objects.get(name="moderators").permissions.remove(
        *Permission.objects.filter(content_type__app_label="events")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_events_and_outcomes"),
        ("initiatives", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
