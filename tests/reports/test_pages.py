"""The portal's report pages and the back office: published editions for all, drafts for moderators only."""

import pytest

from widmonitor.reports import editions
from widmonitor.reports.models import Edition, TextBlock


def test_an_unpublished_year_is_not_public(data, anonymous):
    assert anonymous.get("/en/reports/2022/").status_code == 404
    assert anonymous.get("/en/reports/2022/download/html").status_code == 404
    assert "Draft report 2022" not in anonymous.get("/en/reports/").content.decode()


def test_a_partner_may_not_preview_a_draft(data, partner):
    assert partner.get("/en/reports/2022/").status_code == 404


@pytest.mark.parametrize("persona", ["moderator", "admin"])
def test_a_moderator_or_admin_previews_the_live_draft(data, persona, request):
    client = request.getfixturevalue(persona)
    page = client.get("/en/reports/2022/")
    assert page.status_code == 200
    assert "Draft computed from the live registry" in page.content.decode()
    assert '<a href="/en/reports/2022/">' in client.get("/en/reports/").content.decode()


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_a_published_edition_is_public_in_each_language_with_its_downloads(data, anonymous, language):
    editions.publish(2022, None)
    page = anonymous.get(f"/{language}/reports/2022/")
    content = page.content.decode()
    assert page.status_code == 200
    assert f'<html lang="{language}">' in content and 'id="section-initiatives"' in content
    for kind in ("html", "pdf", "annex1.xlsx", "annex2.xlsx"):
        assert f'href="/{language}/reports/2022/download/{kind}"' in content
    assert f'href="/{language}/reports/2022/"' in anonymous.get(f"/{language}/reports/").content.decode()


def test_the_downloads_of_a_published_edition(data, anonymous):
    editions.publish(2022, None)
    html = anonymous.get("/fr/reports/2022/download/html")
    assert html["Content-Disposition"] == 'attachment; filename="widmonitor-report-2022-fr.html"'
    assert html.content.startswith(b"<!DOCTYPE html>")
    annex = anonymous.get("/fr/reports/2022/download/annex1.xlsx")
    assert annex.content[:2] == b"PK"
    assert anonymous.get("/fr/reports/2022/download/exe").status_code == 404


def test_a_moderator_publishes_a_year_in_the_back_office(data, moderator):
    response = moderator.post("/admin/reports/edition/add/", {"year": 2022})
    assert response.status_code == 302
    edition = Edition.objects.get(year=2022)
    assert edition.is_published and edition.published_by.username == "moderator"
    assert edition.snapshot["report"]["year"] == 2022


def test_a_partner_cannot_publish(data, partner):
    partner.post("/admin/reports/edition/add/", {"year": 2022})
    assert not Edition.objects.filter(year=2022).exists()


def test_publishing_needs_the_csrf_token(data, django_user_model):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(django_user_model.objects.create_superuser("root2", password="x-admin-pass-1234"))
    assert client.post("/admin/reports/edition/add/", {"year": 2022}).status_code == 403
    assert not Edition.objects.filter(year=2022).exists()


def test_a_text_block_edited_in_the_back_office_keeps_its_history(data, moderator):
    block = TextBlock.objects.get(year=2022, section="conclusion", language="nl")
    response = moderator.post(f"/admin/reports/textblock/{block.pk}/change/", {"year": 2022, "section": "conclusion", "language": "nl", "text": "Nieuwe tekst."})
    assert response.status_code == 302
    assert [record.text for record in block.history.order_by("history_date")][-2:] == [block.text, "Nieuwe tekst."]


def test_the_back_office_downloads_a_file_of_a_draft_year(data, moderator):
    response = moderator.get("/admin/reports/edition/2022/download/en/analysis/")
    assert response.status_code == 200 and response.content[:2] == b"PK"
    assert response["Content-Disposition"] == 'attachment; filename="widmonitor-report-2022-annex2-analysis-en.xlsx"'


def test_the_back_office_download_is_for_the_working_group_only(data, partner):
    response = partner.get("/admin/reports/edition/2022/download/en/analysis/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
