"""A partner reads her e-mails in her language: the one chosen at invitation, then the one she uses the pages in."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from widmonitor.partners.models import language_of

from .test_moderation_queue import decide, proposal_of

INVITE = reverse("admin:partners_partnermembership_invite")
INVITED = "You are invited to keep your initiatives up to date on widmonitor"


def in_language(code, text, **params):
    with translation.override(code):
        translated = gettext(text)
    assert translated != text or code == "en", f"no {code} translation of {text!r}"
    return translated % params if params else translated


def test_the_invitation_is_written_in_the_language_the_moderator_chose(moderator_client, organisations, mailoutbox):
    data = {"email": "an@example.org", "organisations": [organisations[0].pk], "language": "fr"}

    moderator_client.post(INVITE, data)

    (mail,) = mailoutbox
    assert mail.subject == in_language("fr", INVITED)
    assert "/fr/partner/password-reset/" in mail.body


def test_the_invitation_form_offers_the_moderators_own_language_first(moderator_client, organisations):
    page = moderator_client.get(INVITE, HTTP_ACCEPT_LANGUAGE="nl").content.decode()

    assert '<option value="nl" selected>' in page


def test_a_decision_reaches_the_partner_in_the_language_she_last_used_the_pages_in(records, people, partner_x, moderator_client, mailoutbox):
    partner_x.get("/nl/partner/")
    proposal = proposal_of(records, people)

    decide(moderator_client, "accept", [proposal], "Dank je!")

    (mail,) = mailoutbox
    assert mail.subject == in_language("nl", "Your proposal #%(number)s was accepted", number=proposal.pk)
    assert "/nl/partner/" in mail.body
    assert language_of(people["partner of X"]) == "nl"


def test_a_partner_who_never_chose_gets_the_sites_default_language(records, people, moderator_client, mailoutbox, settings):
    settings.LANGUAGE_CODE = "fr"
    proposal = proposal_of(records, people)

    decide(moderator_client, "reject", [proposal], "Pas de site.")

    assert mailoutbox[0].subject == in_language("fr", "Your proposal #%(number)s was rejected", number=proposal.pk)


def test_an_expert_is_invited_in_the_language_chosen_for_her(partner_x, mailoutbox):
    data = {"email": "nora@example.org", "name": "Nora", "language": "nl"}

    partner_x.post(reverse("expert_invitations:invite"), data)

    (mail,) = mailoutbox
    assert mail.subject == in_language("nl", "You are invited to the Women in Digital expert and role-model directory")
    assert "/nl/experts/" in mail.body


def test_an_outcome_decision_reaches_the_partner_in_her_language(records, people, partner_x, mailoutbox):
    from widmonitor.reach.emails import send_outcome_decision
    from widmonitor.reach.models import Outcome

    partner_x.get("/fr/partner/")
    x, _y = records
    outcome = Outcome.objects.create(
        initiative=x, year=2024, participants=10, women_and_girls=4, sessions=1, source_kind="own-count", entered_by=people["partner of X"]
    )
    outcome.reject(people["moderator"], "Pas de source.")

    send_outcome_decision(outcome)

    assert mailoutbox[0].subject == in_language("fr", "Your outcome #%(number)s was rejected", number=outcome.pk)
