import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from widmonitor.initiatives.models import Initiative, PublishedList, PublishedListEntry
from widmonitor.initiatives.periods import NOT_KNOWN, OUTSIDE, RUNNING, bounds, evidence, parse_partial_date, validate_partial_date
from widmonitor.initiatives.writes import save_initiatives
from widmonitor.languages import LocalText, pick
from widmonitor.strategy.models import Objective
from widmonitor.vocabularies.choices import Moderation
from widmonitor.vocabularies.models import Term


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2022", datetime.date(2022, 1, 1), datetime.date(2022, 12, 31)),
        ("2024-02", datetime.date(2024, 2, 1), datetime.date(2024, 2, 29)),
        ("2022-12", datetime.date(2022, 12, 1), datetime.date(2022, 12, 31)),
        ("2022-09-15", datetime.date(2022, 9, 15), datetime.date(2022, 9, 15)),
    ],
)
def test_a_partial_date_covers_its_whole_period(value, first, last):
    assert parse_partial_date(value) == (first, last)


@pytest.mark.parametrize("value", ["22", "2022-13", "2022-02-30", "2022/09", "next year", "2022-9"])
def test_it_rejects_what_is_not_a_partial_date(value):
    with pytest.raises(ValidationError) as caught:
        validate_partial_date(value)
    assert caught.value.messages == [
        f"{value} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2022 or 2022-09)."
    ]


def test_the_title_in_the_original_language_is_required(db):
    initiative = Initiative(uid="a", title={"fr": "Un titre"}, original_language="nl")
    with pytest.raises(ValidationError) as caught:
        initiative.full_clean()
    assert caught.value.message_dict == {"title": ["The title in the original language (nl) is required."]}


def test_an_initiative_cannot_end_before_it_starts(db):
    initiative = Initiative(uid="a", title={"nl": "Titel"}, starts="2022-09", ends="2022")
    initiative.full_clean()  # same year: ends (2022-12-31) is after starts
    initiative.ends = "2021-12"
    with pytest.raises(ValidationError) as caught:
        initiative.full_clean()
    assert caught.value.message_dict == {"ends": ["The end (2021-12) comes before the start (2022-09)."]}


def test_a_new_initiative_gets_a_unique_identifier_from_its_title(db):
    first = Initiative.objects.create(title={"en": "Girls Code Day", "nl": "Meisjescodedag"})
    second = Initiative.objects.create(title={"en": "Girls Code Day"}, original_language="en")
    assert (first.uid, second.uid) == ("girls-code-day", "girls-code-day-2")


@pytest.mark.parametrize(
    ("texts", "original", "language", "expected"),
    [
        ({"nl": "Titel", "en": "Title"}, "nl", "en", LocalText("Title", "en")),
        ({"nl": "Titel", "en": "Title"}, "en", "nl", LocalText("Titel", "nl")),
        ({"nl": "Titel", "en": "Title"}, "en", "fr", LocalText("Title", "en", fallback=True)),
        ({"nl": "Titel", "en": "Title", "fr": ""}, "nl", "fr", LocalText("Titel", "nl", fallback=True)),
        ({"en": "Title"}, "nl", "fr", LocalText("Title", "en", fallback=True)),  # a record whose original is missing
        ({}, "nl", "fr", LocalText("", "nl", fallback=True)),
        ({}, "nl", "nl", LocalText("", "nl", fallback=False)),
    ],
)
def test_a_text_is_shown_in_the_language_asked_else_in_its_original_marked(texts, original, language, expected):
    assert pick(texts, original, language) == expected


def test_a_record_s_text_follows_the_active_language(db):
    initiative = Initiative(uid="a", title={"nl": "Titel", "en": "Title"}, original_language="nl")
    with translation.override("fr"):
        assert (str(initiative), initiative.text("title").fallback) == ("Titel", True)
    with translation.override("en"):
        assert (str(initiative), initiative.text("title").fallback) == ("Title", False)


def test_only_published_initiatives_are_public(db):
    Initiative.objects.create(uid="draft", title={"nl": "a"})
    Initiative.objects.create(uid="live", title={"nl": "b"}, moderation=Moderation.PUBLISHED)
    assert list(Initiative.objects.published().values_list("uid", flat=True)) == ["live"]


def test_every_edit_is_kept_with_who_and_what(db, django_user_model, vocabularies):
    user = django_user_model.objects.create_user("editor")
    initiative = Initiative.objects.create(uid="a", title={"nl": "Eerste titel"})
    initiative._history_user = user
    initiative.title["nl"] = "Tweede titel"
    initiative.save()
    initiative.audiences.add(Term.objects.get(vocabulary="audience", code="girls"))
    added, renamed, created = initiative.history.all()
    assert [(c.field, c.old, c.new) for c in renamed.diff_against(created).changes] == [
        ("title", {"nl": "Eerste titel"}, {"nl": "Tweede titel"})
    ]
    assert renamed.history_user == user
    assert [c.field for c in added.diff_against(renamed).changes] == ["audiences"]
    assert [a.term.code for a in added.audiences.all()] == ["girls"]


