"""The result as a PDF: built from the answers she posts, in her language, tagged, with the area profile and its figures."""

import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from .test_fitting import tagged_registry  # noqa: F401  (a fixture)
from .test_pages import all_answers

# area 2 at intermediate (2.0), 3.4 at foundation (area 3: 1 of 4 levels = 0.3), everything else not yet
ANSWERS = all_answers(**{f"c2_{n}": ["yes", "yes", "not-yet"] for n in range(1, 7)}, c3_4=["yes", "not-yet"])
EXPECTED = {
    "nl": ("Uw resultaat van de zelftest", "2. Communicatie en samenwerking Middenniveau 2,0", "3. Digitale content creëren Beginner 0,2"),
    "fr": ("Le résultat de votre autodiagnostic", "2. Communication et collaboration Intermédiaire 2,0", "3. Création de contenus numériques Premiers pas 0,2"),
    "en": ("Your self-check result", "2. Communication and collaboration Intermediate 2.0", "3. Digital content creation Getting started 0.2"),
}


def pdf_of(client, language, data):
    response = client.post(f"/{language}/self-check/self-check.pdf", data)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/pdf" and 'attachment; filename="self-check.pdf"' == response["Content-Disposition"]
    return PdfReader(io.BytesIO(response.content))


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_pdf_holds_the_area_profile_and_its_figures_in_her_language(anonymous, db, language):
    reader = pdf_of(anonymous, language, ANSWERS)
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    heading, area_2, area_3 = EXPECTED[language]
    assert text.startswith(heading)
    assert area_2 in text and area_3 in text
    assert "DigComp 2.2" in text and "CC BY 4.0" in text


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_pdf_is_tagged_and_says_its_language(anonymous, db, language):
    root = pdf_of(anonymous, language, ANSWERS).trailer["/Root"]
    assert root["/Lang"] == language and "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]


def test_the_pdf_says_what_to_learn_next_from_the_answers_posted(anonymous, db):
    text = "\n".join(page.extract_text() for page in pdf_of(anonymous, "en", ANSWERS).pages)
    assert "I can write a small program or automation" in " ".join(text.split())  # 3.4's next level


def test_incomplete_answers_get_no_pdf_and_the_reason(anonymous, db):
    response = anonymous.post("/en/self-check/self-check.pdf", {"c1.1-foundation": "yes"})
    assert response.status_code == 400 and "answer every page of the self-check" in response.content.decode()


def test_making_the_pdf_writes_nothing(anonymous, db):
    with CaptureQueriesContext(connection) as queries:
        pdf_of(anonymous, "en", ANSWERS)
    assert [q["sql"] for q in queries if re.match(r"\s*(INSERT|UPDATE|DELETE)", q["sql"], re.IGNORECASE)] == []


def test_the_pdf_is_only_made_from_a_post(anonymous, db):
    assert anonymous.get("/en/self-check/self-check.pdf").status_code == 405


def test_the_pdf_lists_the_initiatives_that_fit_her_choices_as_the_page_shows_them(anonymous, tagged_registry):
    choices = {"fit": "1", "language": "fr", "region": "wallonia"}
    page = anonymous.post("/en/self-check/", {**ANSWERS, **choices, "page": "result", "go": "fit"}).content.decode()
    shown = re.findall(r'<h3><a href="(/en/initiatives/[^"]+)"><span lang="en">([^<]+)</span>', page)
    assert shown and 'name="region" value="wallonia"' in page.split('selfcheck-pdf')[0].rsplit("<form", 1)[1]
    text = " ".join(" ".join(p.extract_text() for p in pdf_of(anonymous, "en", {**ANSWERS, **choices}).pages).split())
    assert "Initiatives that fit" in text
    assert [title for _address, title in shown] == [t for t in re.findall(r"(Coding club for girls|Safe online: a workshop|Communicating online|An evening course|Poster campaign on passwords)", text)]
    assert all(f"http://testserver{address}" in text.replace(" ", "") for address, _title in shown)
