from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from widmonitor.partners.forms import has_account, invitation_email_field, mail_language_field, unused_address
from widmonitor.partners.models import MailLanguage
from widmonitor.vocabularies.choices import Vocabulary
from widmonitor.vocabularies.models import Term

from .models import ExpertProfile, Topic
from .panels import PanelCounts


class ExpertInvitationForm(forms.Form):
    """A partner or a moderator invites an expert: an account without password, in the experts group, and her profile.

    With ``disclose_accounts=False`` (the partners' page) an address that has an account is no
    error: ``save`` then makes nothing, and the page answers as if it had, so that no partner
    learns from it who has an account. Moderators, who see the accounts anyway, are told.
    """

    email = invitation_email_field()
    name = forms.CharField(label=_("Name"), max_length=200, help_text=_("She can change it on her profile."))
    language = mail_language_field()

    def __init__(self, *args, disclose_accounts=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.disclose_accounts = disclose_accounts

    def clean_email(self):
        if not self.disclose_accounts:
            return self.cleaned_data["email"].strip().lower()
        message = _("%(email)s already has an account, so it cannot be invited as an expert.")
        return unused_address(self.cleaned_data["email"], message)

    def save(self, inviter):
        """Her new profile; None if the address has an account (already, or made by another invitation this moment)."""
        data = self.cleaned_data
        try:
            with transaction.atomic():
                if has_account(data["email"]):
                    return None
                user = get_user_model().objects.create_user(data["email"], data["email"])  # no password until she sets one
                user.groups.add(Group.objects.get(name="experts"))
                MailLanguage.objects.create(user=user, language=data["language"])
                profile = ExpertProfile(user=user, name=data["name"], invited_by=inviter)
                profile._change_reason = str(_("Invited"))
                profile.save()
        except IntegrityError:  # the same address invited by someone else at the same moment: its user name is taken
            return None
        return profile


class ExpertProfileForm(forms.ModelForm):
    class Meta:
        model = ExpertProfile
        fields = (
            "name", "title", "organisation_name", "topics", "languages", "region", "bio", "bio_language", "links",
            "willing_to_speak", "willing_to_mentor", "willing_to_be_role_model",
        )
        widgets = {
            "topics": forms.CheckboxSelectMultiple,
            "languages": forms.CheckboxSelectMultiple,
            "bio": forms.Textarea(attrs={"rows": 5}),
            "links": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["languages"].queryset = Term.objects.of(Vocabulary.LANGUAGE)
        self.fields["region"].queryset = Term.objects.of(Vocabulary.REGION)


class ConsentForm(forms.Form):
    agree = forms.BooleanField(label=_("I agree"), required=True)


def topic_choices():
    return [(topic.code, str(topic)) for topic in Topic.objects.all()]


def term_choices(vocabulary, empty_label):
    return [("", empty_label), *((term.code, str(term)) for term in Term.objects.of(vocabulary))]


class DirectorySearchForm(forms.Form):
    """The directory's filters: codes in the query string, so that a search is a link to share."""

    topic = forms.ChoiceField(label=_("Topic"), required=False)
    language = forms.ChoiceField(label=_("Language spoken"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", _("any topic")), *topic_choices()]
        self.fields["language"].choices = term_choices(Vocabulary.LANGUAGE, _("any language"))
        self.fields["region"].choices = term_choices(Vocabulary.REGION, _("any region"))

    def filters(self):
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {"topics": [data["topic"]] if data["topic"] else [], "language": data["language"], "region": data["region"]}


class PanelCheckForm(forms.Form):
    """Counts only: no names, no personal data."""

    women = forms.IntegerField(label=_("Women"), min_value=0, max_value=1000, initial=0)
    men = forms.IntegerField(label=_("Men"), min_value=0, max_value=1000, initial=0)
    non_binary = forms.IntegerField(label=_("Non-binary"), min_value=0, max_value=1000, initial=0)
    not_stated = forms.IntegerField(label=_("Not stated"), min_value=0, max_value=1000, initial=0)
    topics = forms.MultipleChoiceField(
        label=_("Topics of the panel"), required=False, widget=forms.CheckboxSelectMultiple
    )
    language = forms.ChoiceField(label=_("Language of the event"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].choices = topic_choices()
        self.fields["language"].choices = term_choices(Vocabulary.LANGUAGE, _("any language"))

    def count_fields(self):
        return [self[name] for name in ("women", "men", "non_binary", "not_stated")]

    def counts(self):
        data = self.cleaned_data
        return PanelCounts(data["women"], data["men"], data["non_binary"], data["not_stated"])
