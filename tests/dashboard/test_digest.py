"""The e-mail of what waits: each moderator in her language, at most once a day, only when a partner waits for an
answer; an e-mail that could not leave is tried again at the next run. ``widmonitor notify-moderators`` sends it."""

import smtplib
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from widmonitor.dashboard.digest import notify_moderators
from widmonitor.partners.models import MailLanguage

from ..partners.conftest import account
from .conftest import ago, outcome_since, proposal_since, submission_since


def test_a_moderator_is_emailed_what_waits_with_the_links_to_act(records, people, organisations, strategy, mailoutbox, settings):
    settings.SITE_URL = "https://widmonitor.example.be"
    proposal_since(records[0], people["partner of X"], ago(days=3, hours=1))
    proposal_since(records[0], people["partner of X"], ago(hours=1))
    outcome_since(records[0], people["partner of X"], ago(days=1, minutes=5))

    run = notify_moderators()

    assert run.sent == ["moderator"]
    [mail] = mailoutbox
    assert mail.to == ["moderator@example.org"]
    assert mail.subject == "widmonitor: 3 requests wait for moderation"
    assert "- Proposals to decide: 2; the oldest has waited 3\xa0days, 1\xa0hour\n  https://widmonitor.example.be/admin/partners/proposal/?status__exact=pending" in mail.body
    assert "- Outcomes (reach) to accept or reject: 1; the oldest has waited 1\xa0day\n  https://widmonitor.example.be/admin/reach/outcome/?status__exact=pending" in mail.body
    assert "Submitted initiatives" not in mail.body
    assert "- Editions to publish: 5 (Annual report 2021, Annual report 2022, Annual report 2023, Annual report 2024, Annual report 2025)" in mail.body
    assert "https://widmonitor.example.be/admin/\n" in mail.body


@pytest.mark.parametrize(
    "language, subject, line",
    [
        ("nl", "widmonitor: 1 verzoek wacht op moderatie", "- Ingediende initiatieven om te publiceren of af te wijzen: 1"),
        ("fr", "widmonitor : 1 demande attend la modération", "- Initiatives soumises à publier ou à refuser : 1"),
    ],
)
def test_a_moderator_is_emailed_in_her_language(records, people, organisations, strategy, mailoutbox, language, subject, line):
    MailLanguage.objects.create(user=people["moderator"], language=language)
    submission_since(people["partner of X"], ago(days=2), organisation=organisations[0])

    notify_moderators()

    assert mailoutbox[0].subject == subject
    assert line in mailoutbox[0].body


def test_a_moderator_is_emailed_at_most_once_a_day(records, people, strategy, mailoutbox):
    proposal_since(records[0], people["partner of X"], ago(days=1))
    today = timezone.localdate()

    first, again = notify_moderators(today), notify_moderators(today)
    tomorrow = notify_moderators(today + timedelta(days=1))

    assert (first.sent, again.sent, again.already_today, tomorrow.sent) == (["moderator"], [], ["moderator"], ["moderator"])
    assert len(mailoutbox) == 2


def test_nothing_is_sent_when_no_partner_waits_for_an_answer(records, people, strategy, mailoutbox):
    run = notify_moderators()  # editions to publish wait, but no partner does

    assert run.nothing_waits == ["moderator"] and not mailoutbox


def test_an_email_that_could_not_leave_is_tried_again_at_the_next_run(records, people, strategy, mailoutbox, monkeypatch):
    proposal_since(records[0], people["partner of X"], ago(days=1))

    def refused(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    with monkeypatch.context() as patch:
        patch.setattr("widmonitor.partners.emails.send_mail", refused)
        failed = notify_moderators()
    retried = notify_moderators()

    assert (failed.failed, retried.sent) == (["moderator"], ["moderator"])
    assert len(mailoutbox) == 1


def test_only_active_moderators_with_an_address_are_emailed(records, people, django_user_model, strategy, mailoutbox):
    proposal_since(records[0], people["partner of X"], ago(days=1))
    account(django_user_model, "gone", "moderators", is_staff=True, is_active=False)
    nameless = account(django_user_model, "nameless", "moderators", is_staff=True)
    nameless.email = ""
    nameless.save()

    notify_moderators()

    assert [mail.to for mail in mailoutbox] == [["moderator@example.org"]]  # not the administrator, partners, nor these two


def test_the_command_says_who_was_emailed(records, people, strategy, mailoutbox, capsys):
    proposal_since(records[0], people["partner of X"], ago(days=1))

    call_command("notify_moderators")

    assert capsys.readouterr().out == (
        "E-mailed 1 moderator(s) what waits: moderator; 0 already e-mailed today, 0 with nothing waiting, 0 not sent.\n"
    )


def test_the_command_fails_when_an_email_could_not_leave_so_that_the_daily_job_reports_it(records, people, strategy, monkeypatch):
    proposal_since(records[0], people["partner of X"], ago(days=1))
    monkeypatch.setattr("widmonitor.partners.emails.send_mail", lambda *a, **k: (_ for _ in ()).throw(ConnectionRefusedError(111, "Connection refused")))

    with pytest.raises(CommandError, match=r"The e-mail to moderator could not be sent \(see the log\); run the command again to retry\."):
        call_command("notify_moderators")
