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


def test_an_edited_title_shows_on_the_results_page_in_every_language_after_it_was_shown(fictional_registry, anonymous):
    for language in ("nl", "fr", "en"):
        assert "Mentoring network for women in tech" in anonymous.get(f"/{language}/initiatives/?audience=women").content.decode()
    initiative = Initiative.objects.get(uid="mentoring-network")
    initiative.title = {"en": "Mentoring circle for women in tech"}
    save_initiative(initiative, reason="Renamed")

    for language in ("nl", "fr", "en"):
        page = anonymous.get(f"/{language}/initiatives/?audience=women").content.decode()
        assert "Mentoring circle for women in tech" in page
        assert "Mentoring network for women in tech" not in page


def test_an_edit_of_another_record_keeps_the_cards_read_and_a_deleted_record_leaves_them(fictional_registry):
    from widmonitor.search import snapshot

    card("mentoring-network")
    kept = snapshot.current().kept
    other = Initiative.objects.exclude(uid="mentoring-network").first()
    save_initiative(other, reason="Touched")
    card("mentoring-network")
    assert snapshot.current().kept is kept  # applied to the index held, not read whole
    assert kept.get([Initiative.objects.get(uid="mentoring-network").pk])[0]

    pk = Initiative.objects.get(uid="mentoring-network").pk
    Initiative.objects.filter(pk=pk).delete()
    results = search(SearchQuery.from_params(QueryDict("audience=women")), "en")
    assert "mentoring-network" not in [shown.uid for shown in results.initiatives]
    assert not kept.get([pk])[0]


def test_cards_read_before_a_change_are_not_kept_after_it():
    from widmonitor.search.cards import Card, Kept

    kept = Kept()
    _found, version = kept.get([1])  # a page reads card 1 from the database...
    kept.forget([1])  # ...while the record is changed and applied
    kept.put({1: Card(1, "x", {"en": "Old"}, {}, "en", "", "")}, version)

    assert kept.get([1])[0] == {}
