"""Moderators create programmes and cycles and grant the matcher role; they read the rest."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATOR_PERMISSIONS = [
    ("programme", ("add", "change", "view")),
    ("cycle", ("add", "change", "view")),
    ("matcher", ("add", "change", "delete", "view")),
    ("profile", ("view",)),
    ("consent", ("view",)),
    ("participation", ("view",)),
    ("matchingrun", ("view",)),
    ("pair", ("view",)),
    ("followup", ("view",)),
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("mentoring")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderators, _created = Group.objects.get_or_create(name="moderators")
    for model, actions in MODERATOR_PERMISSIONS:
        for action in actions:
            moderators.permissions.add(Permission.objects.get(content_type__app_label="mentoring", codename=f"{action}_{model}"))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    apps.get_model("auth", "Group").objects.get(name="moderators").permissions.remove(
        *Permission.objects.filter(content_type__app_label="mentoring")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("mentoring", "0001_programmes_cycles_profiles_pairs"),
        ("reach", "0002_moderator_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
