import pytest
from django.test import Client
from django.urls import reverse

from widmonitor.initiatives.models import Initiative
from widmonitor.strategy.models import Objective
from widmonitor.vocabularies.choices import Moderation
from widmonitor.vocabularies.models import Term

CHANGELIST = reverse("admin:initiatives_initiative_changelist")


@pytest.fixture
def records(strategy):
    def make(uid, objectives=(), audiences=(), regions=(), formats=(), **fields):
        initiative = Initiative.objects.create(uid=uid, title={"nl": f"Titel {uid}"}, **fields)
        initiative.objectives.set(Objective.objects.filter(code__in=objectives))
        for codes, vocabulary, field in ((audiences, "audience", "audiences"), (regions, "region", "regions"), (formats, "format", "formats")):
            getattr(initiative, field).set(Term.objects.filter(vocabulary=vocabulary, code__in=codes))
        return initiative

    make("girls-wallonia", objectives=["1.3"], audiences=["girls", "age-12-18"], regions=["wallonia"], formats=["training"], sector="public")
    make("women-founders", objectives=["2.3", "5.3"], audiences=["women", "entrepreneurs"], regions=["brussels"], formats=["mentoring"], sector="private", status="ongoing")
    make("awareness", objectives=["4"], audiences=["everyone"], formats=["campaign"], moderation=Moderation.PUBLISHED)


def listed(client, **params):
    response = client.get(CHANGELIST, params)
    assert response.status_code == 200
    return sorted(obj.uid for obj in response.context["cl"].result_list)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["awareness", "girls-wallonia", "women-founders"]),
        ({"objective": "1"}, ["girls-wallonia"]),
        ({"objective": "4"}, ["awareness"]),
        ({"objective": "5"}, ["women-founders"]),
        ({"sub_objective": "2.3"}, ["women-founders"]),
        ({"audiences": "girls"}, ["girls-wallonia"]),
        ({"regions": "brussels"}, ["women-founders"]),
        ({"sector": "public"}, ["girls-wallonia"]),
        ({"formats": "campaign"}, ["awareness"]),
        ({"status": "ongoing"}, ["women-founders"]),
        ({"moderation": "published"}, ["awareness"]),
        ({"q": "founders"}, ["women-founders"]),
    ],
)
def test_the_working_group_filters_the_registry(admin, records, params, expected):
    params = {
        key: Objective.objects.get(code=value).pk if key in ("objective", "sub_objective") else value
        for key, value in params.items()
    }
    assert listed(admin, **params) == expected


def test_a_moderator_bulk_publishes_and_rejects(moderator, records):
    ids = Initiative.objects.filter(uid__in=["girls-wallonia", "women-founders"]).values_list("pk", flat=True)
    response = moderator.post(CHANGELIST, {"action": "publish", "_selected_action": list(ids)}, follow=True)
    assert "2 initiatives published." in response.content.decode()
    assert Initiative.objects.filter(moderation=Moderation.PUBLISHED).count() == 3
    response = moderator.post(CHANGELIST, {"action": "reject", "_selected_action": [ids[0]]}, follow=True)
    assert "Say why the initiatives are rejected." in response.content.decode()
    assert Initiative.objects.get(pk=ids[0]).moderation == Moderation.PUBLISHED
    moderator.post(CHANGELIST, {"action": "reject", "reason": "Not an initiative: a policy plan", "_selected_action": [ids[0]]})
    rejected = Initiative.objects.get(pk=ids[0])
    assert rejected.moderation == Moderation.REJECTED
    entry = rejected.history.first()
    assert (entry.history_user.username, entry.history_change_reason) == ("moderator", "Not an initiative: a policy plan")


def test_the_history_of_a_record_shows_its_edits(moderator, records):
    initiative = Initiative.objects.get(uid="awareness")
    initiative.title["en"] = "Awareness campaign"
    initiative.save()
    response = moderator.get(reverse("admin:initiatives_initiative_history", args=[initiative.pk]))
    assert response.status_code == 200
    records = list(response.context["page_obj"].object_list)
    assert len(records) == initiative.history.count() and records[0].title["en"] == "Awareness campaign"
    assert "Awareness campaign" in response.content.decode()


