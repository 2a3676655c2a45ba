from django import forms
from django.utils.translation import gettext_lazy as _

LANGUAGE_CHOICES = [("auto", _("Detect it")), ("nl", "Nederlands"), ("fr", "Français"), ("en", "English")]


class JobAdForm(forms.Form):
    """The text to check is not required here: the checker itself says why an empty text cannot be checked."""

    text = forms.CharField(label=_("Text of the vacancy"), widget=forms.Textarea, required=False, strip=False)
    language = forms.ChoiceField(label=_("Language of the vacancy"), choices=LANGUAGE_CHOICES, initial="auto")
