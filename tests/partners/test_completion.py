"""Completeness for partners: her pages list her records by what they miss, she can give the cost, and moderators
invite the partners of chosen organisations by e-mail, in each one's language, at most once a month each."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative
from widmonitor.partners import reminders
from widmonitor.partners.models import CompletionReminder, MailLanguage, PartnerMembership, Proposal

from .conftest import client_of, initiative_form
from .test_mail_language import in_language

HOME = reverse("partners:overview")
ORGANISATIONS = reverse("admin:actors_organisation_changelist")


@pytest.fixture
def complete_x(records, organisations, vocabularies):
    """A fictional record of X (made up for the test) that says all six facts."""
    from widmonitor.vocabularies.models import Term

    terms = {
        "regions": [Term.objects.get(vocabulary="region", code="brussels")],
        "audiences": [Term.objects.get(vocabulary="audience", code="girls")],
        "languages": [Term.objects.get(vocabulary="language", code="nl")],
        "organisations": [organisations[0]],
    }
    fields = {"url": "https://x.example.org", "cost": "free", "starts": "2024", "moderation": "published"}
    return save_initiative(Initiative(uid="x-complete", title={"en": "X complete club"}, original_language="en", **fields), terms)


def invite(client, organisations):
    return client.post(ORGANISATIONS, {"action": "invite_partners_to_complete", "_selected_action": [o.pk for o in organisations]}, follow=True)


def said(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_her_pages_list_her_records_least_complete_first_with_what_each_misses(records, complete_x, partner_x):
    page = partner_x.get(HOME).content.decode()
    assert page.index("X coding club") < page.index("X complete club")
    assert "0 of 6 (0 %); missing: web address, cost, region, target audience, languages, period" in page
    assert "6 of 6 (100 %), complete" in page


def test_she_can_propose_the_cost(records, partner_x, organisations):
    x, _y = records
    data = initiative_form(organisations[0], title="X coding club", summary_en="", starts="", url="", cost="free", seen_version=x.version)
    assert partner_x.post(reverse("partners:propose", args=[x.uid]), data).status_code == 302
    assert Proposal.objects.get().data == {"cost": "free"}


def test_the_propose_page_says_what_the_record_misses(records, partner_x):
    page = partner_x.get(reverse("partners:propose", args=[records[0].uid])).content.decode()
    assert "Completeness of the record now: 0 of 6 (0 %); missing: web address" in page


def test_moderators_invite_the_partners_of_chosen_organisations_each_in_her_language(records, people, moderator_client, organisations, mailoutbox):
    MailLanguage.objects.create(user=people["partner of X"], language="nl")
    response = invite(moderator_client, [organisations[0]])
    (mail,) = mailoutbox  # partner of Y speaks for another organisation
    assert mail.to == ["partner-x@example.org"]
    subject = "%(count)s of your initiatives on widmonitor misses facts: please complete it"
    assert mail.subject == in_language("nl", subject, count=1) and "\n" not in mail.subject
    assert "X coding club – 0 van 6 (0 %)" in mail.body and "/nl/partner/" in mail.body and "Y draft" not in mail.body
    assert said(response) == ["1 partner invited to complete her records (how many records each): partner-x@example.org (1)."]
    reminder = CompletionReminder.objects.get()
    assert (reminder.user, reminder.sent_by, reminder.records) == (people["partner of X"], people["moderator"], 1)


def test_a_partner_is_invited_at_most_once_a_month_and_the_moderator_is_told_when_next(records, people, moderator_client, organisations, mailoutbox):
    invite(moderator_client, [organisations[0]])
    response = invite(moderator_client, organisations)
    assert [m.to for m in mailoutbox] == [["partner-x@example.org"], ["partner-y@example.org"]]
    today, next_time = timezone.localdate(), timezone.localdate() + timedelta(days=30)
    assert (
        f"Not e-mailed: partner-x@example.org was invited on {today:%Y-%m-%d}, and partners are invited at most once a month; "
        f"the next invitation can leave on {next_time:%Y-%m-%d}."
    ) in said(response)
    assert CompletionReminder.objects.filter(user=people["partner of X"]).count() == 1
    done = reminders.remind([organisations[0]], people["moderator"], now=timezone.now() + timedelta(days=31))
    assert [user for user, _count in done.sent] == [people["partner of X"]] and len(mailoutbox) == 3


def test_a_partner_whose_records_are_complete_is_not_e_mailed(records, complete_x, people, moderator_client, organisations, mailoutbox):
    Initiative.objects.filter(uid="x-coding-club").delete()
    response = invite(moderator_client, [organisations[0]])
    assert mailoutbox == [] and not CompletionReminder.objects.exists()
    assert said(response) == ["Not e-mailed, as their records of these organisations are complete: partner-x@example.org."]


def test_an_e_mail_that_fails_is_not_recorded_so_it_can_leave_later(records, people, moderator_client, organisations, mailoutbox, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr("widmonitor.partners.emails.send_mail", refuse)
    response = invite(moderator_client, [organisations[0]])
    assert "The e-mail could not be sent to partner-x@example.org (see above); try again later." in said(response)
    assert not CompletionReminder.objects.exists()


def test_organisations_without_partners_are_said_to_have_none(records, moderator_client, organisations, mailoutbox):
    PartnerMembership.objects.all().delete()
    assert said(invite(moderator_client, organisations)) == ["No partner speaks for the chosen organisations: nobody was e-mailed."]


@pytest.mark.parametrize("role", ["anonymous", "partner of X"])
def test_only_the_back_office_can_send_the_invitations(records, people, organisations, mailoutbox, role):
    response = invite(client_of(people[role]), [organisations[0]])
    assert mailoutbox == [] and not CompletionReminder.objects.exists()
    assert "/admin/login/" in response.redirect_chain[-1][0]


def test_moderators_read_who_was_invited_when_but_change_nothing(records, people, moderator_client, organisations):
    invite(moderator_client, [organisations[0]])
    page = moderator_client.get(reverse("admin:partners_completionreminder_changelist")).content.decode()
    assert "partner-x" in page
    reminder = CompletionReminder.objects.get()
    assert moderator_client.post(reverse("admin:partners_completionreminder_delete", args=[reminder.pk]), {"post": "yes"}).status_code == 403
    assert CompletionReminder.objects.exists()
