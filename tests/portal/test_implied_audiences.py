"""Audiences the strategy implies: the search finds them, its facet counts them, the initiative page tells them apart."""

import re

import pytest
from django.utils.html import escape



def test_the_initiative_page_says_which_audiences_are_stated_and_which_implied(anonymous, fictional_registry):
    html = anonymous.get("/en/initiatives/teachers-ai/").content.decode()  # states teachers and schools; serves 1.2 and 4.2
    assert "<li>teachers, schools <span class=\"audience-kind\">(as its record states)</span></li>" in html
    implied = re.findall(r"<li>([^<]*) <span class=\"audience-kind\">\(implied by the strategy, through (.*?)\)</span></li>", html)
    assert [(terms, re.sub(r"<[^>]+>", "", through)) for terms, through in implied] == [
        ("6 to 12", "sub-objective 1.2"),
        ("girls", "sub-objective 1.2, sub-objective 4.2"),
        ("women", "sub-objective 4.2"),
    ]
    assert 'href="/en/strategy/1.2/"' in html


def test_an_audience_the_record_states_is_never_also_said_to_be_implied(anonymous, fictional_registry):
    html = anonymous.get("/en/initiatives/girls-code/").content.decode()  # 1.3, states girls and 12 to 18
    assert "(as its record states)" in html and "implied by the strategy" not in html


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_the_page_says_it_in_every_language(anonymous, fictional_registry, language):
    html = anonymous.get(f"/{language}/initiatives/teachers-ai/").content.decode()
    assert "as its record states" not in html and "implied by the strategy" not in html
    assert html.count('class="audience-kind"') == 4  # stated, then three implied


def test_the_audience_facet_counts_implied_audiences_and_says_how_many(anonymous, fictional_registry):
    html = anonymous.get("/en/initiatives/").content.decode()
    assert f'girls <span class="count">({escape("2, of which 1 implied")})</span>' in html  # girls-code states it
    assert 'teachers <span class="count">(1)</span>' in html
    assert "Implied: the strategy names this audience" in html
