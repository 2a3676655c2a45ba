"""The pages a public site owes its visitors: about, contact, privacy, accessibility, the open data's licence.

Their texts are content like any other: one per content language, the original marked, edited in
the back office with history. `widmonitor setup` loads the bundled texts (``data/pages/``) for a
page that has none yet and never overwrites an edit.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from widmonitor.translated_fields import TranslatableModel, TranslatedTextField


class SitePage(TranslatableModel):
    class Kind(models.TextChoices):
        ABOUT = "about", _("About this site")
        CONTACT = "contact", _("Contact")
        PRIVACY = "privacy", _("Privacy notice")
        ACCESSIBILITY = "accessibility", _("Accessibility statement")
        LICENCE = "licence", _("Open data licence")

    kind = models.CharField(_("page"), max_length=20, choices=Kind.choices, unique=True)
    title = TranslatedTextField(_("title"), max_length=200)
    body = TranslatedTextField(
        _("text"),
        multiline=True,
        help_text=_(
            "Plain paragraphs separated by a blank line; a line starting with '- ' is a bullet, one starting "
            "with '## ' a subheading; web and e-mail addresses become links. No HTML."
        ),
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("site page")
        verbose_name_plural = _("site pages")
        ordering = ["kind"]

    def __str__(self):
        return self.get_kind_display()

    def get_absolute_url(self):
        return reverse("sitepages:page", args=[self.kind])
