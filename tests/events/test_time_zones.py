"""Events are typed and shown in Belgian time and stored in UTC, right across the changes to and from summer time."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from icalendar import Calendar

from widmonitor.events.times import local_instant

from .conftest import event_of

UTC = datetime.timezone.utc
SUMMER_STARTS = datetime.date(2027, 3, 28)  # last Sunday of March 2027
SUMMER_ENDS = datetime.date(2027, 10, 31)  # last Sunday of October 2027


@pytest.mark.parametrize(
    "day, time, utc",
    [
        (SUMMER_STARTS, datetime.time(1, 30), datetime.datetime(2027, 3, 28, 0, 30, tzinfo=UTC)),  # still winter time
        (SUMMER_STARTS, datetime.time(10, 0), datetime.datetime(2027, 3, 28, 8, 0, tzinfo=UTC)),  # summer time already
        (SUMMER_ENDS, datetime.time(1, 30), datetime.datetime(2027, 10, 30, 23, 30, tzinfo=UTC)),  # still summer time
        (SUMMER_ENDS, datetime.time(10, 0), datetime.datetime(2027, 10, 31, 9, 0, tzinfo=UTC)),  # winter time again
    ],
)
def test_a_belgian_time_names_the_right_utc_instant_on_either_side_of_the_change(day, time, utc):
    assert local_instant(day, time) == utc


def test_a_time_the_clocks_skip_is_refused():
    with pytest.raises(ValidationError) as refused:
        local_instant(SUMMER_STARTS, datetime.time(2, 30))
    assert refused.value.code == "time_skipped"
    assert "02:30 does not exist in Belgium on 2027-03-28" in refused.value.messages[0]


def test_a_time_that_happens_twice_is_refused():
    with pytest.raises(ValidationError) as refused:
        local_instant(SUMMER_ENDS, datetime.time(2, 30))
    assert refused.value.code == "time_ambiguous"


@pytest.mark.parametrize("day, utc_start", [(SUMMER_STARTS, "20270328T080000Z"), (SUMMER_ENDS, "20271031T090000Z")])
def test_the_page_shows_belgian_time_and_the_feed_utc_on_the_day_of_the_change(client, records, vocabularies, day, utc_start):
    event = event_of(records[0], day=day, start=(10, 0), end=(12, 0))
    page = client.get(f"/en/events/{event.uid}/").content.decode()
    assert "10:00–12:00" in page
    feed = client.get(f"/en/events/feed.ics?from={day.isoformat()}&to={day.isoformat()}").content
    assert f"DTSTART:{utc_start}".encode() in feed
    (parsed,) = Calendar.from_ical(feed).walk("VEVENT")
    assert parsed.decoded("dtstart") == event.starts_at


def test_an_event_late_on_the_last_evening_of_march_belongs_to_march_not_april(client, records, vocabularies):
    event_of(records[0], day=datetime.date(2027, 3, 31), start=(23, 0), end=(23, 45), title={"en": "Late night CTF"})
    assert "Late night CTF" in client.get("/en/events/?month=2027-03").content.decode()
    assert "Late night CTF" not in client.get("/en/events/?month=2027-04").content.decode()


@pytest.mark.parametrize(
    "typed, said",
    [
        ("2027-03-28T02:30", "02:30 does not exist in Belgium on 2027-03-28: when summer time starts, the clocks jump from 02:00 straight to 03:00. Choose a time before 02:00 or from 03:00 on."),
        ("2027-10-31T02:30", "02:30 happens twice in Belgium on 2027-10-31: when summer time ends, the clocks go back from 03:00 to 02:00, so that hour repeats. Choose a time before 02:00 or from 03:00 on."),
    ],
)
def test_the_partner_form_says_which_hour_the_clocks_skip_or_repeat_and_which_times_to_use(records, vocabularies, people, typed, said):
    from django.urls import reverse

    from widmonitor.events.models import Event

    from .conftest import client_of

    data = {
        "initiative": records[0].pk, "title_en": "Night hackathon", "original_language": "en", "starts_at": typed,
        "ends_at": "2027-10-31T18:00", "municipality": "Gent", "province": "VOV", "cost": "free",
    }
    response = client_of(people["partner of X"]).post(reverse("partner_events:submit"), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert said in page
    assert "Europe/Brussels" not in page
    assert not Event.objects.exists()


def test_the_partner_form_says_the_skipped_hour_in_french(records, vocabularies, people):
    from django.urls import reverse

    from .conftest import client_of

    data = {
        "initiative": records[0].pk, "title_en": "Night hackathon", "original_language": "en", "starts_at": "2027-03-28T02:30",
        "ends_at": "2027-03-28T18:00", "municipality": "Gent", "province": "VOV", "cost": "free",
    }
    with translation.override("fr"):
        url = reverse("partner_events:submit")
    page = client_of(people["partner of X"]).post(url, data).content.decode().replace("&#x27;", "'")
    assert "02:30 n'existe pas en Belgique le 2027-03-28 : au passage à l'heure d'été, les horloges sautent de 02:00 directement à 03:00." in page


def test_a_form_with_errors_lists_the_fields_to_correct_at_the_top(records, vocabularies, people):
    from django.urls import reverse

    from .conftest import client_of

    data = {"initiative": records[0].pk, "original_language": "en", "starts_at": "2027-03-28T02:30", "cost": "free"}
    page = client_of(people["partner of X"]).post(reverse("partner_events:submit"), data).content.decode()
    summary = page[page.index('<div class="errors" role="alert"><p>The event was not submitted.') :]
    summary = summary[: summary.index("</div>")]
    assert '<a href="#id_starts_at">Starts</a>' in summary
    assert '<a href="#id_ends_at">Ends</a>' in summary
    assert summary.index("#id_starts_at") < summary.index("#id_ends_at")
    assert "#id_cost" not in summary
