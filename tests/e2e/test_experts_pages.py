"""axe-core finds no serious or critical violation on the expert directory and the panel check, in nl, fr and en."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group

from widmonitor.experts.models import ExpertProfile
from widmonitor.experts.topics import load_topics
from widmonitor.vocabularies.loader import load_vocabularies
from widmonitor.vocabularies.models import Term

from .conftest import serious_violations

pytestmark = pytest.mark.e2e

PAGES = [
    "/{lang}/experts/",
    "/{lang}/experts/?topic=cybersecurity&language=fr&region=brussels",
    "/{lang}/experts/?topic=design-ux",
    "/{lang}/experts/{pk}/",
    "/{lang}/panel-check/",
    "/{lang}/panel-check/?women=1&men=3&non_binary=0&not_stated=0&topics=cybersecurity&language=fr",
    "/{lang}/panel-check/?women=-1&men=x&non_binary=0&not_stated=0",
    "/{lang}/experts/me/login/",
]


@pytest.fixture
def synthetic_expert(transactional_db, django_user_model):
    """A made-up expert who consents to be shown, with a bio in French."""
    load_vocabularies(settings.CONFIG_DIR / "vocabularies.yaml")
    load_topics(settings.DATA_DIR / "experts" / "topics.yaml")
    experts, _created = Group.objects.get_or_create(name="experts")
    user = django_user_model.objects.create_user("syn", "syn@example.org", "expert-pass-1234")
    user.groups.add(experts)
    expert = ExpertProfile.objects.create(
        user=user,
        name="Synthetic Expert",
        title="Ingénieure sécurité",
        organisation_name="Synthetic Lab",
        bio="Profil inventé pour les tests.",
        bio_language="fr",
        links="https://example.org/syn",
        region=Term.objects.get(vocabulary="region", code="brussels"),
        willing_to_speak=True,
        willing_to_mentor=True,
    )
    expert.topics.set(expert.topics.model.objects.filter(code="cybersecurity"))
    expert.languages.set(Term.objects.filter(vocabulary="language", code__in=["fr", "en"]))
    expert.give_consent()
    return expert


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_no_serious_or_critical_violation_on_the_expert_pages(audited, axe_source, live_server, synthetic_expert, language):
    found = {}
    for template in PAGES:
        url = template.format(lang=language, pk=synthetic_expert.pk)
        response = audited.goto(live_server.url + url)
        assert response.status == (400 if "women=-1" in url else 200), url
        serious = serious_violations(audited, axe_source)
        if serious:
            found[url] = serious
    assert found == {}
    audited.goto(live_server.url + f"/{language}/experts/")
    assert audited.get_by_role("link", name="Synthetic Expert").is_visible()


def test_the_experts_own_page_has_no_serious_violation(audited, axe_source, live_server, synthetic_expert):
    audited.goto(live_server.url + "/en/experts/me/login/")
    audited.fill("#id_username", "syn")
    audited.fill("#id_password", "expert-pass-1234")
    audited.click("main button[type=submit]")
    audited.wait_for_url("**/en/experts/me/")

    assert audited.get_by_role("heading", name="Your expert profile").is_visible()
    assert serious_violations(audited, axe_source) == []
    audited.goto(live_server.url + "/en/experts/me/consent/")
    assert serious_violations(audited, axe_source) == []
