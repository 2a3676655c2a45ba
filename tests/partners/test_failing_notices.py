"""A notice e-mail that cannot be sent never undoes or hides a decision: it is logged and the moderator told.

These tests commit for real (``transaction=True``): the notices leave when the decision is
committed, inside the moderator's request, as on a live server.
"""

import logging
import smtplib

import pytest
from django.core.mail.backends.locmem import EmailBackend
from django.urls import reverse

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative

from .conftest import account, client_of

CHANGELIST = reverse("admin:initiatives_initiative_changelist")
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)  # keeps the groups of the migrations


class RefusingBackend(EmailBackend):
    """Delivers like the test outbox, except to addresses at refused.example, which the server refuses."""

    def send_messages(self, messages):
        for message in messages:
            if any(address.endswith("@refused.example") for address in message.to):
                raise smtplib.SMTPRecipientsRefused({message.to[0]: (550, b"No such mailbox")})
        return super().send_messages(messages)


def submitted_by(partner, title):
    record = Initiative(title={"en": title}, original_language="en", moderation="submitted", created_by=partner)
    return save_initiative(record, {"organisations": list(partner.memberships.values_list("organisation", flat=True))})


def publish(moderator, *initiatives):
    response = client_of(moderator).post(
        CHANGELIST, {"action": "publish", "_selected_action": [i.pk for i in initiatives], "reason": "Welcome"}, follow=True
    )
    return response, [str(message) for message in response.context["messages"]]


def test_a_title_with_a_line_break_is_published_and_its_notice_has_a_one_line_subject(people, organisations, mailoutbox):
    record = submitted_by(people["partner of X"], "A new\r\nclub")

    response, shown = publish(people["moderator"], record)

    assert response.status_code == 200
    assert Initiative.objects.get(pk=record.pk).moderation == "published"
    assert [m.subject for m in mailoutbox] == ["Your initiative “A new club” is now published"]
    assert shown == ["1 initiative published."]


def test_a_refused_notice_is_logged_and_told_and_the_next_notice_still_leaves(
    people, organisations, mailoutbox, settings, django_user_model, caplog
):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    refused = account(django_user_model, "partner-z", "partners", organisations[0])
    refused.email = "partner-z@refused.example"
    refused.save()
    first, second = submitted_by(refused, "First club"), submitted_by(people["partner of X"], "Second club")

    with caplog.at_level(logging.ERROR, logger="widmonitor.mail"):
        response, shown = publish(people["moderator"], first, second)

    assert response.status_code == 200
    assert set(Initiative.objects.filter(pk__in=[first.pk, second.pk]).values_list("moderation", flat=True)) == {"published"}
    assert [(m.to, m.subject) for m in mailoutbox] == [(["partner-x@example.org"], "Your initiative “Second club” is now published")]
    assert "2 initiatives published." in shown
    assert (
        "The e-mail “Your initiative “First club” is now published” to partner-z@refused.example could not be sent "
        "({'partner-z@refused.example': (550, b'No such mailbox')}). What was decided stands; tell her another way."
    ) in shown
    assert [record.getMessage() for record in caplog.records] == [
        "E-mail 'Your initiative “First club” is now published' to partner-z@refused.example not sent: "
        "{'partner-z@refused.example': (550, b'No such mailbox')}"
    ]


def test_an_invitation_whose_e_mail_is_refused_says_so_instead_of_sent(people, organisations, settings, mailoutbox):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    data = {"email": "an@refused.example", "first_name": "An", "last_name": "", "organisations": [organisations[0].pk], "language": "en"}

    response = client_of(people["moderator"]).post(reverse("admin:partners_partnermembership_invite"), data, follow=True)

    shown = [str(message) for message in response.context["messages"]]
    assert shown == [
        "The e-mail “You are invited to keep your initiatives up to date on widmonitor” to an@refused.example could not be "
        "sent ({'an@refused.example': (550, b'No such mailbox')}). What was decided stands; tell her another way.",
        "an@refused.example is invited, but the e-mail with the link to choose a password could not be sent (see above).",
    ]
    assert not mailoutbox
