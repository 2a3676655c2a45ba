"""Two example calls (made up for the tests, not a real call), two organisations, and a person for every role.

Call A is open; call B's only role here is a manager (of B) who must reach nothing of A.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from widmonitor.calls.models import Application, Call, CallRole, Conflict, Criterion
from widmonitor.strategy.models import Objective
from widmonitor.vocabularies.models import Term

from ..partners.conftest import account, client_of, make_organisation

EXAMPLE = "Example call, made up for the tests"


def make_call(slug, opens_at, closes_at, **extra):
    call = Call.objects.create(
        slug=slug,
        title={"en": f"{EXAMPLE} ({slug})", "fr": f"Appel d'exemple, inventé pour les tests ({slug})"},
        description={"en": "Not a real call."},
        original_language="en",
        budget=1_000_000,
        min_grant=50_000,
        max_grant=500_000,
        opens_at=opens_at,
        closes_at=closes_at,
        published=True,
        **extra,
    )
    call.sub_objectives.set(Objective.objects.current().filter(code__in=["1.3", "2.1", "3.4"]))
    Criterion.objects.create(call=call, position=1, name={"en": "Reach among women"}, guidance={"en": "0: none; 5: most"}, weight=60)
    Criterion.objects.create(call=call, position=2, name={"en": "Feasibility"}, guidance={"en": "0: unclear; 5: solid plan"}, weight=40)
    return call


@pytest.fixture
def organisations(db):
    return make_organisation("org-x", "Organisation X"), make_organisation("org-y", "Organisation Y")


@pytest.fixture
def calls(strategy):
    now = timezone.now()
    return make_call("call-a", now - timedelta(days=10), now + timedelta(days=10)), make_call("call-b", now - timedelta(days=10), now + timedelta(days=10))


def application_of(call, organisation, title="Coding clubs", status=Application.Status.SUBMITTED, audiences=("girls",), regions=("brussels",), subs=("1.3",)):
    application = Application.objects.create(
        call=call, organisation=organisation, title=title, language="en", summary="A project.", budget=100_000,
        expected_participants=600, expected_women=450, status=status,
        submitted_at=timezone.now() if status != Application.Status.DRAFT else None,
    )  # fmt: skip
    application.sub_objectives.set(Objective.objects.current().filter(code__in=subs))
    application.audiences.set(Term.objects.filter(vocabulary="audience", code__in=audiences))
    application.regions.set(Term.objects.filter(vocabulary="region", code__in=regions))
    return application


@pytest.fixture
def people(organisations, calls, django_user_model):
    """``{role: user}`` for every role of the authorisation matrix (anonymous: None)."""
    org_x, org_y = organisations
    call_a, call_b = calls
    people = {
        "anonymous": None,
        "partner of the applicant": account(django_user_model, "partner-x", "partners", org_x),
        "other partner": account(django_user_model, "partner-y", "partners", org_y),
        "reviewer": account(django_user_model, "reviewer-1"),
        "second reviewer": account(django_user_model, "reviewer-2"),
        "reviewer with a conflict": account(django_user_model, "reviewer-3"),
        "manager of A": account(django_user_model, "manager-a"),
        "manager of B": account(django_user_model, "manager-b"),
        "moderator": account(django_user_model, "moderator", "moderators", is_staff=True),
    }
    for name in ("reviewer", "second reviewer", "reviewer with a conflict"):
        CallRole.objects.create(user=people[name], call=call_a, role=CallRole.Role.REVIEWER)
    CallRole.objects.create(user=people["manager of A"], call=call_a, role=CallRole.Role.MANAGER)
    CallRole.objects.create(user=people["manager of B"], call=call_b, role=CallRole.Role.MANAGER)
    Conflict.objects.create(reviewer=people["reviewer with a conflict"], call=call_a, organisation=org_x)
    return people


@pytest.fixture
def submitted(people, organisations, calls):
    """An application of organisation X to call A, submitted."""
    return application_of(calls[0], organisations[0])


@pytest.fixture
def clients(people):
    return {name: client_of(user) for name, user in people.items()}