# (starts, ends, stored status, what the period proves about 2022)
PERIODS_IN_2022 = [
    ("", "", "unknown", NOT_KNOWN),
    ("", "", "ongoing", NOT_KNOWN),  # a stored status carries no date
    ("2020", "", "unknown", RUNNING),  # open-ended from its start on
    ("2021-12-31", "", "planned", RUNNING),  # planned once, started since, open-ended
    ("2020", "", "completed", NOT_KNOWN),  # ended at some unknown time after its start
    ("2022-05", "", "completed", RUNNING),  # ended at some time after a start in 2022
    ("2023", "", "unknown", OUTSIDE),
    ("2019", "2021", "unknown", OUTSIDE),
    ("2021", "2023", "unknown", RUNNING),
    ("2022-12-31", "2022-12-31", "completed", RUNNING),
    ("", "2022-03", "unknown", RUNNING),  # it ran up to its end in 2022
    ("", "2024", "unknown", NOT_KNOWN),  # whether it had started by 2022 is not known
    ("", "2021-12", "unknown", OUTSIDE),
]


def make_records(cases):
    records = [
        (Initiative(uid=f"case-{i}", title={"nl": "t"}, starts=starts, ends=ends, status=status), {})
        for i, (starts, ends, status, _expected) in enumerate(cases)
    ]
    return save_initiatives(records)


@pytest.mark.parametrize(("starts", "ends", "status", "expected"), PERIODS_IN_2022)
def test_a_period_proves_running_in_a_year_only_from_its_dates(starts, ends, status, expected):
    first, last = bounds(starts, ends)
    assert evidence(datetime.date(2022, 1, 1), datetime.date(2022, 12, 31), first, last, status == "completed") == expected


def test_the_year_s_queries_follow_the_same_rule_as_the_period(db):
    make_records(PERIODS_IN_2022)
    running = set(Initiative.objects.running_in_year(2022).values_list("uid", flat=True))
    unknown = set(Initiative.objects.period_unknown_in_year(2022).values_list("uid", flat=True))
    by_case = {f"case-{i}": case[3] for i, case in enumerate(PERIODS_IN_2022)}
    assert running == {uid for uid, expected in by_case.items() if expected == RUNNING}
    assert unknown == {uid for uid, expected in by_case.items() if expected == NOT_KNOWN}


def test_a_record_without_period_or_listing_does_not_run_in_2022(db):
    Initiative.objects.create(uid="undated", title={"nl": "t"}, status="ongoing")
    assert not Initiative.objects.running_in_year(2022).exists()
    assert list(Initiative.objects.period_unknown_in_year(2022).values_list("uid", flat=True)) == ["undated"]


def test_an_open_ended_record_started_in_2020_runs_in_2022_but_not_in_2019(db):
    Initiative.objects.create(uid="open", title={"nl": "t"}, starts="2020")
    assert list(Initiative.objects.running_in_year(2022).values_list("uid", flat=True)) == ["open"]
    assert not Initiative.objects.running_in_year(2019).exists()
    assert not Initiative.objects.period_unknown_in_year(2019).exists()  # known: it had not started


def listed_in(document, *initiatives):
    published = PublishedList.objects.create(
        document=document, section="5.1", objective=Objective.objects.current().get(code="1"), stated_text="..."
    )
    for position, initiative in enumerate(initiatives, start=1):
        PublishedListEntry.objects.create(published_list=published, position=position, initiative=initiative, text="...")


def test_a_record_listed_in_a_year_s_edition_runs_in_that_year_only(strategy):
    undated = Initiative.objects.create(uid="undated", title={"nl": "t"})
    later = Initiative.objects.create(uid="starts-later", title={"nl": "t"}, starts="2023")
    listed_in("wid-report-2022", undated, later)
    assert list(Initiative.objects.running_in_year(2022).values_list("uid", flat=True)) == ["undated"]
    assert not Initiative.objects.period_unknown_in_year(2022).exists()  # the listed record with a later start is outside
    assert list(Initiative.objects.period_unknown_in_year(2023).values_list("uid", flat=True)) == ["undated"]
    assert list(Initiative.objects.running_in_year(2023).values_list("uid", flat=True)) == ["starts-later"]


@pytest.mark.parametrize(
    ("starts", "ends", "stored", "shown"),
    [
        ("", "", "ongoing", "unknown"),  # "ongoing" with no date to support it
        ("2020", "", "ongoing", "ongoing"),
        ("2020", "", "unknown", "ongoing"),  # started, open-ended
        ("2022-09", "", "planned", "ongoing"),  # its planned start has come
        ("2020", "2023", "ongoing", "completed"),  # its end has passed
        ("2024", "", "completed", "completed"),
        ("2027", "", "unknown", "planned"),
        ("", "", "planned", "planned"),
        ("", "2027", "ongoing", "unknown"),  # whether it has started is not known
        ("", "", "unknown", "unknown"),
    ],
)
def test_the_status_shown_never_claims_ongoing_without_a_date_for_it(starts, ends, stored, shown):
    initiative = Initiative(uid="a", title={"nl": "t"}, starts=starts, ends=ends, status=stored)
    initiative.derive()
    assert initiative.status_on(datetime.date(2026, 12, 7)) == shown
