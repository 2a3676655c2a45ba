"""Nothing of a self-check is stored unless she agrees; then only her levels, age band, gender, region and month."""

import datetime

import pytest
from django.apps import apps
from django.db import connection

from widmonitor.selfcheck.models import InitiativeCheck, Participation, SharedCheck

from .test_pages import all_answers


def row_counts():
    """``{table: rows}`` of every table of the database."""
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
            counts[table] = cursor.fetchone()[0]
    return counts


def finished(client, **extra):
    """Walk to the result with every statement answered, as a browser does."""
    response = client.post("/en/self-check/", {**all_answers("yes"), "go": "next", "page": "", **extra})
    assert "Your self-check result" in response.content.decode()
    return response


def test_a_full_self_check_without_consent_stores_nothing_in_any_table(anonymous, db):
    before = row_counts()
    anonymous.get("/en/self-check/")
    anonymous.post("/en/self-check/", {"go": "next", "page": ""})
    html = finished(anonymous).content.decode()
    anonymous.post("/en/self-check/self-check.json", all_answers("yes"))
    assert 'name="consent"' in html and "checked" not in html.split('name="consent"')[1].split(">")[0]
    assert row_counts() == before
    assert not anonymous.cookies.get("sessionid")


def test_sharing_without_ticking_the_box_stores_nothing_and_says_why(anonymous, db):
    response = anonymous.post("/en/self-check/share/", {**all_answers("yes"), "age_band": "26-45", "gender": "woman", "region": "flanders"})
    assert response.status_code == 400
    assert "Tick the box to agree, or leave this form: nothing is stored without your consent." in response.content.decode()
    assert SharedCheck.objects.count() == 0


def test_sharing_with_consent_stores_only_the_listed_fields(anonymous, db):
    response = anonymous.post(
        "/en/self-check/share/", {**all_answers("yes"), "age_band": "26-45", "gender": "", "region": "wallonia", "consent": "on"},
        REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT="Test browser 1.0",
    )  # fmt: skip
    assert response.status_code == 200
    stored = SharedCheck.objects.values().get()
    assert set(stored) == {"id", "levels", "area_1", "area_2", "area_3", "area_4", "area_5", "age_band", "gender", "region", "month"}
    assert (stored["age_band"], stored["gender"], stored["region"]) == ("26-45", "", "wallonia")
    assert set(stored["levels"].values()) == {3} and len(stored["levels"]) == 21
    assert isinstance(stored["month"], datetime.date) and stored["month"].day == 1
    assert [f.name for f in SharedCheck._meta.get_fields()] == list(stored)


def test_no_table_keeps_her_address_or_browser_after_she_shares(anonymous, db):
    anonymous.post(
        "/en/self-check/share/", {**all_answers("yes"), "age_band": "26-45", "gender": "woman", "region": "wallonia", "consent": "on"},
        REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT="Test browser 1.0",
    )  # fmt: skip
    with connection.cursor() as cursor:
        for model in apps.get_app_config("selfcheck").get_models():
            cursor.execute(f'SELECT * FROM "{model._meta.db_table}"')
            text = repr(cursor.fetchall())
            assert "203.0.113" not in text and "Test browser" not in text


@pytest.mark.parametrize(("field", "value", "message"), [("age_band", "lt6", "Select a valid choice."), ("region", "", "This field is required."), ("gender", "x", "Select a valid choice.")])
def test_a_wrong_field_stores_nothing(anonymous, db, field, value, message):
    data = {**all_answers("yes"), "age_band": "26-45", "gender": "woman", "region": "flanders", "consent": "on", field: value}
    response = anonymous.post("/en/self-check/share/", data)
    assert response.status_code == 400 and message in response.content.decode()
    assert SharedCheck.objects.count() == 0


def test_incomplete_answers_are_not_shared(anonymous, db):
    response = anonymous.post("/en/self-check/share/", {"c1.1-foundation": "yes", "age_band": "26-45", "region": "flanders", "consent": "on"})
    assert response.status_code == 400 and SharedCheck.objects.count() == 0


def test_a_check_taken_for_an_initiative_stores_nothing_without_consent(anonymous, records):
    check = InitiativeCheck.objects.create(initiative=records[0])
    html = finished(anonymous, **{"for": check.token, "moment": "before"}).content.decode()
    assert f'action="/en/self-check/i/{check.token}/keep/"' in html
    response = anonymous.post(f"/en/self-check/i/{check.token}/keep/", {**all_answers("yes"), "for": check.token, "moment": "before"})
    assert response.status_code == 400 and Participation.objects.count() == 0


def test_the_start_and_the_end_through_the_link_pair_by_the_code_shown_once(anonymous, records):
    check = InitiativeCheck.objects.create(initiative=records[0])
    start = anonymous.post(f"/en/self-check/i/{check.token}/keep/", {**all_answers("not-yet"), "for": check.token, "moment": "before", "consent": "on"})
    code = Participation.objects.get().code
    assert code in start.content.decode()
    first_page = anonymous.post(f"/en/self-check/i/{check.token}/", {"code": code.lower()})
    assert f'name="code" value="{code}"' in first_page.content.decode()
    end = anonymous.post(f"/en/self-check/i/{check.token}/keep/", {**all_answers("yes"), "for": check.token, "moment": "after", "code": code, "consent": "on"})
    assert end.status_code == 200 and code not in end.content.decode()
    participation = Participation.objects.get()
    assert (set(participation.before.values()), set(participation.after.values())) == ({0}, {3})
    again = anonymous.post(f"/en/self-check/i/{check.token}/", {"code": code})
    assert again.status_code == 400 and "already has its self-check at the end" in again.content.decode()


def test_an_unknown_link_is_not_found(anonymous, db):
    assert anonymous.get("/en/self-check/i/nothing-here/").status_code == 404


def test_answers_taken_for_another_initiatives_link_are_not_kept_for_this_one(anonymous, records):
    here, elsewhere = (InitiativeCheck.objects.create(initiative=record) for record in records)
    response = anonymous.post(f"/en/self-check/i/{here.token}/keep/", {**all_answers("yes"), "for": elsewhere.token, "moment": "before", "consent": "on"})
    assert response.status_code == 400
    assert "This self-check was not started from this initiative&#x27;s link." in response.content.decode()
    assert Participation.objects.count() == 0


def test_back_from_the_first_page_of_an_initiatives_check_returns_to_its_link_page(anonymous, records):
    check = InitiativeCheck.objects.create(initiative=records[0])
    first = anonymous.post("/en/self-check/", {"go": "next", "page": "", "for": check.token, "moment": "before"}).content.decode()
    assert f'name="for" value="{check.token}"' in first
    back = anonymous.post("/en/self-check/", {"go": "back", "page": "1-foundation", "for": check.token, "moment": "before"}).content.decode()
    assert f'action="/en/self-check/i/{check.token}/"' in back