def test_a_moderator_edits_through_the_form_and_is_recorded(moderator, records):
    initiative = Initiative.objects.get(uid="awareness")
    url = reverse("admin:initiatives_initiative_change", args=[initiative.pk])
    form = moderator.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    for name in ("organisations", "objectives", "audiences", "regions", "languages", "formats"):
        data[name] = [obj.pk for obj in data.get(name, [])]
    for name in ("title", "summary"):  # a box per content language
        data.update({f"{name}_{code}": text for code, text in data.pop(name).items()})
    data.update({"title_en": "<script>alert(1)</script>", "listings-TOTAL_FORMS": 0, "listings-INITIAL_FORMS": 0})
    response = moderator.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Initiative.objects.get(uid="awareness").title["en"] == "<script>alert(1)</script>"
    page = moderator.get(CHANGELIST).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert Initiative.objects.get(uid="awareness").history.first().history_user.username == "moderator"


@pytest.mark.parametrize("persona", ["anonymous", "partner"])
def test_the_back_office_is_closed_to_anonymous_visitors_and_partners(persona, request, records):
    client = request.getfixturevalue(persona)
    response = client.get(CHANGELIST)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    ids = list(Initiative.objects.values_list("pk", flat=True))
    client.post(CHANGELIST, {"action": "publish", "_selected_action": ids})
    assert Initiative.objects.filter(moderation=Moderation.PUBLISHED).count() == 1


def test_a_moderator_cannot_delete_or_change_the_strategy(moderator, records):
    objective = Objective.objects.get(code="1.1")
    assert moderator.post(reverse("admin:strategy_objective_change", args=[objective.pk]), {"code": "9"}).status_code == 403
    initiative = Initiative.objects.get(uid="awareness")
    assert moderator.post(reverse("admin:initiatives_initiative_delete", args=[initiative.pk]), {"post": "yes"}).status_code == 403
    assert Initiative.objects.filter(pk=initiative.pk).exists()


def test_writes_without_a_csrf_token_are_refused(django_user_model, records):
    client = Client(enforce_csrf_checks=True)
    client.force_login(django_user_model.objects.create_superuser("root", password="x-pass-1234"))
    ids = list(Initiative.objects.values_list("pk", flat=True))
    response = client.post(CHANGELIST, {"action": "publish", "_selected_action": ids})
    assert response.status_code == 403
    assert Initiative.objects.filter(moderation=Moderation.PUBLISHED).count() == 1


def test_the_published_lists_show_computed_counts_and_discrepancies(moderator, tmp_path, strategy):
    from widmonitor.initiatives.models import PublishedList
    from widmonitor.initiatives.registry_loader import load_registry

    from .registry_files import initiative, published_list, registry, write

    data = registry(initiatives=[initiative("a"), initiative("b")], lists=[published_list("5.1.1", "1.1", ["a", "b", "a"], {"total": 4})])
    load_registry([write(tmp_path, data)])
    listing = moderator.get(reverse("admin:initiatives_publishedlist_changelist"))
    assert [(r.section, r._analysis.bullets, r._analysis.initiatives) for r in listing.context["cl"].result_list] == [("5.1.1", 3, 2)]
    page = moderator.get(reverse("admin:initiatives_publishedlist_change", args=[PublishedList.objects.get().pk])).content.decode()
    assert "<p>The report states 4 initiatives but its list counts 2 distinct initiatives (3 bullets).</p>" in page


@pytest.mark.parametrize(("language", "title", "objectives"), [("nl", "titel", "doelstellingen"), ("fr", "titre", "objectifs")])
def test_the_change_list_s_column_headers_speak_the_moderator_s_language(moderator, records, language, title, objectives):
    from django.contrib.admin.templatetags.admin_list import result_headers
    from django.utils import translation

    response = moderator.get(CHANGELIST, HTTP_ACCEPT_LANGUAGE=language)
    with translation.override(language):
        headers = [str(header["text"]) for header in result_headers(response.context["cl"])]
    assert title in headers and objectives in headers
    assert "title" not in headers and "TITLE" not in response.content.decode()
