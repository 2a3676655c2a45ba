from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .choices import AgeBand, Availability, Gender, Goal, Language, Role
from .consent import CYCLE, POOL, wording
from .models import Cycle, Profile, Programme
from .topics import topic_choices

PROVINCE_OF_EXPERT_REGION = {"brussels": "brussels"}  # a directory region names a province only for Brussels


class ApplicationForm(forms.ModelForm):
    """A mentor's or mentee's application to one cycle, with her consent (and, for a mentor, the shared pool)."""

    topics = forms.MultipleChoiceField(label=_("Topics"), choices=topic_choices, widget=forms.CheckboxSelectMultiple, required=False)
    languages = forms.MultipleChoiceField(label=_("Languages you speak"), choices=Language.choices, widget=forms.CheckboxSelectMultiple)
    availability = forms.MultipleChoiceField(
        label=_("When you are available"), choices=Availability.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    goals = forms.MultipleChoiceField(label=_("Goals"), choices=Goal.choices, widget=forms.CheckboxSelectMultiple, required=False)
    gender = forms.ChoiceField(
        label=_("Gender"), choices=Gender.choices, required=False, help_text=_("Counted anonymously in the programme's figures.")
    )
    age_band = forms.ChoiceField(
        label=_("Age"), choices=AgeBand.choices, required=False, help_text=_("Counted anonymously in the programme's figures.")
    )
    consent = forms.BooleanField(label=_("I agree"), required=True)
    pool = forms.BooleanField(label=_("I also want to stay in the shared pool of mentors"), required=False)

    class Meta:
        model = Profile
        fields = ["name", "email", "language", "topics", "languages", "province", "online", "on_site", "availability", "goals", "about", "capacity"]

    def __init__(self, *args, role, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.role, self.programme = role, programme
        self.fields["consent"].help_text = wording(CYCLE, programme)
        if role == Role.MENTOR:
            self.fields["capacity"] = forms.TypedChoiceField(
                label=_("Mentees at a time"), choices=[(n, n) for n in range(1, 6)], coerce=int, initial=1
            )
            self.fields["pool"].help_text = wording(POOL, programme)
            self.fields["goals"].label = _("Goals you can help with")
        else:
            del self.fields["capacity"], self.fields["pool"]
            self.fields["goals"].label = _("What you hope for")

    def clean(self):
        data = super().clean()
        if not data.get("online") and not data.get("on_site"):
            raise ValidationError(_("Choose online meetings, meetings in person, or both."), code="no_way_to_meet")
        if data.get("on_site") and not data.get("province"):
            self.add_error("province", ValidationError(_("Name your province to meet in person."), code="province_required"))
        return data

    def save(self, cycle, expert=None):
        profile = super().save(commit=False)
        profile.role = self.role
        profile.capacity = self.cleaned_data.get("capacity") or 0
        profile.expert = expert
        profile.save()
        profile.give_consent(CYCLE)
        if self.cleaned_data.get("pool"):
            profile.give_consent(POOL)
        profile.participations.create(
            cycle=cycle, role=self.role, gender=self.cleaned_data["gender"], age_band=self.cleaned_data["age_band"]
        )
        return profile


def initial_from_expert(expert, language):
    """Her directory profile as the mentor form's starting values: she reads, corrects and consents."""
    return {
        "name": expert.name,
        "email": expert.user.email if expert.user else "",
        "language": language,
        "topics": [topic.code for topic in expert.topics.all()],
        "languages": [term.code for term in expert.languages.all()],
        "province": PROVINCE_OF_EXPERT_REGION.get(expert.region.code, "") if expert.region else "",
        "about": expert.title,
    }


class AdjustForm(forms.Form):
    """One change the matcher makes to the latest run: fix, unfix, exclude a pair, swap two mentees' mentors, or pair by hand."""

    ACTIONS = ("fix", "unfix", "exclude", "include", "swap", "assign")
    action = forms.ChoiceField(choices=[(a, a) for a in ACTIONS])
    mentee = forms.CharField(max_length=20)
    mentor = forms.CharField(max_length=20, required=False)
    other = forms.CharField(max_length=20, required=False)

    def __init__(self, *args, run, mentees, mentors, **kwargs):
        super().__init__(*args, **kwargs)
        self.run, self.mentees, self.mentors = run, mentees, mentors

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        if data["mentee"] not in self.mentees:
            raise ValidationError(_("This mentee is not to be matched in this cycle."), code="unknown_mentee")
        if data["action"] == "swap":
            if data["other"] not in self.mentees:
                raise ValidationError(_("Choose the other mentee to swap mentors with."), code="unknown_other")
        elif data["mentor"] not in self.mentors:
            raise ValidationError(_("This mentor is not to be matched in this cycle."), code="unknown_mentor")
        return data

    def choices(self):
        """The run's fixed and excluded pairs after this change."""
        data, action = self.cleaned_data, self.cleaned_data["action"]
        mentee, pair = data["mentee"], [data["mentee"], data["mentor"]]
        fixed, excluded = list(self.run.fixed), list(self.run.excluded)
        if action in ("fix", "assign"):
            fixed = [p for p in fixed if p[0] != mentee] + [pair]
            excluded = [p for p in excluded if p != pair]
        elif action == "unfix":
            fixed = [p for p in fixed if p != pair]
        elif action == "exclude":
            fixed = [p for p in fixed if p != pair]
            excluded.append(pair)
        elif action == "include":
            excluded = [p for p in excluded if p != pair]
        else:  # swap: each keeps the other's proposed mentor, fixed
            proposed = {row["mentee"]: row["mentor"] for row in self.run.pairs}
            other = data["other"]
            fixed = [p for p in fixed if p[0] not in (mentee, other)]
            fixed += [[mentee, proposed[other]]] if other in proposed else []
            fixed += [[other, proposed[mentee]]] if mentee in proposed else []
        return fixed, excluded


class EndForm(forms.Form):
    reason = forms.CharField(
        label=_("Why it ends"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}), help_text=_("e.g. We reached the goal we set.")
    )


class FollowUpForm(forms.Form):
    YES_NO = [("yes", _("yes")), ("no", _("no"))]
    still_in_touch = forms.ChoiceField(label=_("Are you still in touch with your match?"), choices=YES_NO, widget=forms.RadioSelect)
    new_job_or_study = forms.ChoiceField(
        label=_("Did you start a new job or study in digital since the mentoring began?"), choices=YES_NO, widget=forms.RadioSelect
    )
    in_ict_role = forms.ChoiceField(label=_("Do you work in an ICT role now?"), choices=YES_NO, widget=forms.RadioSelect)

    def answers(self):
        return {name: value == "yes" for name, value in self.cleaned_data.items()}


class WeightsForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = ["weight_topics", "weight_goals", "weight_place", "weight_availability"]


class CycleForm(forms.ModelForm):
    """A new cycle of a programme, as its matcher plans it."""

    class Meta:
        model = Cycle
        fields = ["name", "opens_on", "closes_on", "matching_on", "duration_weeks", "checkin_every_days", "open_applications"]
        widgets = {name: forms.DateInput(attrs={"type": "date"}) for name in ("opens_on", "closes_on", "matching_on")}
