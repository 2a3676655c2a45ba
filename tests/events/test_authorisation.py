"""Who may do what with events: anonymous, a partner of the initiative's organisation, another partner, a moderator."""

import datetime

import pytest
from django.urls import reverse

from widmonitor.events.models import Event

from .conftest import client_of, event_of

ROLES = ("anonymous", "partner of X", "partner of Y", "moderator")


@pytest.fixture
def scene(records, vocabularies):
    x = records[0]
    return {
        "published": event_of(x, title={"en": "Published day"}),
        "submitted": event_of(x, title={"en": "Submitted day"}, moderation="submitted"),
        "ended": event_of(x, day=datetime.date(2025, 3, 1), title={"en": "Past day"}),
    }


# (what, role, expected status); 302 for anonymous: sent to the partner login
MATRIX = [
    ("public page of a published event", "anonymous", 200),
    ("public page of a published event", "partner of Y", 200),
    ("public page of a submitted event", "anonymous", 404),
    ("public page of a submitted event", "partner of X", 404),
    ("public page of a submitted event", "moderator", 404),
    ("partner events", "anonymous", 302),
    ("partner events", "partner of X", 200),
    ("partner events", "partner of Y", 200),
    ("partner events", "moderator", 200),
    ("outcome form of the ended event", "anonymous", 302),
    ("outcome form of the ended event", "partner of X", 200),
    ("outcome form of the ended event", "partner of Y", 404),
    ("outcome form of the ended event", "moderator", 404),
    ("edit form of the submitted event", "anonymous", 302),
    ("edit form of the submitted event", "partner of X", 200),
    ("edit form of the submitted event", "partner of Y", 404),
    ("edit form of the submitted event", "moderator", 404),
    ("edit form of the published event", "partner of X", 404),
    ("withdraw form of the published event", "anonymous", 302),
    ("withdraw form of the published event", "partner of X", 200),
    ("withdraw form of the published event", "partner of Y", 404),
    ("withdraw form of the published event", "moderator", 404),
    ("back office queue of events", "anonymous", 302),
    ("back office queue of events", "partner of X", 302),
    ("back office queue of events", "moderator", 200),
    ("back office queue of event outcomes", "partner of Y", 302),
    ("back office queue of event outcomes", "moderator", 200),
]


def address(what, scene):
    return {
        "public page of a published event": lambda: scene["published"].get_absolute_url(),
        "public page of a submitted event": lambda: f"/en/events/{scene['submitted'].uid}/",
        "partner events": lambda: reverse("partner_events:overview"),
        "edit form of the submitted event": lambda: reverse("partner_events:edit", args=[scene["submitted"].uid]),
        "edit form of the published event": lambda: reverse("partner_events:edit", args=[scene["published"].uid]),
        "withdraw form of the published event": lambda: reverse("partner_events:withdraw", args=[scene["published"].uid]),
        "outcome form of the ended event": lambda: reverse("partner_events:outcome", args=[scene["ended"].uid]),
        "back office queue of events": lambda: reverse("admin:events_event_changelist"),
        "back office queue of event outcomes": lambda: reverse("admin:events_eventoutcome_changelist"),
    }[what]()


@pytest.mark.parametrize("what, role, expected", MATRIX)
def test_the_authorisation_matrix(scene, people, what, role, expected):
    assert client_of(people[role]).get(address(what, scene)).status_code == expected


def test_a_partner_lists_only_her_organisations_events(scene, people):
    page = client_of(people["partner of Y"]).get(reverse("partner_events:overview")).content.decode()
    assert "Submitted day" not in page and "Published day" not in page
    page = client_of(people["partner of X"]).get(reverse("partner_events:overview")).content.decode()
    assert "Submitted day" in page


def event_form(initiative, **extra):
    return {
        "initiative": initiative.pk, "title_en": "Workshop", "original_language": "en",
        "starts_at": "2027-05-04T14:00", "ends_at": "2027-05-04T17:00", "municipality": "Namur", "province": "WNA",
        "cost": "free", **extra,
    }


@pytest.mark.parametrize("role, expected, created", [("anonymous", 302, 0), ("partner of X", 302, 1), ("partner of Y", 400, 0), ("moderator", 400, 0)])
def test_only_a_partner_of_the_initiative_can_submit_an_event_for_it(records, vocabularies, people, role, expected, created):
    response = client_of(people[role]).post(reverse("partner_events:submit"), event_form(records[0]))
    assert response.status_code == expected
    assert Event.objects.count() == created
    if created:
        event = Event.objects.get()
        assert event.moderation == "submitted" and event.created_by == people[role]
        assert event.starts_at == datetime.datetime(2027, 5, 4, 12, 0, tzinfo=datetime.timezone.utc)


