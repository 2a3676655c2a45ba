"""The forms of what the self-check may store: each needs her explicit, unticked consent."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AGE_BANDS, Gender, Region


class StatisticsForm(forms.Form):
    """Giving a finished self-check to the anonymous statistics."""

    age_band = forms.ChoiceField(label=_("Your age"), choices=[("", _("Choose"))] + [(b.value, b.label) for b in AGE_BANDS])
    gender = forms.ChoiceField(label=_("Your gender (optional)"), choices=[("", _("I skip this question"))] + list(Gender.choices), required=False)
    region = forms.ChoiceField(label=_("Where you live"), choices=[("", _("Choose"))] + list(Region.choices))
    consent = forms.BooleanField(
        label=_("I agree that my answers are stored, without my name or anything else that identifies me, for the anonymous statistics."),
        error_messages={"required": _("Tick the box to agree, or leave this form: nothing is stored without your consent.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="share-%s", **kwargs)


class PairingConsentForm(forms.Form):
    """Keeping a self-check for an initiative's before-and-after figures."""

    consent = forms.BooleanField(
        label=_("I agree that my answers are stored with a code, without my name, for this initiative's anonymous before-and-after figures."),
        error_messages={"required": _("Tick the box to agree, or leave this form: nothing is stored without your consent.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="pair-%s", **kwargs)


class CodeForm(forms.Form):
    code = forms.CharField(label=_("Your code"), max_length=16, help_text=_("The code you got at the start, e.g. KM4-T7P."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="code-%s", **kwargs)
