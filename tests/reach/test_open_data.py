"""The reach as open data: accepted figures of published initiatives only, counts and computed shares, no personal
data; the header row in the page's language or, with ?headers=codes, the column codes; a schema.org Dataset."""

import csv
import io
import json

import pytest

from .conftest import outcome_of


def read_csv(content, delimiter=","):
    assert content.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=delimiter))


@pytest.fixture
def reported(records, people):
    """X's club: 2023 accepted, 2024 accepted with a note naming a person, 2025 pending; Y's draft: accepted."""
    club, draft = records
    outcome_of(club, year=2023, participants=80, women=20, status="accepted", sessions=4)
    outcome_of(club, year=2024, participants=120, women=70, status="accepted",
               source_note="Counted by Anna Peeters", entered_by=people["partner of X"])  # fmt: skip
    outcome_of(club, year=2025, participants=999, women=1, status="pending")
    outcome_of(draft, year=2024, participants=50, women=50, status="accepted")


def test_the_csv_holds_the_accepted_figures_of_published_initiatives_with_their_share(reported, anonymous):
    rows = read_csv(anonymous.get("/en/reach/download.csv?headers=codes").content)

    assert rows == [
        ["initiative", "title", "year", "participants", "women_and_girls", "women_share", "sessions", "source_kind"],
        ["x-coding-club", "X coding club", "2023", "80", "20", "0.25", "4", "own-count"],
        ["x-coding-club", "X coding club", "2024", "120", "70", "0.5833", "", "own-count"],
    ]


def test_no_personal_data_and_no_pending_or_draft_figure_is_published(reported, anonymous):
    content = b"".join(anonymous.get(f"/en/reach/download.{fmt}").content for fmt in ("csv", "semicolon.csv", "json"))

    for absent in (b"Anna Peeters", b"partner-x", b"999", b"y-draft"):
        assert absent not in content


@pytest.mark.parametrize(("language", "first"), [("nl", "Initiatief (identificatie)"), ("fr", "Initiative (identifiant)"), ("en", "Initiative (identifier)")])
def test_the_header_row_is_in_the_pages_language(reported, anonymous, language, first):
    rows = read_csv(anonymous.get(f"/{language}/reach/download.semicolon.csv").content, ";")

    assert rows[0][0] == first and rows[2][5] == "0,5833"


def test_an_unknown_kind_of_header_row_is_refused_with_a_sentence(reported, anonymous):
    response = anonymous.get("/en/reach/download.csv?headers=french")

    assert response.status_code == 400
    assert response.content.decode() == '"french" is not a kind of header row (expected labels, in the page\'s language, or codes).'


def test_the_json_keeps_the_codes_and_gives_the_labels(reported, anonymous):
    document = json.loads(anonymous.get("/fr/reach/download.json").content)

    assert document["count"] == 2 and document["reach"][1]["women_share"] == 0.5833
    assert document["labels"]["participants"] == "Participant·es" and document["labels"]["year"] == "Année"


def test_the_reach_page_shows_each_years_total_and_describes_the_dataset(reported, anonymous):
    page = anonymous.get("/nl/reach/").content.decode()

    assert '<th scope="row">2024</th><td>1 van het 1 initiatief dat dat jaar liep</td><td>120</td><td>70</td><td>58 %</td>' in page
    data = json.loads(page.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert (data["@type"], data["identifier"], data["temporalCoverage"]) == ("Dataset", "reach", "2023/2024")
    assert {d["contentUrl"] for d in data["distribution"]} == {f"http://testserver/nl/reach/download.{fmt}" for fmt in ("csv", "semicolon.csv", "json")}


def test_the_reach_page_groups_thousands_and_says_what_the_initiatives_count(records, anonymous):
    outcome_of(records[0], year=2024, participants=1200, women=700, status="accepted")

    english, french = (anonymous.get(f"/{language}/reach/").content.decode() for language in ("en", "fr"))

    assert '<td>1 of the 1 initiative running that year</td><td>1,200</td><td>700</td>' in english
    assert "<td>1 sur 1 initiative en cours cette année-là</td><td>1\xa0200</td><td>700</td>" in french


def test_the_french_reach_page_names_the_moderators_of_both_genders(reported, anonymous):
    page = anonymous.get("/fr/reach/").content.decode()

    assert "tel que les organisations l'ont déclaré et que les modératrices et modérateurs du groupe de travail l'ont accepté" in page
