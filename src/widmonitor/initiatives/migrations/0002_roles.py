"""The roles of the platform as groups: moderators (the working group) and partners."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATOR_PERMISSIONS = [
    ("initiatives", "initiative", ("add", "change", "view")),
    ("initiatives", "publishedlist", ("view",)),
    ("initiatives", "publishedlistentry", ("view",)),
    ("vocabularies", "term", ("view",)),
    ("actors", "organisation", ("add", "change", "view")),
    ("strategy", "strategy", ("view",)),
    ("strategy", "objective", ("view",)),
]


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderators, _created = Group.objects.get_or_create(name="moderators")
    for app_label, model, actions in MODERATOR_PERMISSIONS:
        for action in actions:
            moderators.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}")
            )
    Group.objects.get_or_create(name="partners")


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["moderators", "partners"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0001_initial"),
        ("actors", "0001_initial"),
        ("strategy", "0001_initial"),
        ("vocabularies", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
