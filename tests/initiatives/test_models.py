import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.periods import parse_partial_date, validate_partial_date
from widmonitor.languages import LocalText, pick
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
