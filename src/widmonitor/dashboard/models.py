"""What the dashboard keeps: the day each moderator was last e-mailed what waits (at most one e-mail a day)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DigestSent(models.Model):
    """The last day a moderator was e-mailed what waits in the back office."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, models.CASCADE, primary_key=True, related_name="+", verbose_name=_("moderator")
    )
    sent_on = models.DateField(_("sent on"), help_text=_("The day of the last e-mail, e.g. 2025-03-01."))

    class Meta:
        verbose_name = _("e-mail of what waits")
        verbose_name_plural = _("e-mails of what waits")

    def __str__(self):
        return f"{self.user_id}: {self.sent_on.isoformat()}"
