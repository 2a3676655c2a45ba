"""Initiatives carry the DigComp 2.2 areas and competences they develop: a controlled list from the framework's data
file, edited in the back office, proposed by partners for their own records, and kept by the overview workbook."""

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.xlsx_export import export_overview
from widmonitor.initiatives.xlsx_import import import_overview
from widmonitor.partners.models import Proposal
from widmonitor.search.models import SearchEntry
from widmonitor.selfcheck.framework import framework
from widmonitor.vocabularies.models import Term

from ..initiatives import xlsx_factory as factory
from ..partners.conftest import account, client_of, initiative_form, make_organisation  # noqa: F401  (account: a fixture's helper)

ROLES = ["anonymous", "partner of X", "partner of Y", "moderator", "administrator"]


def tag(code):
    return Term.objects.get(vocabulary="digcomp", code=code)


def test_the_list_holds_the_framework_s_5_areas_and_21_competences_in_its_order_and_languages(vocabularies):
    terms = list(Term.objects.of("digcomp").order_by("position"))
    expected = [code for area in framework().areas for code in (area.code, *(c.code for c in area.competences))]
    assert [term.code for term in terms] == expected and len(terms) == 26
    assert tag("3.4").label == {"en": "3.4 Programming", "nl": "3.4 Programmeren", "fr": "3.4 Programmation"}
    assert tag("4").original_language == "en"


@pytest.fixture
def world(vocabularies, django_user_model):
    from widmonitor.initiatives.writes import save_initiative

    org_x, org_y = make_organisation("org-x", "Organisation X"), make_organisation("org-y", "Organisation Y")
    x = save_initiative(Initiative(uid="x-coding-club", title={"en": "X coding club"}, original_language="en", moderation="published"), {"organisations": [org_x]}, reason="Test record")
    people = {
        "anonymous": None,
        "partner of X": account(django_user_model, "partner-x", "partners", org_x),
        "partner of Y": account(django_user_model, "partner-y", "partners", org_y),
        "moderator": account(django_user_model, "moderator", "moderators", is_staff=True),
        "administrator": django_user_model.objects.create_superuser("root", "root@example.org", "pass-1234-pass"),
    }
    return {"org_x": org_x, "x": x, "people": people}


def propose_tags(client, world):
    data = initiative_form(world["org_x"], title="X coding club", seen_version=world["x"].version, digcomp=[tag("3.4").pk])
    client.post(reverse("partners:propose", args=["x-coding-club"]), data)
    return Proposal.objects.filter(data__digcomp=[tag("3.4").pk]).exists()


def tag_in_the_back_office(client, world):
    url = reverse("admin:initiatives_initiative_change", args=[world["x"].pk])
    data = {
        "uid": "x-coding-club", "moderation": "published", "original_language": "en", "seen_version": world["x"].version,
        "title_en": "X coding club", "sector": "unknown", "cost": "unknown", "status": "unknown",
        "organisations": [world["org_x"].pk], "digcomp": [tag("3.4").pk, tag("4").pk],
        "listings-TOTAL_FORMS": 0, "listings-INITIAL_FORMS": 0,
    }  # fmt: skip
    client.post(url, data)
    return sorted(world["x"].digcomp.values_list("code", flat=True)) == ["3.4", "4"]


TAG_WRITES = {
    "propose DigComp tags for X's record": (propose_tags, {"partner of X"}),
    "tag X's record in the back office": (tag_in_the_back_office, {"moderator", "administrator"}),
}


@pytest.mark.parametrize("write", TAG_WRITES)
@pytest.mark.parametrize("role", ROLES)
def test_exactly_the_right_roles_may_change_what_an_initiative_develops(write, role, world):
    attempt, allowed = TAG_WRITES[write]
    assert attempt(client_of(world["people"][role]), world) == (role in allowed)


def test_a_partner_proposes_tags_from_the_list_only(world):
    data = initiative_form(world["org_x"], title="X coding club", seen_version=world["x"].version, digcomp=[999999])
    response = client_of(world["people"]["partner of X"]).post(reverse("partners:propose", args=["x-coding-club"]), data)
    assert response.status_code == 400 and "Select a valid choice. 999999 is not one of the available choices." in response.content.decode()
    assert not Proposal.objects.exists()


