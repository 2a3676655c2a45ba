"""The pages a public site owes: about, contact, privacy, accessibility and licence, in every language."""

import re

from html import unescape

import pytest
from django.conf import settings

from widmonitor.sitepages.loader import PageFileError, load_site_pages
from widmonitor.sitepages.models import SitePage

KINDS = SitePage.Kind.values
LANGUAGES = ["nl", "fr", "en"]


@pytest.fixture
def pages(db):
    return load_site_pages()


def h1(response):
    return unescape(re.search(r"<h1>(.*?)</h1>", response.content.decode(), re.S).group(1))


def test_setup_creates_every_page_from_the_bundled_texts(pages):
    assert sorted(pages.created) == sorted(KINDS)
    for page in SitePage.objects.all():
        assert page.original_language == "en"
        assert set(page.title) == set(page.body) == set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_each_page_reads_in_the_visitors_language(pages, anonymous, kind, language):
    response = anonymous.get(f"/{language}/{kind}/")
    assert response.status_code == 200
    page = SitePage.objects.get(kind=kind)
    assert page.title[language] in h1(response)
    first_paragraph = page.body[language].split("\n\n")[0].strip()
    assert first_paragraph[:60] in unescape(response.content.decode())
    assert 'class="fallback"' not in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_footer_links_to_the_five_pages(pages, anonymous, language):
    content = anonymous.get(f"/{language}/").content.decode()
    footer = content[content.index('<footer class="site-footer">') :]
    for kind in KINDS:
        assert f'href="/{language}/{kind}/"' in footer


def test_a_page_without_a_translation_shows_its_original_and_says_so(pages, anonymous):
    page = SitePage.objects.get(kind="about")
    del page.body["fr"]
    page.save()
    content = anonymous.get("/fr/about/").content.decode()
    assert "Cette page n'a pas encore de traduction ; la voici en anglais, sa langue d'origine." in content
    assert '<div lang="en">' in content


def test_loading_again_keeps_what_a_moderator_edited(pages):
    page = SitePage.objects.get(kind="contact")
    page.body["nl"] = "Bel ons op maandag."
    page.save()
    again = load_site_pages()
    assert again.created == [] and sorted(again.kept) == sorted(KINDS)
    assert SitePage.objects.get(kind="contact").body["nl"] == "Bel ons op maandag."


def test_a_page_file_without_a_title_is_refused_naming_the_file_and_nothing_is_created(db, tmp_path):
    (tmp_path / "pages.yaml").write_text("original_language: en\n")
    (tmp_path / "about.en.md").write_text("# About\n\nText.\n")
    (tmp_path / "privacy.en.md").write_text("Privacy without a title line.\n")
    with pytest.raises(PageFileError, match=r"privacy\.en\.md, line 1: expected the page's title as '# Title'"):
        load_site_pages(tmp_path)
    assert not SitePage.objects.exists()


def test_a_page_whose_original_is_missing_is_refused(db, tmp_path):
    (tmp_path / "pages.yaml").write_text("original_language: en\n")
    (tmp_path / "about.nl.md").write_text("# Over\n\nTekst.\n")
    with pytest.raises(PageFileError, match=r"about\.en\.md: the original of the page 'about' is missing"):
        load_site_pages(tmp_path)


def test_the_contact_pages_name_who_runs_the_site_when_it_is_configured(pages, anonymous, settings):
    settings.CONTACT = {"operator": "FOD Economie – werkgroep WiD", "email": "wid@example.org"}
    for kind in ("contact", "privacy", "accessibility"):
        content = anonymous.get(f"/nl/{kind}/").content.decode()
        assert 'href="mailto:wid@example.org"' in content
        assert "FOD Economie – werkgroep WiD" in content


def test_the_contact_page_says_so_when_nobody_is_named(pages, anonymous, settings):
    settings.CONTACT = {"operator": "", "email": ""}
    content = anonymous.get("/en/contact/").content.decode()
    assert "has not yet named who runs it" in content
    assert "mailto:" not in content


def test_page_texts_are_escaped(pages, anonymous):
    page = SitePage.objects.get(kind="about")
    page.body["en"] = "<script>alert(1)</script>\n\n- a <b>bullet</b>"
    page.save()
    content = anonymous.get("/en/about/").content.decode()
    assert "<script>alert(1)</script>" not in content and "&lt;script&gt;" in content
    assert "<li>a &lt;b&gt;bullet&lt;/b&gt;</li>" in content


def test_a_moderator_edits_a_page_in_the_back_office_and_the_edit_is_kept_in_its_history(pages, moderator):
    page = SitePage.objects.get(kind="contact")
    url = f"/admin/sitepages/sitepage/{page.pk}/change/"
    form = {f"title_{code}": page.title[code] for code in LANGUAGES}
    form |= {f"body_{code}": page.body[code] for code in LANGUAGES}
    form |= {"original_language": "en", "body_en": "Write to us."}
    response = moderator.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert SitePage.objects.get(pk=page.pk).body["en"] == "Write to us."
    assert page.history.count() == 2
    assert moderator.get(f"/admin/sitepages/sitepage/{page.pk}/delete/").status_code == 403


def test_partners_and_visitors_cannot_edit_the_pages(pages, partner, client):
    page = SitePage.objects.get(kind="privacy")
    assert partner.post(f"/admin/sitepages/sitepage/{page.pk}/change/", {"body_en": "x"}).status_code == 302
    assert SitePage.objects.get(pk=page.pk).body["en"] != "x"


def test_the_not_found_page_links_to_the_same_address_in_the_other_languages(pages, anonymous):
    response = anonymous.get("/fr/initiatives/nothing-here/extra/")
    assert response.status_code == 404
    content = response.content.decode()
    assert 'href="/nl/initiatives/nothing-here/extra/"' in content
    assert 'href="/en/initiatives/nothing-here/extra/"' in content


def test_the_site_has_an_icon(pages, anonymous):
    assert 'rel="icon"' in anonymous.get("/en/").content.decode()
    response = anonymous.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"].endswith(".svg")


def test_the_home_page_partner_card_leads_to_the_partner_pages(pages, anonymous):
    content = anonymous.get("/en/").content.decode()
    assert "are coming" not in content
    assert 'href="/en/partner/"' in content


def test_data_answers_name_their_licence_and_pages_do_not(pages, anonymous, settings):
    link = f'<{settings.DATA_LICENCE["url"]}>; rel="license"'
    assert anonymous.get("/en/initiatives/download.csv").headers["Link"] == link
    assert anonymous.get("/api/initiatives").headers["Link"] == link
    assert "Link" not in anonymous.get("/en/initiatives/").headers
    schema = anonymous.get("/api/openapi.json").json()
    assert schema["info"]["license"] == {"name": settings.DATA_LICENCE["name"], "url": settings.DATA_LICENCE["url"]}


def test_the_licence_is_named_beside_the_downloads(pages, fictional_registry, anonymous):
    content = anonymous.get("/en/initiatives/").content.decode()
    downloads = content[content.index('class="downloads"') :]
    assert f'href="{settings.DATA_LICENCE["url"]}" rel="license"' in downloads[:2000]
