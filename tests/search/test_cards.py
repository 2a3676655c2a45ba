"""A result card shows the record as it is now, though a worker keeps the cards it has read."""

from django.http import QueryDict

from widmonitor.actors.models import Organisation
from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative
from widmonitor.search.query import SearchQuery, search


def card(uid, language="en"):
    results = search(SearchQuery.from_params(QueryDict("audience=women")), language)
    return next(shown for shown in results.initiatives if shown.uid == uid)


def test_a_card_shows_the_texts_names_codes_and_period_of_its_record(fictional_registry):
    shown = card("mentoring-network")

    assert shown.text("title").text == "Mentoring network for women in tech"
    assert shown.objective_codes == ["3.4"]
    assert shown.text("title", "nl").fallback


def test_an_edited_title_shows_at_the_next_search(fictional_registry):
    card("mentoring-network")  # read and kept
    initiative = Initiative.objects.get(uid="mentoring-network")
    initiative.title = {"en": "Mentoring circle for women in tech"}
    save_initiative(initiative, reason="Renamed")

    assert card("mentoring-network").text("title").text == "Mentoring circle for women in tech"


def test_a_renamed_organisation_shows_at_the_next_search(fictional_registry):
    organisation = Organisation(slug="org-m", name={"en": "Mentors Inc."}, original_language="en")
    organisation.save()
    save_initiative(Initiative.objects.get(uid="mentoring-network"), {"organisations": [organisation]}, reason="Organiser")
    assert [o.text("name").text for o in card("mentoring-network").organisations] == ["Mentors Inc."]

    organisation.name = {"en": "Mentors United"}
    organisation.save()

    assert [o.text("name").text for o in card("mentoring-network").organisations] == ["Mentors United"]
