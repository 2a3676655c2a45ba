"""The one write path: derived data kept true, relations saved with the record, one history entry per save."""

import datetime

import pytest
from django.urls import reverse

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative, save_initiatives
from widmonitor.strategy.models import Objective
from widmonitor.vocabularies.models import Term


def audience(code):
    return Term.objects.get(vocabulary="audience", code=code)


def test_a_save_with_relations_is_one_history_entry_naming_who_and_why(strategy, django_user_model):
    editor = django_user_model.objects.create_user("editor")
    initiative = Initiative(uid="a", title={"nl": "Titel"})
    save_initiative(initiative, {"audiences": [audience("girls")], "objectives": [Objective.objects.get(code="1.3")]}, editor, "Created")
    initiative.title = {"nl": "Nieuwe titel"}
    save_initiative(initiative, {"audiences": [audience("girls"), audience("teachers")]}, editor, "Edited")

    changed, created = initiative.history.all()
    assert [(e.history_type, e.history_change_reason, e.history_user) for e in (created, changed)] == [
        ("+", "Created", editor),
        ("~", "Edited", editor),
    ]
    assert sorted(c.field for c in changed.diff_against(created).changes) == ["audiences", "title"]
    assert sorted(link.term.code for link in changed.audiences.all()) == ["girls", "teachers"]
    assert [link.objective.code for link in changed.objectives.all()] == ["1.3"]  # kept: not given
    assert initiative.created_by == editor


@pytest.mark.parametrize(
    ("starts", "ends", "first", "last"),
    [
        ("2021", "2023-06", datetime.date(2021, 1, 1), datetime.date(2023, 6, 30)),
        ("2022-09-15", "", datetime.date(2022, 9, 15), None),
        ("", "2024", None, datetime.date(2024, 12, 31)),
    ],
)
def test_a_partial_date_s_bounds_are_stored_beside_it(db, starts, ends, first, last):
    initiative = save_initiative(Initiative(uid="a", title={"nl": "a"}, starts=starts, ends=ends))
    initiative.refresh_from_db()
    assert (initiative.starts_on, initiative.ends_on) == (first, last)


def test_periods_are_filtered_by_their_stored_bounds(db):
    save_initiatives(
        [
            (Initiative(uid="past", title={"nl": "a"}, starts="2019", ends="2020-06"), {}),
            (Initiative(uid="current", title={"nl": "b"}, starts="2021-09", ends="2023"), {}),
            (Initiative(uid="open", title={"nl": "c"}, starts="2022-03"), {}),
            (Initiative(uid="undated", title={"nl": "d"}), {}),
        ]
    )

    def running(year):
        return sorted(Initiative.objects.running_in_year(year).values_list("uid", flat=True))

    assert running(2022) == ["current", "open"]
    assert running(2024) == ["open"]
    assert running(2019) == ["past"]


def test_an_objective_is_served_directly_or_through_its_sub_objectives(strategy):
    codes = {"direct": ["2"], "through-sub": ["2.3"], "elsewhere": ["4.1"], "both": ["2", "2.1"]}
    for uid, objectives in codes.items():
        save_initiative(Initiative(uid=uid, title={"nl": uid}), {"objectives": Objective.objects.filter(code__in=objectives)})
    objective = Objective.objects.get(code="2")
    assert sorted(Initiative.objects.serving(objective).values_list("uid", flat=True)) == ["both", "direct", "through-sub"]
    assert list(Initiative.objects.serving(Objective.objects.get(code="2.3")).values_list("uid", flat=True)) == ["through-sub"]


def test_initiatives_are_filtered_by_terms_once_each(vocabularies):
    save_initiative(Initiative(uid="a", title={"nl": "a"}), {"audiences": [audience("girls"), audience("women")]})
    save_initiative(Initiative(uid="b", title={"nl": "b"}), {"audiences": [audience("teachers")]})
    assert list(Initiative.objects.with_terms("audiences", ["girls", "women"]).values_list("uid", flat=True)) == ["a"]
    with pytest.raises(ValueError, match="'colours' is not one of audiences, regions, languages, formats"):
        Initiative.objects.with_terms("colours", ["red"])


