"""The public calendar's filters (when, where, for whom, language, cost), its paging, and the map's counts."""

import datetime

import pytest

from widmonitor.vocabularies.models import Term

from .conftest import event_of


@pytest.fixture
def events(records, vocabularies):
    x = records[0]
    terms = {t.code: t for t in Term.objects.all()}
    leuven = event_of(x, title={"en": "Leuven girls day"}, province="VBR", municipality="Leuven")
    leuven.audiences.set([terms["girls"], terms["age-12-18"]])
    leuven.languages.set([terms["nl"]])
    liege = event_of(x, title={"en": "Liège women workshop"}, province="WLG", municipality="Liège", cost="paid", price=10)
    liege.audiences.set([terms["women"]])
    liege.languages.set([terms["fr"]])
    event_of(x, title={"en": "Online CTF"}, online=True, municipality="", province="")
    event_of(x, title={"en": "April meetup"}, day=datetime.date(2027, 4, 6))
    event_of(x, title={"en": "Unpublished"}, moderation="submitted")
    return x


def titles(client, query):
    page = client.get(f"/en/events/?{query}")
    assert page.status_code == 200
    names = ("Leuven girls day", "Liège women workshop", "Online CTF", "April meetup", "Unpublished")
    return [name for name in names if name in page.content.decode()]


@pytest.mark.parametrize(
    "query, shown",
    [
        ("month=2027-03", ["Leuven girls day", "Liège women workshop", "Online CTF"]),
        ("month=2027-04", ["April meetup"]),
        ("from=2027-03-01&to=2027-04-30", ["Leuven girls day", "Liège women workshop", "Online CTF", "April meetup"]),
        ("month=2027-03&province=WLG", ["Liège women workshop"]),
        ("month=2027-03&region=flanders", ["Leuven girls day"]),
        ("month=2027-03&online=1", ["Online CTF"]),
        ("month=2027-03&region=wallonia&online=1", ["Liège women workshop", "Online CTF"]),
        ("month=2027-03&audience=girls", ["Leuven girls day"]),
        ("month=2027-03&age=age-12-18", ["Leuven girls day"]),
        ("month=2027-03&language=fr", ["Liège women workshop"]),
        ("month=2027-03&cost=paid", ["Liège women workshop"]),
        ("month=2027-03&cost=free", ["Leuven girls day", "Online CTF"]),
    ],
)
def test_each_filter_narrows_the_calendar(client, events, query, shown):
    assert titles(client, query) == shown


@pytest.mark.parametrize(
    "query, message",
    [
        ("month=2027-13", '"2027-13" is not a month (expected e.g. 2027-03).'),
        ("from=2027-04-01&to=2027-03-01", "The period ends (2027-03-01) before it starts (2027-04-01)."),
        ("province=XX", '"XX" is not a choice of the filter “Province”.'),
        ("cost=cheap", '"cheap" is not a choice of the filter “Cost”.'),
    ],
)
def test_a_bad_filter_is_said_and_left_out(client, events, query, message):
    response = client.get(f"/en/events/?{query}")
    assert response.status_code == 400
    assert message in response.content.decode().replace("&quot;", '"')


def test_the_calendar_pages_twenty_events_at_a_time(client, records, vocabularies):
    for n in range(23):
        event_of(records[0], title={"en": f"Session {n:02d}"}, start=(8, n), end=(18, 0))
    first = client.get("/en/events/?month=2027-03").content.decode()
    second = client.get("/en/events/?month=2027-03&page=2").content.decode()
    assert "Session 19" in first and "Session 20" not in first
    assert "Session 20" in second and "Page 2 of 2" in second


def test_the_map_counts_each_province_and_region_and_links_to_the_calendar(client, events):
    page = client.get("/en/events/map/?month=2027-03").content.decode()
    assert '<a href="/en/events/?month=2027-03&amp;province=WLG">Liège</a></th><td>1</td>' in page
    assert '<a href="/en/events/?month=2027-03&amp;region=flanders">Flanders</a></th><td>1</td>' in page
    assert '<a href="/en/events/?month=2027-03&amp;online=1">online</a></th><td>1</td>' in page
    assert page.count("<path ") == 11


@pytest.mark.parametrize("view", ["", "feed.ics", "map/"])
@pytest.mark.parametrize(
    "query, message",
    [
        ("month=9999-12", '"9999-12" is outside the years the calendar covers (1900 to 2999).'),
        ("month=0001-01", '"0001-01" is outside the years the calendar covers (1900 to 2999).'),
        ("to=9999-12-31", '"9999-12-31" is outside the years the calendar covers (1900 to 2999).'),
        ("from=0001-01-01", '"0001-01-01" is outside the years the calendar covers (1900 to 2999).'),
    ],
)
def test_a_period_at_the_edge_of_the_calendar_is_a_bad_filter_not_a_server_error(client, events, view, query, message):
    response = client.get(f"/en/events/{view}?{query}")
    assert response.status_code == 400
    assert message in response.content.decode().replace("&quot;", '"')


def test_a_period_outside_the_calendar_is_said_in_the_page_language(client, events):
    response = client.get("/fr/events/?to=9999-12-31")
    assert response.status_code == 400
    assert "« 9999-12-31 » est en dehors des années que couvre le calendrier (1900 à 2999)." in response.content.decode().replace("&quot;", '"').replace("&#x27;", "'")
