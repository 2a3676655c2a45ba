"""Login throttling and the security headers every page carries."""

import pytest
from django.test import Client
from django.urls import reverse

LOGIN = reverse("admin:login")
RIGHT = "right-pass-1234"


@pytest.fixture
def moderator_account(db, django_user_model):
    return django_user_model.objects.create_user("moderator", password=RIGHT, is_staff=True)


def log_in(client, password):
    return client.post(LOGIN, {"username": "moderator", "password": password, "next": "/admin/"})


def test_thirty_wrong_passwords_lock_the_account_even_against_the_right_one(moderator_account):
    client = Client(REMOTE_ADDR="127.0.0.1")
    statuses = {log_in(client, f"guess-{n}").status_code for n in range(30)}

    response = log_in(client, RIGHT)

    assert statuses == {200, 429}
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lock_holds_for_that_account_from_that_address_only(moderator_account):
    attacker = Client(REMOTE_ADDR="127.0.0.1")
    for n in range(5):
        log_in(attacker, f"guess-{n}")
    assert log_in(attacker, RIGHT).status_code == 429
    colleague = Client(REMOTE_ADDR="127.0.0.2")
    assert log_in(colleague, RIGHT).status_code == 302


def test_a_few_wrong_passwords_then_the_right_one_log_in_and_start_the_count_afresh(moderator_account):
    client = Client(REMOTE_ADDR="127.0.0.1")
    for n in range(4):
        assert log_in(client, f"typo-{n}").status_code == 200
    assert log_in(client, RIGHT).status_code == 302
    client.logout()
    for n in range(4):
        log_in(client, f"typo-again-{n}")
    assert log_in(client, RIGHT).status_code == 302


@pytest.mark.parametrize(
    "url",
    [LOGIN, reverse("admin:index"), reverse("admin:initiatives_initiative_changelist"), "/no-such-page/"],
)
def test_every_page_carries_a_content_security_policy_and_a_permissions_policy(admin, url):
    response = admin.get(url)
    policy = dict(
        directive.strip().split(" ", 1) for directive in response["Content-Security-Policy"].split(";") if directive.strip()
    )
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'" and "unsafe-inline" not in response["Content-Security-Policy"]
    assert policy["frame-ancestors"] == "'none'" and policy["object-src"] == "'none'"
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]


def test_a_partner_who_tries_the_back_office_is_told_it_is_for_moderators(db, django_user_model):
    django_user_model.objects.create_user("partner", password=RIGHT)
    response = Client().post(LOGIN, {"username": "partner", "password": RIGHT, "next": "/admin/"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "the back office is for the working group&#x27;s moderators" in page
    assert "Please enter the correct username and password" not in page


def test_a_wrong_password_still_gets_the_usual_answer(moderator_account):
    page = log_in(Client(), "wrong").content.decode()
    assert "Please enter the correct username and password for a staff account" in page
