"""A published edition's files (HTML, PDF and annex 2 per language, annex 1) are made once, when it is published,
and kept; a download reads the kept file and builds nothing. A draft is built at each download."""

import os

import pytest

from widmonitor.reports import editions
from widmonitor.reports.models import EditionFile

FILES = {
    ("", "overview"): "widmonitor-report-2022-annex1-overview.xlsx",
    **{(language, "html"): f"widmonitor-report-2022-{language}.html" for language in ("nl", "fr", "en")},
    **{(language, "pdf"): f"widmonitor-report-2022-{language}.pdf" for language in ("nl", "fr", "en")},
    **{(language, "analysis"): f"widmonitor-report-2022-annex2-analysis-{language}.xlsx" for language in ("nl", "fr", "en")},
}


@pytest.fixture
def built(monkeypatch):
    """Every file built, as ``(language, kind)``; each file's bytes name it and how many were built before it."""
    calls = []

    def render_file(report, language, kind, draft=False):
        calls.append((language, kind))
        return f"{report.year} {language} {kind} {'draft' if draft else 'published'} #{len(calls)}".encode()

    monkeypatch.setattr(editions, "render_file", render_file)
    monkeypatch.setattr(editions, "in_background", lambda function, *args: function(*args))  # the thread's work, at once
    return calls


@pytest.fixture
def published(data, built, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        edition = editions.publish(2022, None)
    return edition


def kept(edition):
    return {(item.language, item.kind): item for item in EditionFile.objects.filter(edition=edition)}


def test_publishing_keeps_each_file_of_the_edition_once(published, built, settings):
    files = kept(published)

    assert sorted(built) == sorted(FILES)
    assert {key: item.file.name.rsplit("/", 1)[1] for key, item in files.items()} == FILES
    stored = settings.HOME_DIR / "editions" / files[("en", "pdf")].file.name
    assert stored.read_bytes().startswith(b"2022 en pdf published")
    assert stored.parent.parent == settings.HOME_DIR / "editions" / "2022"


@pytest.mark.parametrize("url", ["/en/reports/2022/download/pdf", "/admin/reports/edition/2022/download/en/pdf/"])
def test_a_download_of_a_published_edition_reads_its_kept_file_and_builds_nothing(published, built, admin, url):
    made = len(built)

    first, second = admin.get(url), admin.get(url)

    content = b"".join(first.streaming_content)
    assert content == kept(published)[("en", "pdf")].file.open("rb").read()
    assert b"".join(second.streaming_content) == content
    assert len(built) == made
    assert first["Content-Type"] == "application/pdf"
    assert first["Content-Disposition"] == 'attachment; filename="widmonitor-report-2022-en.pdf"'


def test_annex_1_is_one_kept_file_for_every_language(published, built, anonymous):
    made = len(built)

    downloads = {language: b"".join(anonymous.get(f"/{language}/reports/2022/download/annex1.xlsx").streaming_content) for language in ("nl", "fr", "en")}

    assert len(set(downloads.values())) == 1 and len(built) == made


def test_a_file_lost_from_the_storage_is_made_again_at_its_download_and_kept(published, built, anonymous):
    kept(published)[("fr", "html")].file.delete(save=False)

    content = b"".join(anonymous.get("/fr/reports/2022/download/html").streaming_content)

    assert built[-1] == ("fr", "html") and content.startswith(b"2022 fr html published")
    assert kept(published)[("fr", "html")].file.open("rb").read() == content


def test_publishing_again_replaces_the_files_and_withdrawing_drops_them(published, built, django_capture_on_commit_callbacks):
    before = {key: item.file.path for key, item in kept(published).items()}

    with django_capture_on_commit_callbacks(execute=True):
        again = editions.publish(2022, None)
    after = kept(again)

    assert set(after) == set(FILES) and not {item.file.path for item in after.values()} & set(before.values())
    assert not any(os.path.exists(path) for path in before.values())
    with django_capture_on_commit_callbacks(execute=True):
        editions.unpublish(2022)
    assert not EditionFile.objects.exists()
    assert not any(os.path.exists(item.file.path) for item in after.values())


def test_files_made_for_a_publication_withdrawn_meanwhile_are_not_kept(data, built, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as scheduled:
        edition = editions.publish(2022, None)
    editions.unpublish(2022)

    for callback in scheduled:
        callback()

    assert not EditionFile.objects.exists() and not built and edition.pk


def test_a_draft_is_built_at_each_download_and_nothing_kept(data, built, moderator):
    moderator.get("/en/reports/2022/download/pdf")
    response = moderator.get("/en/reports/2022/download/pdf")

    assert built == [("en", "pdf"), ("en", "pdf")]
    assert response.content == b"2022 en pdf draft #2"
    assert not EditionFile.objects.exists()


def test_the_report_command_copies_the_kept_files_of_a_published_edition(published, built, tmp_path):
    made = len(built)

    written = editions.write_files(2022, ["nl"], ("pdf", "xlsx"), tmp_path)

    assert [path.name for path in written] == [FILES[("", "overview")], FILES[("nl", "pdf")], FILES[("nl", "analysis")]]
    assert (tmp_path / FILES[("nl", "pdf")]).read_bytes() == kept(published)[("nl", "pdf")].file.open("rb").read()
    assert len(built) == made
