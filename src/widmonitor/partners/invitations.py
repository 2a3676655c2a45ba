"""An invitation sent again, when its link expired before she chose a password: partners' and experts' alike.

The new link is the only one that works: an invitation's link is a password-reset token, which
is made from her password field among others, and that field gets a new unusable value here.
"""

from django.contrib import messages
from django.utils.translation import gettext as _


def invite_again(user, send):
    """Give ``user`` a new link and ``send(user)`` it; ``(level, sentence for the moderator)``. Refused once she has a password."""
    if user.has_usable_password():
        return messages.WARNING, _(
            "No invitation is sent to %(email)s: she has chosen her password already (if she forgot it, she can ask for a new "
            "one on the login page)."
        ) % {"email": user.email}
    if not user.is_active:
        return messages.WARNING, _("The account of %(email)s is deactivated: no invitation is sent.") % {"email": user.email}
    user.set_unusable_password()  # a new value: every earlier link stops working
    user.save(update_fields=["password"])
    if send(user):
        return messages.SUCCESS, _("A new invitation is sent to %(email)s; earlier links no longer work.") % {"email": user.email}
    return messages.WARNING, _("The new invitation to %(email)s could not be sent (see above); earlier links no longer work.") % {
        "email": user.email
    }
