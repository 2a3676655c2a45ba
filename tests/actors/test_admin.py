from django.urls import reverse

from widmonitor.actors.models import Organisation
from widmonitor.initiatives.models import Initiative


def test_the_organisation_list_counts_each_organisation_s_initiatives(moderator, db):
    becode, ella = (Organisation.objects.create(slug=s, name={"nl": n}) for s, n in (("becode", "BeCode"), ("ella", "ella vzw")))
    for uid in ("a", "b"):
        Initiative.objects.create(uid=uid, title={"nl": uid}).organisations.add(becode)
    response = moderator.get(reverse("admin:actors_organisation_changelist"), {"o": "-5"})  # by initiative count, descending (column 5: the action's checkbox comes first)
    assert [(str(o), o.initiative_count) for o in response.context["cl"].result_list] == [("BeCode", 2), ("ella vzw", 0)]


def test_a_moderator_adds_an_organisation_and_it_is_recorded(moderator, db):
    response = moderator.post(
        reverse("admin:actors_organisation_add"),
        {
            "slug": "molengeek",
            "name_fr": "MolenGeek",
            "original_language": "fr",
            "kind": "non-profit",
            "sector": "private",
            "website": "molengeek.com",
        },
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(slug="molengeek")
    assert (organisation.website, organisation.name) == ("https://molengeek.com", {"fr": "MolenGeek"})
    entry = organisation.history.get()
    assert (entry.history_user.username, entry.history_change_reason) == ("moderator", "Created in the back office")
