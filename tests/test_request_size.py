"""A request declaring a body larger than its page accepts is refused with 413 before a byte of it is read.

The test client's body is smaller than the length each request declares: reading it would fail,
so an answer at all shows that nothing was read.
"""

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

EXCEL = reverse("admin:initiatives_initiative_excel")
MB = 1024 * 1024


def held_uploads(settings):
    folder = settings.HOME_DIR / "uploads"
    return list(folder.iterdir()) if folder.exists() else []


def test_the_excel_page_refuses_a_workbook_over_its_limit_by_its_declared_length_and_reads_one_within(moderator, strategy, settings):
    response = moderator.post(EXCEL, {"workbook": "x"}, CONTENT_LENGTH=str(30 * MB))
    assert response.status_code == 413
    assert "The request is 30.0 MB, more than the 20.0 MB this page accepts; nothing of it was read or saved." in response.content.decode()
    assert held_uploads(settings) == []
    upload = SimpleUploadedFile("overview.xlsx", b"\x89PNG" + bytes(3 * MB))  # more than any other page accepts
    response = moderator.post(EXCEL, {"workbook": upload})
    assert response.status_code == 200 and "not an Excel workbook" in response.content.decode()


def test_a_form_declaring_more_than_a_form_takes_is_refused_in_the_visitor_s_language(anonymous, db):
    response = anonymous.post("/fr/job-ad-checker/", {"text": "x"}, CONTENT_LENGTH=str(3 * MB))
    assert response.status_code == 413
    sentence = "La requête fait 3,0 Mo, plus que les 2,5 Mo que cette page accepte ; rien n'en a été lu ni enregistré."
    assert escape(sentence) in response.content.decode()


def test_the_api_refuses_an_oversized_body_in_json(anonymous, db):
    response = anonymous.post("/api/job-ads/check", json.dumps({"text": "x"}), content_type="application/json", CONTENT_LENGTH=str(3 * MB))
    assert response.status_code == 413
    assert response.json() == {"detail": "The request is 3.0 MB, more than the 2.5 MB this page accepts; nothing of it was read or saved."}
