"""Bad input on the calls' pages gets a 4xx answer and writes nothing, never a server error."""

import pytest
from django.test import Client
from django.urls import reverse

from widmonitor.calls.models import Application, Conflict, Score

HUGE = str(2**64)


@pytest.fixture
def unraised(people):
    """Clients that answer a server error as a response, as a browser would see it."""

    def client_of(name):
        client = Client(raise_request_exception=False)
        client.force_login(people[name])
        return client

    return client_of


@pytest.mark.parametrize(
    "who, name, args, data",
    [
        ("partner of the applicant", "calls:application", [HUGE], None),
        ("reviewer", "calls:review_application", ["call-a", HUGE], None),
        ("manager of A", "calls:decide", ["call-a", HUGE], {"decision": "funded", "reasons": "x", "amount": "1"}),
        ("partner of the applicant", "calls:apply", ["call-a"], {"organisation": HUGE, "sub_objectives": [HUGE], "audiences": [HUGE], "title": "x", "budget": HUGE, "action": "submit"}),
        ("reviewer", "calls:declare_conflict", ["call-a"], {"application": HUGE}),
        ("reviewer", "calls:declare_conflict", ["call-a"], {"organisation": "not-a-number"}),
        ("reviewer", "calls:review_application", ["call-a", "{submitted}"], {"score_{criterion}": HUGE}),
        ("manager of A", "calls:decide", ["call-a", "{submitted}"], {"decision": "funded", "reasons": "x", "amount": HUGE}),
    ],
)
def test_it_answers_bad_input_without_a_server_error_and_writes_nothing(unraised, submitted, calls, who, name, args, data):
    criterion = calls[0].criteria.first().pk
    args = [arg.format(submitted=submitted.pk) for arg in args]
    data = {key.format(criterion=criterion): value for key, value in data.items()} if data else None
    client = unraised(who)
    response = client.post(reverse(name, args=args), data) if data is not None else client.get(reverse(name, args=args))
    assert response.status_code < 500
    assert Application.objects.count() == 1 and Application.objects.get().status == "submitted"
    assert not Score.objects.exists() and not Conflict.objects.exclude(organisation__slug="org-x").exists()
