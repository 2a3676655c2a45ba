"""The back office's login: moderators and administrators only, and it says so."""

from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class BackOfficeLoginForm(AdminAuthenticationForm):
    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "not_staff": _(
            "Your password is right, but the back office is for the working group's moderators. "
            "Partners will keep their initiatives up to date on the public portal."
        ),
    }

    def confirm_login_allowed(self, user):
        if not user.is_active:
            raise ValidationError(self.error_messages["inactive"], code="inactive")
        if not user.is_staff:
            raise ValidationError(self.error_messages["not_staff"], code="not_staff")
