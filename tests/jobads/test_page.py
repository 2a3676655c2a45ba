import logging

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.views.debug import ExceptionReporter

from widmonitor.jobads.throttle import CHECKS_PER_MINUTE

AD = "Engineer (m/f/x)\nWe want an ambitious person who is loyal and will join our team."


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_page_shows_the_form_in_every_interface_language(anonymous, db, language):
    response = anonymous.get(f"/{language}/job-ad-checker/")
    assert response.status_code == 200
    assert b'name="csrfmiddlewaretoken"' in response.content and b"<textarea" in response.content


@pytest.mark.parametrize("persona", ["anonymous", "partner", "moderator", "admin"])
def test_everyone_may_check_a_text(request, db, persona):
    response = request.getfixturevalue(persona).post("/en/job-ad-checker/", {"text": AD, "language": "auto"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<mark class="jobad-masculine">ambitious<sup class="jobad-kind" aria-hidden="true">1</sup>' in html
    assert '<mark class="jobad-feminine">loyal' in html


@pytest.mark.parametrize(
    "language, hidden",
    [
        ("en", ["(masculine-coded; research list)", "(masculine-coded; widmonitor&#x27;s translation)", "(job title only in the masculine; public guidance)"]),
        ("nl", ["(mannelijk gecodeerd; lijst uit onderzoek)", "(mannelijk gecodeerd; vertaling door widmonitor)", "(functietitel alleen in de mannelijke vorm; openbaar advies)"]),
        ("fr", ["(à connotation masculine ; liste issue d&#x27;une recherche)", "(à connotation masculine ; traduction de widmonitor)", "(intitulé de poste uniquement au masculin ; recommandation publique)"]),
    ],
)
def test_each_marked_word_says_which_kind_of_source_it_comes_from(anonymous, db, language, hidden):
    text = "Verkoper\nWij zoeken een ambitieuze en gedreven collega."
    html = anonymous.post(f"/{language}/job-ad-checker/", {"text": text, "language": "nl"}).content.decode()
    assert '<mark class="jobad-masculine">ambitieuze<sup class="jobad-kind" aria-hidden="true">1</sup>' in html
    assert '<mark class="jobad-masculine">gedreven<sup class="jobad-kind" aria-hidden="true">3</sup>' in html
    assert '<mark class="jobad-title">Verkoper<sup class="jobad-kind" aria-hidden="true">2</sup>' in html
    assert all(f'<span class="visually-hidden"> {text}</span>' in html for text in hidden)


def test_a_french_page_names_the_detected_language_in_lower_case_inside_its_sentence(anonymous, db):
    text = "Développeur (H/F/X)\nNous cherchons une personne curieuse pour rejoindre notre équipe à Bruxelles."
    html = anonymous.post("/fr/job-ad-checker/", {"text": text, "language": "auto"}).content.decode()
    assert "qui sont en français" in html
    assert "en Français" not in html


def test_the_page_says_where_the_words_come_from_not_that_research_found_them_all(anonymous, db):
    html = anonymous.post("/en/job-ad-checker/", {"text": "Coach\nEen ambitieuze en gedreven collega.", "language": "nl"}).content.decode()
    assert "words that research finds coded" not in html
    assert "<li>research list: 1</li><li>public guidance: 0</li><li>widmonitor&#x27;s translation: 1</li>" in html
    assert "<dt>1</dt><dd>research list" in html and "<dt>3</dt><dd>widmonitor&#x27;s translation" in html


def test_a_post_without_the_csrf_token_is_refused(db):
    response = Client(enforce_csrf_checks=True).post("/en/job-ad-checker/", {"text": AD, "language": "auto"})
    assert response.status_code == 403


def test_every_text_field_of_the_page_is_escaped(anonymous, db):
    text = 'Engineer (m/f/x)\n<b>ambitious</b> "><script>alert(1)</script> we are loyal and you will join our team'
    html = anonymous.post("/en/job-ad-checker/", {"text": text, "language": "en"}).content.decode()
    assert "<script>alert(1)</script>" not in html and "<b>ambitious" not in html
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 2  # in the text area and in the marked copy
    assert '&lt;b&gt;<mark class="jobad-masculine">ambitious' in html


def test_an_empty_text_is_refused_with_a_sentence(anonymous, db):
    response = anonymous.post("/en/job-ad-checker/", {"text": "   ", "language": "auto"})
    assert response.status_code == 400
    assert "The text is empty: paste the text of a vacancy." in response.content.decode()


def test_a_visitor_is_limited_to_a_number_of_checks_a_minute(anonymous, db):
    for _ in range(CHECKS_PER_MINUTE):
        assert anonymous.post("/en/job-ad-checker/", {"text": AD, "language": "en"}).status_code == 200
    assert anonymous.post("/en/job-ad-checker/", {"text": AD, "language": "en"}).status_code == 429


def test_the_text_is_neither_stored_nor_logged(anonymous, db, caplog):
    caplog.set_level(logging.DEBUG)
    with CaptureQueriesContext(connection) as queries:
        anonymous.post("/en/job-ad-checker/", {"text": AD + " SECRET-MARKER", "language": "en"})
    assert queries.captured_queries and all('"throttle_counter"' in query["sql"] for query in queries)  # the visitor's count only
    assert not any("SECRET-MARKER" in query["sql"] for query in queries)
    assert not any("SECRET-MARKER" in record.getMessage() for record in caplog.records)


def test_an_error_report_does_not_echo_the_text(anonymous, db, monkeypatch, caplog):
    def failing(text):
        raise ValueError(f"cannot fold {text}")

    monkeypatch.setattr("widmonitor.jobads.checker.folded", failing)
    anonymous.raise_request_exception = False
    caplog.set_level(logging.ERROR, logger="django.request")
    response = anonymous.post("/en/job-ad-checker/", {"text": AD + " SECRET-MARKER", "language": "en"})
    assert response.status_code == 500
    record = next(record for record in caplog.records if record.exc_info)
    report = ExceptionReporter(record.request, *record.exc_info, is_email=True).get_traceback_text()
    assert "ValueError" in report and "SECRET-MARKER" not in report
    assert "SECRET-MARKER" not in record.getMessage()
