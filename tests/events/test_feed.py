"""The iCalendar feed: the calendar's filters as a file calendar applications read (RFC 5545), parsed back here."""

import datetime

from icalendar import Calendar

from widmonitor.events.models import Event

from .conftest import event_of


def feed_events(client, query=""):
    response = client.get(f"/en/events/feed.ics{query}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    return {str(entry["SUMMARY"]): entry for entry in calendar.walk("VEVENT")}


def test_the_feed_lists_the_published_events_of_the_filter_with_the_required_properties(client, records, vocabularies):
    x = records[0]
    event_of(x, title={"en": "Leuven hackathon"}, province="VBR", municipality="Leuven")
    event_of(x, title={"en": "Liège workshop"}, province="WLG", municipality="Liège")
    event_of(x, title={"en": "Draft day"}, moderation="submitted")
    entries = feed_events(client, "?month=2027-03&region=flanders")
    assert list(entries) == ["Leuven hackathon"]
    entry = entries["Leuven hackathon"]
    for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SEQUENCE", "URL", "LOCATION"):
        assert required in entry
    assert entry.decoded("dtstart") == datetime.datetime(2027, 3, 28, 8, 0, tzinfo=datetime.timezone.utc)
    assert str(entry["LOCATION"]) == "Leuven, Flemish Brabant"


def test_an_edit_keeps_the_uid_and_raises_the_sequence(client, records, vocabularies):
    event = event_of(records[0], title={"en": "Coding day"})
    before = feed_events(client, "?month=2027-03")["Coding day"]
    event = Event.objects.get(pk=event.pk)
    event.capacity = 40
    event.save()
    after = feed_events(client, "?month=2027-03")["Coding day"]
    assert str(after["UID"]) == str(before["UID"])
    assert int(after["SEQUENCE"]) == int(before["SEQUENCE"]) + 1


def test_text_with_commas_semicolons_and_new_lines_survives_the_round_trip(client, records, vocabularies):
    event_of(records[0], title={"en": "Code, learn; repeat"}, description={"en": "Line one\nLine two, with; marks"})
    entry = feed_events(client, "?month=2027-03")["Code, learn; repeat"]
    assert str(entry["DESCRIPTION"]) == "Line one\nLine two, with; marks"


def test_a_feed_with_a_bad_filter_is_refused_with_the_reason(client, records, vocabularies):
    response = client.get("/en/events/feed.ics?month=2027-13")
    assert response.status_code == 400
    assert '"2027-13" is not a month' in response.content.decode()


def test_an_unchanged_feed_is_served_from_what_was_kept_and_answers_304_to_its_tag(client, records, vocabularies, django_assert_max_num_queries):
    event_of(records[0], title={"en": "Coding day"})
    first = client.get("/en/events/feed.ics?month=2027-03")

    with django_assert_max_num_queries(2):  # the filter's terms, the events' count and latest save; no event read again
        again = client.get("/en/events/feed.ics?month=2027-03")
    not_modified = client.get("/en/events/feed.ics?month=2027-03", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.content == first.content and again["ETag"] == first["ETag"]
    assert (not_modified.status_code, not_modified.content, not_modified["ETag"]) == (304, b"", first["ETag"])


def test_a_kept_feed_is_written_again_once_an_event_changes_or_in_another_language(client, records, vocabularies):
    event = event_of(records[0], title={"en": "Coding day", "nl": "Codeerdag"})
    first = client.get("/en/events/feed.ics?month=2027-03")
    dutch = client.get("/nl/events/feed.ics?month=2027-03")
    event = Event.objects.get(pk=event.pk)
    event.title = {"en": "Coding day, renamed", "nl": "Codeerdag"}
    event.save()

    changed = client.get("/en/events/feed.ics?month=2027-03", HTTP_IF_NONE_MATCH=first["ETag"])

    assert b"Codeerdag" in dutch.content and b"Codeerdag" not in first.content
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    assert list(feed_events(client, "?month=2027-03")) == ["Coding day, renamed"]