def test_the_moderator_reads_the_proposed_tags_and_accepting_applies_them(world):
    partner, moderator = client_of(world["people"]["partner of X"]), client_of(world["people"]["moderator"])
    page = partner.get(reverse("partners:propose", args=["x-coding-club"])).content.decode()
    assert "DigComp 2.2 areas and competences" in page and "3.4 Programming" in page
    assert propose_tags(partner, world)
    proposal = Proposal.objects.get()
    diff = moderator.get(reverse("admin:partners_proposal_change", args=[proposal.pk])).content.decode()
    assert '<ins><span class="wm-sr">added: </span>3.4 Programming' in diff
    moderator.post(reverse("admin:partners_proposal_accept", args=[proposal.pk]), {"message": ""})
    assert list(world["x"].digcomp.values_list("code", flat=True)) == ["3.4"]
    assert set(SearchEntry.objects.get(pk=world["x"].pk).facets.split()) >= {"digcomp:3.4", "digcomp:3"}


@pytest.fixture
def tagged_overview(strategy, tmp_path):
    coderdojo, _tech_day = factory.sample_initiatives()
    coderdojo.digcomp.set([tag("3.4"), tag("4"), tag("1.1")])
    path = tmp_path / "overview.xlsx"
    export_overview(path)
    return path


def test_the_overview_has_a_digcomp_column_of_codes_in_the_framework_s_order_and_the_codes_sheet_names_them(tagged_overview):
    assert [cell.value for cell in factory.column_values(tagged_overview, "digcomp")] == ["1.1; 3.4; 4", None]
    codes = [row for row in load_workbook(tagged_overview)["Codes"].iter_rows(values_only=True) if row[0] == "digcomp"]
    assert len(codes) == 26 and ("digcomp", "3.4", "3.4 Programmeren", "3.4 Programmation", "3.4 Programming") in codes


def test_the_digcomp_column_survives_a_round_trip(tagged_overview, tmp_path):
    report = import_overview(tagged_overview)
    again = tmp_path / "again.xlsx"
    export_overview(again)
    assert (report.errors, report.created, report.updated, report.unchanged) == ([], 0, 0, 2)
    assert factory.sheet_values(again) == factory.sheet_values(tagged_overview)


def test_an_edited_digcomp_cell_changes_the_tags(tagged_overview):
    factory.edit(tagged_overview, {(2, "digcomp"): "2.3;5", (3, "digcomp"): "4.2"})
    report = import_overview(tagged_overview)
    assert (report.errors, report.updated) == ([], 2)
    tags = {i.uid: sorted(i.digcomp.values_list("code", flat=True)) for i in Initiative.objects.all()}
    assert tags == {"coderdojo-belgium": ["2.3", "5"], "women-in-tech-day": ["4.2"]}


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("3.9", 'unknown DigComp 2.2 area or competence code "3.9" (expected one of 1, 1.1, 1.2, 1.3, 2, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 3, 3.1, '),
        ("Programming", 'unknown DigComp 2.2 area or competence code "Programming" (expected one of 1, 1.1, '),
        ("3.4 Programming", 'unknown DigComp 2.2 area or competence code "3.4 Programming" (expected one of '),
    ],
)
def test_a_bad_digcomp_cell_is_a_typed_located_error_and_changes_nothing(tagged_overview, cell, message):
    before = factory.database_state()
    factory.edit(tagged_overview, {(3, "digcomp"): f"1.1; {cell}"})
    [error] = import_overview(tagged_overview).errors
    assert (error.code, error.sheet, error.row, error.column, error.header, error.value) == ("unknown_code", "Initiatives", 3, "Y", "digcomp", cell)
    assert str(error).startswith(f"Initiatives, row 3, column Y (digcomp): {message}")
    assert factory.database_state() == before


def test_the_bundled_registry_tags_only_what_its_sources_say_plainly_and_the_notes_say_why(registry):
    tagged = Initiative.objects.filter(digcomp__isnull=False).distinct()
    assert sorted(tagged.values_list("uid", flat=True)) == [
        "becode-coding-school", "coderdojo-leren-programmeren", "molengeek-coding-school-and-coworking", "python-online-tutorial",
    ]  # fmt: skip
    assert all("DigComp 3.4 (Programming) because" in i.provenance_note for i in tagged)
    assert {code for i in tagged for code in i.digcomp.values_list("code", flat=True)} == {"3.4"}


@pytest.mark.parametrize(("language", "said"), [("nl", "Ontwikkelt (DigComp 2.2)</dt><dd>3.4 Programmeren"), ("fr", "Développe (DigComp 2.2)</dt><dd>3.4 Programmation"), ("en", "Develops (DigComp 2.2)</dt><dd>3.4 Programming")])
def test_the_initiative_s_page_says_what_it_develops(anonymous, world, language, said):
    from widmonitor.initiatives.writes import save_initiative

    save_initiative(world["x"], {"digcomp": [tag("3.4")]}, reason="Tagged")
    assert said in anonymous.get(f"/{language}/initiatives/x-coding-club/").content.decode()
