"""Who may see a report that is not published yet: moderators and administrators (a preview of the draft)."""


def may_preview(user):
    return user.is_authenticated and user.is_active and (user.is_superuser or user.groups.filter(name="moderators").exists())
