"""A small fictional registry for search tests: made up for the tests, not data."""

import pytest

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiatives
from widmonitor.strategy.models import Objective
from widmonitor.vocabularies.models import Term

RECORDS = [
    {
        "uid": "girls-code",
        "original_language": "nl",
        "title": {"nl": "Meisjes leren programmeren", "fr": "Les filles apprennent à programmer", "en": "Girls learn to code"},
        "summary": {"nl": "Gratis lessen in Brussel.", "en": "Free lessons in Brussels."},
        "cost": "free",
        "relations": {"audiences": ["girls", "age-12-18"], "regions": ["brussels"], "objectives": ["1.3"]},
    },
    {
        "uid": "women-developers",
        "original_language": "fr",
        "title": {
            "fr": "Formation de développeuses web",
            "nl": "Opleiding voor webontwikkelaarsters",
            "en": "Training for women web developers",
        },
        "cost": "paid",
        "relations": {"audiences": ["women", "job-seekers"], "regions": ["wallonia"], "objectives": ["2.1"]},
    },
    {
        "uid": "mentoring-network",
        "original_language": "en",
        "title": {"en": "Mentoring network for women in tech"},
        "relations": {"audiences": ["women"], "regions": ["flanders"], "objectives": ["3.4"]},
    },
    {
        "uid": "teachers-ai",
        "original_language": "nl",
        "title": {
            "nl": "Lesmateriaal over artificiële intelligentie voor leerkrachten",
            "fr": "Matériel pédagogique sur l'intelligence artificielle pour les enseignants",
            "en": "Teaching material on artificial intelligence for teachers",
        },
        "cost": "free",
        "status": "ongoing",
        "starts": "2023",  # open-ended since: the status shown is ongoing on its dates
        "relations": {"audiences": ["teachers", "schools"], "objectives": ["1.2", "4.2"]},
    },
    {
        "uid": "secret-draft",
        "original_language": "nl",
        "title": {"nl": "Geheim programmeerproject", "en": "Secret coding project"},
        "moderation": "draft",
        "relations": {"audiences": ["women"], "objectives": ["1.3"]},
    },
]


def relations(spec):
    result = {}
    for name, codes in spec.items():
        if name == "objectives":
            result[name] = list(Objective.objects.current().filter(code__in=codes))
        else:
            result[name] = list(Term.objects.filter(vocabulary=name.removesuffix("s"), code__in=codes))
    return result


@pytest.fixture
def fictional_registry(strategy):
    changes = []
    for record in RECORDS:
        fields = {key: value for key, value in record.items() if key != "relations"}
        fields.setdefault("moderation", "published")
        changes.append((Initiative(**fields), relations(record["relations"])))
    save_initiatives(changes, reason="Fictional test records")
