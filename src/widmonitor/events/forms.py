from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from widmonitor.partners.models import initiatives_of
from widmonitor.reach.forms import AgeBandsForm

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


class EventOutcomeForm(AgeBandsForm):
    """A partner's outcome of one of her events, with its age bands where she knows them (both counts or none)."""

    class Meta:
        model = EventOutcome
        fields = ("participants", "women_and_girls", "source_kind", "source_note")
        widgets = {"source_note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.event = event

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
