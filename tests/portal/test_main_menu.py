"""The main menu marks the entry of the page's section, in the page's language, on every kind of page."""

import re

import pytest


def current_entries(html):
    menu = html[html.index('class="wrap main-nav"') : html.index("</nav>", html.index('class="wrap main-nav"'))]
    return re.findall(r'<a href="([^"]+)" aria-current="page">', menu)


@pytest.mark.parametrize(
    ("path", "entry"),
    [
        ("/{}/", "/{}/"),
        ("/{}/initiatives/?q=code", "/{}/initiatives/"),
        ("/{}/strategy/", "/{}/strategy/"),
        ("/{}/events/", "/{}/events/"),
        ("/{}/calls/", "/{}/calls/"),
        ("/{}/indicators/", "/{}/indicators/"),
        ("/{}/experts/", "/{}/experts/"),
        ("/{}/partner/login/", "/{}/partner/"),
        ("/{}/reach/", None),  # the public figures of reach: in no section of the menu
        ("/{}/self-check/", None),
    ],
)
@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_menu_marks_the_pages_section_and_no_other(anonymous, fictional_registry, path, entry, language):
    response = anonymous.get(path.format(language))
    assert response.status_code == 200
    assert [href.split("?")[0] for href in current_entries(response.content.decode())] == ([entry.format(language)] if entry else [])


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_menu_speaks_the_pages_language(anonymous, language):
    html = anonymous.get(f"/{language}/self-check/").content.decode()
    labels = {"nl": "Een initiatief vinden", "fr": "Trouver une initiative", "en": "Find an initiative"}
    assert f">{labels[language]}</a>" in html
