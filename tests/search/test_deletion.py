"""Deleting moves the search on like any other change: a deleted initiative or organisation is found no more."""

from django.urls import reverse

from widmonitor.actors.models import Organisation
from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative


def api_uids(client, query=""):
    answer = client.get(f"/api/initiatives?limit=100{query}").json()
    return answer["count"], {item["uid"] for item in answer["items"]}


def test_a_deleted_initiative_leaves_the_search_and_the_api_count(fictional_registry, anonymous):
    count, uids = api_uids(anonymous)
    page = anonymous.get("/en/initiatives/?q=mentoring").content.decode()
    assert "girls-code" in uids and "Mentoring network for women in tech" in page

    Initiative.objects.get(uid="girls-code").delete()
    Initiative.objects.filter(uid="mentoring-network").delete()

    assert api_uids(anonymous) == (count - 2, uids - {"girls-code", "mentoring-network"})
    assert "Mentoring network for women in tech" not in anonymous.get("/en/initiatives/?q=mentoring").content.decode()


def test_an_initiative_deleted_in_the_back_office_leaves_the_search(fictional_registry, anonymous, django_user_model):
    count, _uids = api_uids(anonymous)
    root = django_user_model.objects.create_superuser("root", "root@example.org", "pass-1234-pass")
    back_office = type(anonymous)()
    back_office.force_login(root)
    pk = Initiative.objects.get(uid="girls-code").pk

    response = back_office.post(reverse("admin:initiatives_initiative_delete", args=[pk]), {"post": "yes"})

    assert response.status_code == 302
    assert api_uids(anonymous)[0] == count - 1


def test_a_deleted_organisations_name_is_searched_no_more(fictional_registry, anonymous):
    club = Organisation.objects.create(slug="zebra-club", name={"en": "Zebra club"}, original_language="en")
    save_initiative(Initiative.objects.get(uid="girls-code"), {"organisations": [club]}, None, "Run by the club")
    assert api_uids(anonymous, "&q=zebra")[1] == {"girls-code"}

    club.delete()

    assert api_uids(anonymous, "&q=zebra") == (0, set())
