from django import forms
from django.utils.translation import gettext_lazy as _

from widmonitor.actors.models import Organisation
from widmonitor.partners.models import PartnerMembership

from .models import Application, Conflict

RELATIONS = ("sub_objectives", "audiences", "regions")


class ApplicationForm(forms.ModelForm):
    """An organisation's application; the sub-objectives, audiences and regions offered are the call's."""

    class Meta:
        model = Application
        fields = (
            "organisation", "title", "language", "summary", "budget", "sub_objectives", "audiences", "regions",
            "expected_participants", "expected_women",
        )  # fmt: skip
        widgets = {name: forms.CheckboxSelectMultiple for name in RELATIONS}

    def __init__(self, *args, user, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.call = call
        self.fields["language"].label = _("Language of the application")  # the model field's label is made once, in one language
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=PartnerMembership.objects.organisation_ids(user))
        self.fields["sub_objectives"].queryset = call.sub_objectives.order_by("position")
        for name in ("audiences", "regions"):
            offered = getattr(call, name).all()
            if offered.exists():
                self.fields[name].queryset = offered.order_by("position")
        self.fields["budget"].help_text = _("Between %(min)s and %(max)s euros.") % {"min": call.min_grant, "max": call.max_grant}

    def save_version(self):
        """Save the application and its sub-objectives, audiences and regions as one version of its history."""
        application = self.save(commit=False)
        application.skip_history_when_saving = True  # the links' own saves would each make a version
        try:
            application.save()
            self.save_m2m()
        finally:
            del application.skip_history_when_saving
        application.save(update_fields=["updated_at"])  # one history entry, links included
        return application


class ScoreForm(forms.Form):
    """One score (0 to the call's highest) and a comment per criterion."""

    def __init__(self, *args, criteria, score_max, initial_scores=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        initial_scores = initial_scores or {}
        for criterion in self.criteria:
            score = initial_scores.get(criterion.pk)
            self.fields[f"score_{criterion.pk}"] = forms.IntegerField(
                label=_("Score"), min_value=0, max_value=score_max, required=False, initial=score.value if score else None,
                help_text=_("From 0 to %(max)s.") % {"max": score_max},
            )  # fmt: skip
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment on “%(criterion)s”") % {"criterion": criterion}, widget=forms.Textarea(attrs={"rows": 2}),
                required=False, max_length=4000, initial=score.comment if score else "",
            )  # fmt: skip

    def rows(self):
        return [(criterion, self[f"score_{criterion.pk}"], self[f"comment_{criterion.pk}"]) for criterion in self.criteria]

    def scores(self):
        """``{criterion: (value, comment)}`` of the criteria given a score."""
        return {
            criterion: (self.cleaned_data[f"score_{criterion.pk}"], self.cleaned_data[f"comment_{criterion.pk}"])
            for criterion in self.criteria
            if self.cleaned_data[f"score_{criterion.pk}"] is not None
        }


class ConflictForm(forms.Form):
    """A conflict with one application, or with an organisation and all its applications to the call."""

    application = forms.ModelChoiceField(Application.objects.none(), required=False, label=_("Application"))
    organisation = forms.ModelChoiceField(Organisation.objects.none(), required=False, label=_("Organisation"))

    def __init__(self, *args, call, reviewer, **kwargs):
        super().__init__(*args, **kwargs)
        handed_in = Application.objects.reviewable_by(reviewer, call)  # a declared conflict is gone from the choices
        self.fields["application"].queryset = handed_in
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=handed_in.values("organisation_id"))

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("application")) == bool(cleaned.get("organisation")):
            raise forms.ValidationError(_("Choose either one application or one organisation."), code="one_of_both")
        return cleaned

    def declare(self, reviewer, call):
        """Record the conflict and withdraw her scores of the applications it covers."""
        conflict = Conflict.objects.create(reviewer=reviewer, call=call, **{k: v for k, v in self.cleaned_data.items() if v})
        covered = Application.objects.filter(call=call)
        covered = covered.filter(pk=conflict.application_id) if conflict.application_id else covered.filter(organisation=conflict.organisation)
        reviewer.call_scores.filter(application__in=covered).delete()
        return conflict


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("funded", _("funded")), ("not-funded", _("not funded"))], widget=forms.RadioSelect
    )
    amount = forms.IntegerField(label=_("Amount granted (euros)"), min_value=0, required=False, help_text=_("Only when funded, e.g. 100000."))
    reasons = forms.CharField(
        label=_("Reasons"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000, help_text=_("The applicant reads them."),
        error_messages={"required": _("Give the reasons for the decision.")},
    )
