from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from widmonitor.actors.models import Organisation
from widmonitor.initiatives.models import RELATIONS, Initiative
from widmonitor.languages import active_language
from widmonitor.strategy.models import Objective
from widmonitor.vocabularies.choices import Cost

from .changes import history_since
from .models import PROPOSED_FIELDS, MailLanguage, PartnerMembership, proposal_data


class InitiativeProposalForm(forms.ModelForm):
    """A partner's initiative: new (submitted for moderation) or an edit of one of her organisations' records.

    Only her organisations can be chosen; the organisations of a record she does not belong to stay linked.
    """

    class Meta:
        model = Initiative
        fields = (
            "title", "summary", "original_language", "organisations", "objectives",
            "audiences", "regions", "languages", "formats", "digcomp", "cost", "starts", "ends", "url",
        )
        widgets = {name: forms.CheckboxSelectMultiple for name in RELATIONS}

    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1, max_value=2**31 - 1)
    stale_message = _(
        "This form does not say which version of the initiative you opened, so your change could undo someone "
        "else's: open the initiative again and make your change there."
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["seen_version"] = self.instance.version
        self.own = PartnerMembership.objects.organisation_ids(user)
        self.fields["organisations"].queryset = Organisation.objects.filter(pk__in=self.own)
        self.fields["organisations"].required = True
        self.fields["objectives"].queryset = Objective.objects.current()
        self.fields["url"].assume_scheme = "https"
        self.fields["cost"].required = False  # a form that does not send it keeps "unknown"
        if self.instance.pk:
            self.initial["organisations"] = [pk for pk in self.initial.get("organisations", []) if getattr(pk, "pk", pk) in self.own]

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and cleaned.get("seen_version") is None and not self.has_error("seen_version"):
            self.add_error(None, forms.ValidationError(self.stale_message, code="stale_form"))
        return cleaned

    def clean_cost(self):
        return self.cleaned_data["cost"] or Cost.UNKNOWN

    def relations(self):
        """The chosen relations as sorted ids; a record keeps the organisations outside the partner's own."""
        chosen = {name: sorted(item.pk for item in self.cleaned_data[name]) for name in RELATIONS}
        if self.instance.pk:
            others = self.instance.organisations.exclude(pk__in=self.own).values_list("pk", flat=True)
            chosen["organisations"] = sorted({*chosen["organisations"], *others})
        return chosen

    def proposed_changes(self, initiative):
        """``(data, version)`` of a proposal: what differs from ``initiative`` as the partner saw it, and its version.

        The version the form was opened on (its hidden ``seen_version``, which ``clean`` requires), so that a save
        made meanwhile is not proposed back; the record as it is now when the history lacks that version.
        """
        version = self.cleaned_data["seen_version"]
        seen = history_since(initiative, version, PROPOSED_FIELDS)[0]
        if seen is None:
            stored = Initiative.objects.get(pk=initiative.pk)
            seen, version = proposal_data(stored), stored.version
        proposed = {name: self.cleaned_data[name] for name in PROPOSED_FIELDS} | self.relations()
        return {name: value for name, value in proposed.items() if seen.get(name) != value}, version


def unused_address(email, message):
    """``email`` as an invitation stores it (its user name too), or ``message`` when an account has it already."""
    email = email.strip().lower()
    if has_account(email):
        raise forms.ValidationError(message, code="exists", params={"email": email})
    return email


def has_account(email):
    """Whether an account has ``email`` as its user name or its e-mail address (letter case aside)."""
    users = get_user_model().objects
    return users.filter(username__iexact=email).exists() or users.filter(email__iexact=email).exists()


def invitation_email_field():
    """The e-mail address of someone invited, which is also her user name: at most as long as a user name can be."""
    limit = get_user_model()._meta.get_field("username").max_length
    return forms.EmailField(
        label=_("E-mail address"),
        max_length=limit,
        help_text=_("Also her user name, e.g. an.peeters@example.org"),
        error_messages={
            "max_length": _("At most %(limit_value)d characters (it has %(show_value)d): the address is also her user name.")
        },
    )


def mail_language_field():
    """Who invites someone chooses the language of her e-mails; the inviter's own comes first."""
    return forms.ChoiceField(
        label=_("Language of her e-mails"),
        choices=settings.LANGUAGES,
        initial=active_language,
        help_text=_("The invitation is written in it; later e-mails follow the language she uses the site in."),
    )


class InvitationForm(forms.Form):
    """A moderator invites a partner: an account without password, in the partners group, with her organisations."""

    email = invitation_email_field()
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    organisations = forms.ModelMultipleChoiceField(
        Organisation.objects.all(), label=_("Organisations"), help_text=_("The organisations she speaks for.")
    )
    language = mail_language_field()

    def clean_email(self):
        return unused_address(self.cleaned_data["email"], _("%(email)s already has an account; add a membership to it instead."))

    def save(self):
        data = self.cleaned_data
        with transaction.atomic():
            user = get_user_model().objects.create_user(
                data["email"], data["email"], first_name=data["first_name"], last_name=data["last_name"]
            )  # no password: unusable until she sets one through the invitation's link
            user.groups.add(Group.objects.get(name="partners"))
            PartnerMembership.objects.bulk_create(
                PartnerMembership(user=user, organisation=organisation) for organisation in data["organisations"]
            )
            MailLanguage.objects.create(user=user, language=data["language"])
        return user
