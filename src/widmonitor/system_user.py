"""The account that command-line writes are recorded under when no person is named."""

from django.contrib.auth import get_user_model

USERNAME = "widmonitor-command-line"


def command_line_user():
    """An inactive account, unable to log in, so that history never says "None" for who changed a record."""
    user, created = get_user_model().objects.get_or_create(
        username=USERNAME, defaults={"first_name": "widmonitor", "last_name": "(command line)", "is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user