def test_one_back_office_edit_of_text_and_relations_is_one_history_entry(moderator, strategy):
    initiative = save_initiative(Initiative(uid="a", title={"nl": "Titel"}, original_language="nl"))
    url = reverse("admin:initiatives_initiative_change", args=[initiative.pk])
    form = moderator.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name not in ("title", "summary")}
    data.update({"title_nl": "Titel", "title_en": "Title", "audiences": [audience("girls").pk]})
    data.update({"listings-TOTAL_FORMS": 0, "listings-INITIAL_FORMS": 0})
    for name in ("organisations", "objectives", "regions", "languages", "formats"):
        data[name] = []

    response = moderator.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    edit, creation = initiative.history.all()
    assert edit.history_user.username == "moderator"
    assert edit.history_change_reason == "Edited in the back office: Title, Target audiences"
    assert [link.term.code for link in edit.audiences.all()] == ["girls"]


def test_creating_in_the_back_office_is_one_history_entry(moderator, strategy):
    data = {"uid": "new-one", "moderation": "draft", "original_language": "fr", "title_fr": "Nouvelle initiative"}
    data.update({"sector": "unknown", "cost": "unknown", "status": "unknown", "audiences": [audience("women").pk]})
    data.update({"listings-TOTAL_FORMS": 0, "listings-INITIAL_FORMS": 0})

    response = moderator.post(reverse("admin:initiatives_initiative_add"), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    created = Initiative.objects.get(uid="new-one")
    (entry,) = created.history.all()
    assert (entry.history_type, entry.history_change_reason, entry.history_user.username) == (
        "+",
        "Created in the back office",
        "moderator",
    )
    assert (created.created_by.username, [a.term.code for a in entry.audiences.all()]) == ("moderator", ["women"])


def test_reverting_restores_the_whole_record_relations_included_in_one_entry(moderator, strategy):
    first_objectives = Objective.objects.filter(code__in=["1.3"])
    initiative = save_initiative(
        Initiative(uid="a", title={"nl": "Eerste titel"}), {"audiences": [audience("girls")], "objectives": first_objectives}
    )
    first = initiative.history.get()
    initiative.title = {"nl": "Tweede titel"}
    save_initiative(initiative, {"audiences": [audience("teachers")], "objectives": Objective.objects.filter(code="4.2")})
    url = reverse("admin:initiatives_initiative_simple_history", args=[initiative.pk, first.history_id])
    form = moderator.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name not in ("title", "summary")}
    data.update({f"title_{code}": text for code, text in form.initial["title"].items()})
    data.update({name: [getattr(v, "pk", v) for v in data.get(name, [])] for name in ("organisations", "objectives", "audiences", "regions", "languages", "formats")})
    data.update({"listings-TOTAL_FORMS": 0, "listings-INITIAL_FORMS": 0})

    response = moderator.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    initiative.refresh_from_db()
    assert initiative.title == {"nl": "Eerste titel"}
    assert [a.code for a in initiative.audiences.all()] == ["girls"]
    assert [o.code for o in initiative.objectives.all()] == ["1.3"]
    assert initiative.history.count() == 3
    entry = initiative.history.first()
    assert entry.history_change_reason.startswith("Reverted to the version of ")
    assert [link.term.code for link in entry.audiences.all()] == ["girls"]


def test_saving_over_a_colleague_s_later_save_in_the_back_office_is_refused(moderator, strategy, django_user_model):
    initiative = save_initiative(Initiative(uid="a", title={"nl": "Titel"}))
    url = reverse("admin:initiatives_initiative_change", args=[initiative.pk])
    form = moderator.get(url).context["adminform"].form  # she opens the record ...
    colleague = django_user_model.objects.create_user("colleague")
    initiative.status = "ongoing"
    save_initiative(initiative, {}, colleague, "Edited")  # ... a colleague saves it meanwhile
    data = {name: value for name, value in form.initial.items() if value is not None and name not in ("title", "summary")}
    data.update({"title_nl": "Haar titel", "listings-TOTAL_FORMS": 0, "listings-INITIAL_FORMS": 0})
    for name in ("organisations", "objectives", "audiences", "regions", "languages", "formats"):
        data[name] = []

    response = moderator.post(url, data)

    assert response.status_code == 200
    assert "colleague saved this initiative on " in response.content.decode()
    initiative.refresh_from_db()
    assert (initiative.title, initiative.status, initiative.version) == ({"nl": "Titel"}, "ongoing", 2)
