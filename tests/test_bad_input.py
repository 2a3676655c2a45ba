"""Bad input gets a 4xx answer that says what is wrong, never a server error.

One table, each row a request as a visitor of one role could send it: ids past 2**63 in checkbox
and multiple-choice fields, back-office list filters and history URLs it cannot read, a NUL
character in an address, an invitation e-mail longer than a user name, counts past their ceiling,
an edit form that does not say which version it was opened on. The clients answer server errors
as responses (``raise_request_exception=False``), so that a 500 is seen as a browser would see it.
Back-office forms show their errors on the form itself (200), and its actions after a redirect, as
Django's back office does.
"""

import json
import logging
import logging.config

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import path
from django.utils.html import escape

from widmonitor.actors.models import Organisation
from widmonitor.error_log import logging_config
from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative
from widmonitor.partners.models import PartnerMembership
from widmonitor.reach.models import Outcome

from .experts.conftest import make_expert, topics  # noqa: F401  (the experts' topics fixture)

BIG = str(2**63)  # one past the largest id a 64-bit column holds
LONG_EMAIL = "a" * 140 + "@example.org"  # 152 characters; a user name holds 150
NUL = "The address holds a NUL character (%00), which no address of this site has: check the link."
NOT_A_CHOICE = f"Select a valid choice. {BIG} is not one of the available choices."
CEILING = "At most 1000000 in a year: a larger figure is more likely a typing error than a count."
PAGE_NOT_FOUND = "There is no page at this address, or it is not public."
CHANGELIST = "/admin/initiatives/initiative/"


@pytest.fixture
def expert(topics, client):  # noqa: F811
    client.force_login(make_expert("ann").user)
    return client


@pytest.fixture
def scene(strategy, django_user_model):
    """An organisation with a published record (an outcome of 2024 entered for it), saved by an editor."""
    organisation = Organisation(slug="org-x", name={"en": "Organisation X"}, original_language="en")
    organisation.save()
    editor = django_user_model.objects.create_user("editor")
    record = save_initiative(
        Initiative(uid="x-club", title={"en": "X club"}, original_language="en", moderation="published", starts="2024"),
        {"organisations": [organisation]},
        user=editor,
        reason="Test record",
    )
    Outcome.objects.create(initiative=record, year=2024, participants=100, women_and_girls=60, source_kind="own-count")
    return {"org": organisation.pk, "pk": record.pk, "version": record.version}


def initiative_change(scene, **changes):
    """The back office's edit form of the record, as a moderator's browser posts it."""
    return {
        "uid": "x-club", "moderation": "published", "original_language": "en", "title_en": "X club", "sector": "unknown",
        "cost": "unknown", "status": "unknown", "organisations": [scene["org"]], "seen_version": scene["version"],
        "listings-TOTAL_FORMS": "0", "listings-INITIAL_FORMS": "0", **changes,
    }  # fmt: skip


def outcome_form(**changes):
    return {"year": 2024, "participants": 100, "women_and_girls": 60, "source_kind": "own-count", **changes}


