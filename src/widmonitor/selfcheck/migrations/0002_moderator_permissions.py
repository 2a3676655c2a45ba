"""What moderators may do with what the self-check stores: see it, and erase a participation when its participant asks."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATOR_PERMISSIONS = [
    ("initiativecheck", ("view",)),
    ("participation", ("view", "delete")),
    ("sharedcheck", ("view",)),
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("selfcheck")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderators, _created = Group.objects.get_or_create(name="moderators")
    for model, actions in MODERATOR_PERMISSIONS:
        for action in actions:
            moderators.permissions.add(Permission.objects.get(content_type__app_label="selfcheck", codename=f"{action}_{model}"))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Group.objects.get(name="moderators").permissions.remove(*Permission.objects.filter(content_type__app_label="selfcheck"))


class Migration(migrations.Migration):
    dependencies = [
        ("selfcheck", "0001_stored_only_with_consent"),
        ("initiatives", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
