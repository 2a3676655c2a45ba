import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext
from openpyxl import load_workbook

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.xlsx_export import export_overview

from . import xlsx_factory as factory

EXCEL = reverse("admin:initiatives_initiative_excel")
OVERVIEW = reverse("admin:initiatives_initiative_export_overview")
ANALYSIS = reverse("admin:initiatives_initiative_export_analysis")


@pytest.fixture
def workbook(strategy, tmp_path):
    """The sample initiatives exported, with the English title of the first one edited."""
    factory.sample_initiatives()
    path = tmp_path / "overview.xlsx"
    export_overview(path)
    factory.edit(path, {(2, "title_en"): "CoderDojo Belgium clubs"})
    return path


def upload(path):
    return SimpleUploadedFile(path.name, path.read_bytes())


def test_a_moderator_downloads_both_annexes(moderator, strategy):
    factory.sample_initiatives()
    response = moderator.get(OVERVIEW)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="widmonitor-overview-')
    rows = list(load_workbook(io.BytesIO(response.content))["Initiatives"].iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in rows] == ["coderdojo-belgium", "women-in-tech-day"]
    assert b"private.person@example.org" not in response.content
    analysis = load_workbook(io.BytesIO(moderator.get(ANALYSIS).content))
    assert analysis.sheetnames == ["Analysis", "By objective"]


def test_the_initiative_list_links_to_the_excel_page(moderator, strategy):
    assert EXCEL in moderator.get(reverse("admin:initiatives_initiative_changelist")).content.decode()


def token_of(response):
    return response.context["confirm"]["token"].value()


def test_an_upload_is_previewed_first_with_every_change_and_nothing_is_written(moderator, workbook):
    factory.append_row(workbook, {"id": "she-codes", "title_en": "She Codes", "original_language": "en"})
    response = moderator.post(EXCEL, {"workbook": upload(workbook), "confirm": "on"})  # no way round the preview
    page = response.content.decode()
    assert "overview.xlsx is valid. Importing it would create 1, update 1 and leave 1 initiatives unchanged." in page
    changes = {(c.uid, c.created): c.cells for c in response.context["report"].changes}
    assert changes[("coderdojo-belgium", False)] == [("title_en", "CoderDojo Belgium", "CoderDojo Belgium clubs")]
    assert ("title_en", "", "She Codes") in changes[("she-codes", True)]
    assert "<td>title_en</td><td>CoderDojo Belgium</td><td>CoderDojo Belgium clubs</td>" in page
    assert Initiative.objects.get(uid="coderdojo-belgium").title["en"] == "CoderDojo Belgium"
    assert not Initiative.objects.filter(uid="she-codes").exists()


def test_a_confirmed_preview_is_written_in_the_moderator_s_name(moderator, workbook):
    token = token_of(moderator.post(EXCEL, {"workbook": upload(workbook)}))
    response = moderator.post(EXCEL, {"token": token})
    assert "overview.xlsx imported: 0 created, 1 updated, 1 unchanged." in response.content.decode()
    initiative = Initiative.objects.get(uid="coderdojo-belgium")
    assert initiative.title["en"] == "CoderDojo Belgium clubs"
    entry = initiative.history.first()
    assert (entry.history_user.username, entry.history_change_reason) == ("moderator", "Imported from overview.xlsx")
    assert moderator.post(EXCEL, {"token": token}).context["report"] is None  # a preview is written once


def test_the_confirmation_writes_the_previewed_file_or_nothing(moderator, workbook, settings):
    token = token_of(moderator.post(EXCEL, {"workbook": upload(workbook)}))
    (held,) = (settings.HOME_DIR / "uploads").glob("*/overview.xlsx")
    factory.edit(held, {(3, "status"): "planned"})  # the held file is not the one previewed any more

    response = moderator.post(EXCEL, {"token": token}, follow=True)

    assert "This preview has expired or its file changed" in response.content.decode()
    assert Initiative.objects.get(uid="coderdojo-belgium").title["en"] == "CoderDojo Belgium"


def test_a_preview_is_confirmed_only_by_the_moderator_who_made_it(moderator, workbook, django_user_model):
    token = token_of(moderator.post(EXCEL, {"workbook": upload(workbook)}))
    other = Client()
    other.force_login(django_user_model.objects.create_superuser("root", password="x-pass-1234"))
    assert "This preview has expired" in other.post(EXCEL, {"token": token}, follow=True).content.decode()
    assert moderator.post(EXCEL, {"token": token[:-2] + "xx"}).context["report"] is None
    assert Initiative.objects.get(uid="coderdojo-belgium").title["en"] == "CoderDojo Belgium"


def test_a_bad_upload_lists_every_problem_escaped_and_writes_nothing(moderator, workbook):
    factory.edit(workbook, {(2, "sector"): "<b>semi</b>", (3, "starts"): "soon"})
    response = moderator.post(EXCEL, {"workbook": upload(workbook), "confirm": "on"})
    page = response.content.decode()
    assert "Nothing was imported: overview.xlsx has 2 problems. Fix them and upload the file again." in page
    assert "column J (sector): &quot;&lt;b&gt;semi&lt;/b&gt;&quot; is not a valid sector" in page
    assert "<b>semi</b>" not in page
    assert "row 3, column Q (starts): &quot;soon&quot; is not a date" in page
    assert Initiative.objects.get(uid="coderdojo-belgium").title["en"] == "CoderDojo Belgium"


def test_the_page_speaks_the_moderator_s_language(moderator, workbook):
    moderator.post(reverse("set_language"), {"language": "fr", "next": EXCEL})
    page = moderator.post(EXCEL, {"workbook": SimpleUploadedFile("x.xlsx", b"not a workbook")}).content.decode()
    with translation.override("fr"):
        title, problem = gettext("Excel import and export"), gettext("not an Excel workbook (expected an .xlsx file saved by Excel or LibreOffice)")
    assert title != "Excel import and export"
    assert 'lang="fr"' in page and f"<title>{title} |" in page and escape(problem) in page


@pytest.mark.parametrize("persona", ["anonymous", "partner"])
def test_anonymous_visitors_and_partners_cannot_export_or_import(persona, request, workbook):
    client = request.getfixturevalue(persona)
    for url in (OVERVIEW, ANALYSIS, EXCEL):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.post(EXCEL, {"workbook": upload(workbook)})
    client.post(EXCEL, {"token": "forged"})
    assert Initiative.objects.get(uid="coderdojo-belgium").title["en"] == "CoderDojo Belgium"


def test_a_staff_member_without_the_initiative_permissions_is_refused(client, django_user_model, workbook):
    client.force_login(django_user_model.objects.create_user("intern", password="x-pass-1234", is_staff=True))
    assert client.get(OVERVIEW).status_code == 403
    assert client.post(EXCEL, {"workbook": upload(workbook), "confirm": "on"}).status_code == 403


def test_an_upload_without_a_csrf_token_is_refused(django_user_model, workbook):
    client = Client(enforce_csrf_checks=True)
    client.force_login(django_user_model.objects.create_superuser("root", password="x-pass-1234"))
    assert client.post(EXCEL, {"workbook": upload(workbook), "confirm": "on"}).status_code == 403
    assert Initiative.objects.get(uid="coderdojo-belgium").title["en"] == "CoderDojo Belgium"