ROWS = [
    # a NUL character in a public address, in the page's language; in the API, as JSON
    ("anonymous", "get", "/en/initiatives/?q=coding%00club", None, 400, NUL),
    ("anonymous", "get", "/fr/initiatives/?audiences=%00", None, 400, "L'adresse contient un caractère NUL (%00)"),
    ("anonymous", "get", "/en/strategy/1%00/", None, 400, NUL),
    ("anonymous", "get", "/en/finder/?for=%00", None, 400, NUL),
    ("anonymous", "get", "/en/experts/?topic=%00", None, 400, NUL),
    ("anonymous", "get", "/en/initiatives/download.csv?q=%00", None, 400, NUL),
    ("anonymous", "get", "/api/initiatives?q=coding%00", None, 400, NUL),
    ("anonymous", "get", "/api/organisations/org%00", None, 400, NUL),
    # ids past 2**63 in checkbox and multiple-choice fields
    ("partner", "post", "/en/partner/initiatives/new/",
     lambda s: {"title_en": "T", "original_language": "en", "organisations": [BIG], "objectives": [BIG], "audiences": [BIG]},
     400, NOT_A_CHOICE),
    ("expert", "post", "/en/experts/me/", lambda s: {"name": "Ann", "topics": [BIG], "languages": [BIG]}, 400, NOT_A_CHOICE),
    ("moderator", "post", "/admin/initiatives/initiative/{pk}/change/", lambda s: initiative_change(s, organisations=[BIG]), 200, NOT_A_CHOICE),
    ("admin", "post", "/admin/partners/partnermembership/invite/",
     lambda s: {"email": "an@example.org", "organisations": [BIG], "language": "en"}, 200, NOT_A_CHOICE),
    ("moderator", "post", CHANGELIST, lambda s: {"action": "publish", "_selected_action": [BIG], "reason": "x"}, 200,
     "0 initiatives published."),
    # back-office list filters and history pages given what they cannot read
    ("moderator", "get", CHANGELIST + "?foo__bar=1", None, 400, "The list cannot be filtered by foo__bar=1"),
    ("moderator", "get", CHANGELIST + "?objective=abc", None, 400, "The list cannot be filtered by objective=abc"),
    ("moderator", "get", CHANGELIST + "?objective=" + BIG, None, 400, f"The list cannot be filtered by objective={BIG}"),
    ("moderator", "get", CHANGELIST + "?audiences=no-such-audience", None, 400, "The list cannot be filtered by audiences=no-such-audience"),
    ("moderator", "get", CHANGELIST + "?sub_objective=%00", None, 400, NUL),
    ("moderator", "get", "/admin/partners/proposal/?initiative=" + BIG, None, 200, "0 proposals"),
    ("moderator", "get", CHANGELIST + "abc/history/", None, 404, PAGE_NOT_FOUND),
    ("moderator", "get", CHANGELIST + "{pk}/history/abc/", None, 404, PAGE_NOT_FOUND),
    ("moderator", "get", "/admin/reach/outcome/abc/history/", None, 404, PAGE_NOT_FOUND),
    # an invitation e-mail longer than the user name it also is
    ("partner", "post", "/en/partner/experts/invite/", lambda s: {"email": LONG_EMAIL, "name": "Ann", "language": "en"}, 400,
     "At most 150 characters (it has 152): the address is also her user name."),
    ("admin", "post", "/admin/partners/partnermembership/invite/",
     lambda s: {"email": LONG_EMAIL, "organisations": [s["org"]], "language": "en"}, 200,
     "At most 150 characters (it has 152): the address is also her user name."),
    # counts past their ceiling
    ("partner", "post", "/en/partner/initiatives/x-club/reach/", lambda s: outcome_form(participants=2_000_000), 400, CEILING),
    ("partner", "post", "/en/partner/initiatives/x-club/reach/", lambda s: outcome_form(participants=BIG), 400, CEILING),
    ("partner", "post", "/en/partner/initiatives/x-club/reach/",
     lambda s: outcome_form(age_6_11_participants=2_000_000, age_6_11_women=10), 400, CEILING),
    ("moderator", "post", "/admin/reach/outcome/add/",
     lambda s: {**outcome_form(participants=2_000_000, year=2025), "initiative": s["pk"], "ages-TOTAL_FORMS": "0", "ages-INITIAL_FORMS": "0"},
     200, CEILING),
    # an edit form that does not say which version it was opened on is a stale form
    ("partner", "post", "/en/partner/initiatives/x-club/propose/",
     lambda s: {"title_en": "Y club", "original_language": "en", "organisations": [s["org"]], "seen_version": ""}, 400,
     "This form does not say which version of the initiative you opened, so your change could undo someone else's"),
    ("moderator", "post", "/admin/initiatives/initiative/{pk}/change/", lambda s: initiative_change(s, title_en="Y club", seen_version=""), 200,
     "This form does not say which version of the initiative you opened; editor saved it last, on"),
]  # fmt: skip


def row_id(row):
    role, method, url, _data, status, _text = row
    return f"{role} {method} {url} -> {status}"


@pytest.mark.parametrize(("role", "method", "url", "data", "status", "text"), ROWS, ids=[row_id(row) for row in ROWS])
def test_bad_input_is_answered_with_a_4xx_that_says_what_is_wrong(request, scene, role, method, url, data, status, text):
    client = request.getfixturevalue(role)
    client.raise_request_exception = False
    if role == "partner":
        PartnerMembership.objects.create(user=get_user_model().objects.get(username="partner"), organisation_id=scene["org"])
    url = url.format(**scene)
    response = getattr(client, method)(url, *([data(scene)] if data else []), follow=True)  # a page a redirect leads to counts
    body = response.content.decode()
    message = json.loads(body)["detail"] if url.startswith("/api/") else body
    assert response.status_code == status
    assert text in message or escape(text) in message


def test_a_refused_invitation_or_outcome_stores_nothing(partner, scene):
    PartnerMembership.objects.create(user=get_user_model().objects.get(username="partner"), organisation_id=scene["org"])
    partner.post("/en/partner/experts/invite/", {"email": LONG_EMAIL, "name": "Ann", "language": "en"})
    partner.post("/en/partner/initiatives/x-club/reach/", outcome_form(participants=2_000_000))
    assert not get_user_model().objects.filter(email=LONG_EMAIL).exists()
    assert Outcome.objects.count() == 1


def crash(request):
    raise RuntimeError("a bug, not bad input")


urlpatterns = [path("crash/", crash)]


@pytest.mark.urls(__name__)
def test_a_server_error_is_logged_with_its_traceback_to_stderr_and_to_the_home_s_logs_folder(client, tmp_path, capsys):
    logging.config.dictConfig(logging_config(tmp_path))
    try:
        client.raise_request_exception = False
        assert client.get("/crash/").status_code == 500
        logged = (tmp_path / "logs" / "errors.log").read_text(encoding="utf-8")
    finally:
        with capsys.disabled():  # the handlers write to the session's stderr again, not to this test's capture
            logging.config.dictConfig(settings.LOGGING)
    for text in (logged, capsys.readouterr().err):
        assert "ERROR django.request" in text and "Internal Server Error: /crash/" in text
        assert "RuntimeError: a bug, not bad input" in text
