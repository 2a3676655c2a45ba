from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from widmonitor.partners.models import initiatives_of
from widmonitor.reach.ages import AgeBand
from widmonitor.reach.forms import age_field_names
from widmonitor.reach.models import MAX_PARTICIPANTS, ceiling, check_age_rows

from .models import Event, EventOutcome, EventOutcomeByAge
from .times import local_instant

LOCAL_INPUT = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


class BelgianTimeField(forms.DateTimeField):
    """A date and time typed in Belgian time; one the clocks skip or repeat that day is refused with the hour to avoid
    (Django's own field would only say it "could not be interpreted in time zone Europe/Brussels")."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        typed = forms.fields.BaseTemporalField.to_python(self, value)
        return local_instant(typed.date(), typed.time())


class EventForm(forms.ModelForm):
    """A partner's event, for one of her organisations' initiatives; submitted for moderation. Times are Belgian time."""

    class Meta:
        model = Event
        fields = (
            "initiative", "title", "description", "original_language", "starts_at", "ends_at", "online", "address",
            "municipality", "province", "audiences", "languages", "cost", "price", "registration_url", "capacity",
        )
        widgets = {"audiences": forms.CheckboxSelectMultiple, "languages": forms.CheckboxSelectMultiple}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["initiative"].queryset = initiatives_of(user)
        for name in ("starts_at", "ends_at"):
            self.fields[name] = BelgianTimeField(
                label=self.fields[name].label,
                help_text=self.fields[name].help_text,
                input_formats=LOCAL_INPUT,
                widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            )
        self.fields["registration_url"].assume_scheme = "https"


class EventOutcomeForm(forms.ModelForm):
    """A partner's outcome of one of her events, with its age bands where she knows them (both counts or none)."""

    class Meta:
        model = EventOutcome
        fields = ("participants", "women_and_girls", "source_kind", "source_note")
        widgets = {"source_note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.event = event
        for band, label in AgeBand.choices:
            participants, women = age_field_names(band)
            self.fields[participants] = forms.IntegerField(
                label=_("participants aged %(band)s") % {"band": label}, min_value=0, validators=[ceiling(MAX_PARTICIPANTS)], required=False
            )
            self.fields[women] = forms.IntegerField(
                label=_("women and girls aged %(band)s") % {"band": label}, min_value=0, validators=[ceiling(MAX_PARTICIPANTS)], required=False
            )

    def main_fields(self):
        return [self[name] for name in self.Meta.fields]

    def age_fields(self):
        return [(label, *(self[name] for name in age_field_names(band))) for band, label in AgeBand.choices]

    def age_rows(self):
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

    def save(self, user):
        outcome = self.instance
        outcome.entered_by, outcome.status = user, EventOutcome.Status.PENDING
        outcome._change_reason = str(_("Entered by %(user)s") % {"user": user.get_username()})
        with transaction.atomic():
            outcome.save()
            EventOutcomeByAge.objects.bulk_create(
                EventOutcomeByAge(outcome=outcome, band=band, participants=p, women_and_girls=w) for band, p, w in self.age_rows()
            )
        return outcome
