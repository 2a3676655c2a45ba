import datetime

import pytest
from django.core.exceptions import ValidationError

from widmonitor.initiatives.models import Initiative, Term
from widmonitor.initiatives.vocabulary import Moderation, parse_partial_date, validate_partial_date
from widmonitor.strategy.models import in_language


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
    initiative = Initiative(uid="a", title_fr="Un titre", original_language="nl")
    with pytest.raises(ValidationError) as caught:
        initiative.full_clean()
    assert caught.value.message_dict == {"title_nl": ["The title in the original language (nl) is required."]}


def test_an_initiative_cannot_end_before_it_starts(db):
    initiative = Initiative(uid="a", title_nl="Titel", starts="2022-09", ends="2022")
    initiative.full_clean()  # same year: ends (2022-12-31) is after starts
    initiative.ends = "2021-12"
    with pytest.raises(ValidationError) as caught:
        initiative.full_clean()
    assert caught.value.message_dict == {"ends": ["The end (2021-12) comes before the start (2022-09)."]}


def test_a_new_initiative_gets_a_unique_identifier_from_its_title(db):
    first = Initiative.objects.create(title_en="Girls Code Day", title_nl="Meisjescodedag")
    second = Initiative.objects.create(title_en="Girls Code Day")
    assert (first.uid, second.uid) == ("girls-code-day", "girls-code-day-2")


def test_text_falls_back_to_another_language_when_missing(db):
    initiative = Initiative(uid="a", title_nl="Titel", title_fr="", title_en="Title")
    assert in_language(initiative, "title", "fr") == "Titel"
    assert in_language(initiative, "title", "en") == "Title"


def test_only_published_initiatives_are_public(db):
    Initiative.objects.create(uid="draft", title_nl="a")
    Initiative.objects.create(uid="live", title_nl="b", moderation=Moderation.PUBLISHED)
    assert list(Initiative.objects.published().values_list("uid", flat=True)) == ["live"]


def test_every_edit_is_kept_with_who_and_what(db, django_user_model, vocabularies):
    user = django_user_model.objects.create_user("editor")
    initiative = Initiative.objects.create(uid="a", title_nl="Eerste titel")
    initiative._history_user = user
    initiative.title_nl = "Tweede titel"
    initiative.save()
    initiative.audiences.add(Term.objects.get(vocabulary="audience", code="girls"))
    added, renamed, created = initiative.history.all()
    assert [(c.field, c.old, c.new) for c in renamed.diff_against(created).changes] == [
        ("title_nl", "Eerste titel", "Tweede titel")
    ]
    assert renamed.history_user == user
    assert [c.field for c in added.diff_against(renamed).changes] == ["audiences"]
    assert [a.term.code for a in added.audiences.all()] == ["girls"]
