from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .ages import AgeBand
from .models import MAX_PARTICIPANTS, Outcome, OutcomeByAge, ceiling, check_age_rows


def age_field_names(band):
    key = band.replace("-", "_")
    return f"age_{key}_participants", f"age_{key}_women"


class AgeBandsForm(forms.ModelForm):
    """An outcome's form (a year's reach, an event's) with its age bands where she knows them: both counts or none."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for band, label in AgeBand.choices:
            participants, women = age_field_names(band)
            self.fields[participants] = forms.IntegerField(
                label=_("participants aged %(band)s") % {"band": label},
                min_value=0,
                validators=[ceiling(MAX_PARTICIPANTS)],
                required=False,
            )
            self.fields[women] = forms.IntegerField(
                label=_("women and girls aged %(band)s") % {"band": label},
                min_value=0,
                validators=[ceiling(MAX_PARTICIPANTS)],
                required=False,
            )

    def main_fields(self):
        return [self[name] for name in self.Meta.fields]

    def age_fields(self):
        """``[(band label, participants field, women field)]`` for the form's table of age bands."""
        return [(label, *(self[name] for name in age_field_names(band))) for band, label in AgeBand.choices]

    def age_rows(self):
        """``[(band, participants, women)]`` of the bands filled in (valid data only)."""
        rows = []
        for band, _label in AgeBand.choices:
            participants, women = (self.cleaned_data.get(name) for name in age_field_names(band))
            if participants is not None and women is not None:
                rows.append((band, participants, women))
        return rows

    def clean(self):
        cleaned = super().clean()
        for band, label in AgeBand.choices:
            names = age_field_names(band)
            if any(self.has_error(name) for name in names):
                continue
            participants, women = (cleaned.get(name) for name in names)
            if (participants is None) != (women is None):
                message = _("Age %(band)s: give both the participants and the women and girls, or neither.")
                self.add_error(names[0], ValidationError(message, code="age_row_incomplete", params={"band": label}))
        try:
            check_age_rows(cleaned.get("participants"), cleaned.get("women_and_girls"), self.age_rows())
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned


class OutcomeForm(AgeBandsForm):
    """A partner's outcome for one initiative and year, with its age bands where she knows them (both counts or none)."""

    class Meta:
        model = Outcome
        fields = ("year", "participants", "women_and_girls", "sessions", "source_kind", "source_note")
        widgets = {"source_note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, initiative, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.initiative = initiative

    def save(self, user):
        """Keep the outcome, pending, with its age rows, as entered by ``user``."""
        outcome = self.instance
        outcome.entered_by = user
        outcome.status = Outcome.Status.PENDING
        outcome._change_reason = str(_("Entered by %(user)s") % {"user": user.get_username()})
        with transaction.atomic():
            outcome.save()
            OutcomeByAge.objects.bulk_create(
                OutcomeByAge(outcome=outcome, band=band, participants=participants, women_and_girls=women)
                for band, participants, women in self.age_rows()
            )
        return outcome