def test_a_moderator_publishes_a_submitted_event_and_the_history_names_her(scene, people):
    submitted = scene["submitted"]
    response = client_of(people["moderator"]).post(
        reverse("admin:events_event_changelist"), {"action": "publish", "_selected_action": [submitted.pk], "message": ""}
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.moderation == "published"
    assert submitted.history.first().history_user == people["moderator"]
    assert client_of(None).get(submitted.get_absolute_url()).status_code == 200


def test_a_partner_cannot_publish_through_the_back_office(scene, people):
    client_of(people["partner of X"]).post(
        reverse("admin:events_event_changelist"), {"action": "publish", "_selected_action": [scene["submitted"].pk]}
    )
    scene["submitted"].refresh_from_db()
    assert scene["submitted"].moderation == "submitted"


@pytest.mark.parametrize("role, expected, title", [("partner of X", 302, "Workshop"), ("partner of Y", 404, "Submitted day"), ("moderator", 404, "Submitted day")])
def test_only_a_partner_of_the_initiative_can_edit_her_submitted_event(scene, records, people, role, expected, title):
    event = scene["submitted"]
    response = client_of(people[role]).post(reverse("partner_events:edit", args=[event.uid]), event_form(records[0]))
    assert response.status_code == expected
    event.refresh_from_db()
    assert event.text("title").text == title
    assert event.moderation == "submitted"


def test_an_edit_keeps_the_address_and_the_history_and_a_published_event_cannot_be_edited(scene, records, people):
    partner = client_of(people["partner of X"])
    event = scene["submitted"]
    partner.post(reverse("partner_events:edit", args=[event.uid]), event_form(records[0], starts_at="2027-05-04T15:00"))
    event.refresh_from_db()
    assert Event.objects.filter(uid=event.uid).count() == 1 and event.history.count() == 2
    assert event.history.first().history_change_reason == "Edited by partner-x"
    published = scene["published"]
    response = partner.post(reverse("partner_events:edit", args=[published.uid]), event_form(records[0]))
    assert response.status_code == 404
    published.refresh_from_db()
    assert published.text("title").text == "Published day"


def test_the_partner_events_list_offers_edit_only_for_events_not_yet_published(scene, people):
    page = client_of(people["partner of X"]).get(reverse("partner_events:overview")).content.decode()
    assert reverse("partner_events:edit", args=[scene["submitted"].uid]) in page
    assert reverse("partner_events:edit", args=[scene["published"].uid]) not in page


@pytest.mark.parametrize("role, expected", [("anonymous", 302), ("partner of X", 302), ("partner of Y", 404), ("moderator", 404)])
def test_only_a_partner_of_the_initiative_can_withdraw_her_published_event(scene, people, role, expected):
    event = scene["published"]
    response = client_of(people[role]).post(reverse("partner_events:withdraw", args=[event.uid]))
    assert response.status_code == expected
    event.refresh_from_db()
    assert (event.cancelled_at is not None) == (role == "partner of X")


def test_a_withdrawn_event_leaves_the_calendar_and_the_feed_and_its_page_says_it_is_cancelled(client, scene, people):
    event = scene["published"]
    assert "Published day" in client.get("/en/events/?month=2027-03").content.decode()
    client_of(people["partner of X"]).post(reverse("partner_events:withdraw", args=[event.uid]))
    event.refresh_from_db()
    assert "Published day" not in client.get("/en/events/?month=2027-03").content.decode()
    assert b"Published day" not in client.get("/en/events/feed.ics?month=2027-03").content
    page = client.get(event.get_absolute_url())
    assert page.status_code == 200
    assert "This event is cancelled: its organiser withdrew it." in page.content.decode()
    assert '"eventStatus": "https://schema.org/EventCancelled"' in page.content.decode()
    assert event.history.first().history_change_reason == "Withdrawn by partner-x"
    assert event.moderation == "published" and event.history.count() == 2


def test_a_partner_cannot_withdraw_an_event_not_yet_published_or_already_over(scene, people):
    partner = client_of(people["partner of X"])
    for name in ("submitted", "ended"):
        assert partner.post(reverse("partner_events:withdraw", args=[scene[name].uid])).status_code == 404
        scene[name].refresh_from_db()
        assert scene[name].cancelled_at is None
