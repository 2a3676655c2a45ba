"""The experts group (invited experts keep their own profile) and what moderators may do with experts and panels."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATOR_PERMISSIONS = [
    ("topic", ("view",)),
    ("expertprofile", ("add", "view")),
    ("consent", ("view",)),
    ("panelrecord", ("add", "change", "delete", "view")),
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("experts")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderators, _created = Group.objects.get_or_create(name="moderators")
    for model, actions in MODERATOR_PERMISSIONS:
        for action in actions:
            moderators.permissions.add(Permission.objects.get(content_type__app_label="experts", codename=f"{action}_{model}"))
    Group.objects.get_or_create(name="experts")


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Group.objects.get(name="moderators").permissions.remove(*Permission.objects.filter(content_type__app_label="experts"))
    Group.objects.filter(name="experts").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("experts", "0001_initial"),
        ("initiatives", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
