"""Nothing of a self-check is stored unless she agrees; then only her levels, age band, gender, region and month."""

import datetime

import pytest
from django.apps import apps
from django.db import connection

from widmonitor.selfcheck import once
from widmonitor.selfcheck.models import InitiativeCheck, Participation, SharedCheck, UsedStoreKey

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


def key(html=None):
    """The store key of a result page's ``html``; a fresh one, as a result page has, without it."""
    if html is None:
        return once.issue()
    return html.split('name="once" value="')[1].split('"')[0]


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
        "/en/self-check/share/", {**all_answers("yes"), "age_band": "26-45", "gender": "", "region": "wallonia", "consent": "on", "once": key()},
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
        "/en/self-check/share/", {**all_answers("yes"), "age_band": "26-45", "gender": "woman", "region": "wallonia", "consent": "on", "once": key()},
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
    start = anonymous.post(f"/en/self-check/i/{check.token}/keep/", {**all_answers("not-yet"), "for": check.token, "moment": "before", "consent": "on", "once": key()})
    code = Participation.objects.get().code
    assert code in start.content.decode()
    first_page = anonymous.post(f"/en/self-check/i/{check.token}/", {"code": code.lower()})
    assert f'name="code" value="{code}"' in first_page.content.decode()
    end = anonymous.post(f"/en/self-check/i/{check.token}/keep/", {**all_answers("yes"), "for": check.token, "moment": "after", "code": code, "consent": "on", "once": key()})
    assert end.status_code == 200 and code not in end.content.decode()
    participation = Participation.objects.get()
    assert (set(participation.before.values()), set(participation.after.values())) == ({0}, {3})
    again = anonymous.post(f"/en/self-check/i/{check.token}/", {"code": code})
    assert again.status_code == 400 and "already has its self-check at the end" in again.content.decode()


def test_an_unknown_link_is_not_found(anonymous, db):
    assert anonymous.get("/en/self-check/i/nothing-here/").status_code == 404


def test_answers_taken_for_another_initiatives_link_are_not_kept_for_this_one(anonymous, records):
    here, elsewhere = (InitiativeCheck.objects.create(initiative=record) for record in records)
    response = anonymous.post(f"/en/self-check/i/{here.token}/keep/", {**all_answers("yes"), "for": elsewhere.token, "moment": "before", "consent": "on", "once": key()})
    assert response.status_code == 400
    assert "This self-check was not started from this initiative&#x27;s link." in response.content.decode()
    assert Participation.objects.count() == 0


def test_back_from_the_first_page_of_an_initiatives_check_returns_to_its_link_page(anonymous, records):
    check = InitiativeCheck.objects.create(initiative=records[0])
    first = anonymous.post("/en/self-check/", {"go": "next", "page": "", "for": check.token, "moment": "before"}).content.decode()
    assert f'name="for" value="{check.token}"' in first
    back = anonymous.post("/en/self-check/", {"go": "back", "page": "1-foundation", "for": check.token, "moment": "before"}).content.decode()
    assert f'action="/en/self-check/i/{check.token}/"' in back


SHARED = {"age_band": "26-45", "gender": "woman", "region": "flanders", "consent": "on"}


def test_sharing_the_same_result_page_again_stores_nothing_more(anonymous, db):
    page = finished(anonymous).content.decode()
    first = anonymous.post("/en/self-check/share/", {**all_answers("yes"), **SHARED, "once": key(page)})
    assert first.status_code == 200 and SharedCheck.objects.count() == 1
    for _again in range(2):
        again = anonymous.post("/en/self-check/share/", {**all_answers("yes"), **SHARED, "once": key(page)})
        assert again.status_code == 400
        assert "These answers have already been stored once: nothing was stored again." in again.content.decode()
    assert SharedCheck.objects.count() == 1


@pytest.mark.parametrize("changed", ["", "not-a-key", "SIGNED:changed"])
def test_a_missing_or_changed_key_stores_nothing(anonymous, db, changed):
    page = finished(anonymous).content.decode()
    forged = key(page)[:-2] + "xx" if changed == "SIGNED:changed" else changed
    response = anonymous.post("/en/self-check/share/", {**all_answers("yes"), **SHARED, "once": forged})
    assert response.status_code == 400 and "its key is missing or was changed" in response.content.decode()
    assert SharedCheck.objects.count() == 0 and UsedStoreKey.objects.count() == 0


def test_a_key_older_than_a_day_stores_nothing(anonymous, db, monkeypatch):
    page = finished(anonymous).content.decode()
    monkeypatch.setattr(once, "MAX_AGE", -1)
    response = anonymous.post("/en/self-check/share/", {**all_answers("yes"), **SHARED, "once": key(page)})
    assert response.status_code == 400 and "more than a day old" in response.content.decode()
    assert SharedCheck.objects.count() == 0


def test_levels_sent_with_the_form_are_ignored_for_those_of_her_answers(anonymous, db):
    tampered = {"levels": '{"1.1": 3}', "level-1.1": "3", "c1.1": "3", "area_1": "15"}
    anonymous.post("/en/self-check/share/", {**all_answers("not-yet"), **SHARED, **tampered, "once": key()})
    stored = SharedCheck.objects.get()
    assert set(stored.levels.values()) == {0} and stored.area_1 == 0


def test_the_used_key_table_holds_only_a_hash_and_a_day_and_no_link_to_the_check(anonymous, db):
    page = finished(anonymous).content.decode()
    anonymous.post("/en/self-check/share/", {**all_answers("yes"), **SHARED, "once": key(page)})
    assert [(f.name, f.get_internal_type()) for f in UsedStoreKey._meta.get_fields()] == [("digest", "CharField"), ("day", "DateField")]
    used = UsedStoreKey.objects.get()
    assert key(page) not in used.digest and len(used.digest) == 64
    assert not any(f.is_relation for f in UsedStoreKey._meta.get_fields()) and SharedCheck.objects.count() == 1


def test_the_start_through_an_initiatives_link_is_kept_once_per_result_page(anonymous, records):
    check = InitiativeCheck.objects.create(initiative=records[0])
    page = finished(anonymous, **{"for": check.token, "moment": "before"}).content.decode()
    data = {**all_answers("yes"), "for": check.token, "moment": "before", "consent": "on", "once": key(page)}
    assert anonymous.post(f"/en/self-check/i/{check.token}/keep/", data).status_code == 200
    again = anonymous.post(f"/en/self-check/i/{check.token}/keep/", data)
    assert again.status_code == 400 and "already been stored once" in again.content.decode()
    assert Participation.objects.count() == 1


def test_an_end_refused_for_its_code_leaves_the_key_unspent(anonymous, records):
    check = InitiativeCheck.objects.create(initiative=records[0])
    data = {**all_answers("yes"), "for": check.token, "moment": "after", "code": "KM4-T7P", "consent": "on", "once": key()}
    response = anonymous.post(f"/en/self-check/i/{check.token}/keep/", data)
    assert response.status_code == 400 and "is not one of this initiative" in response.content.decode()
    assert UsedStoreKey.objects.count() == 0


def test_past_the_hourly_limit_of_an_address_nothing_is_stored(anonymous, db, monkeypatch):
    from widmonitor.selfcheck import limits

    monkeypatch.setattr(limits, "STORES_PER_HOUR", 2)
    codes = [anonymous.post("/en/self-check/share/", {**all_answers("yes"), **SHARED, "once": key()}, REMOTE_ADDR="198.51.100.4").status_code for _ in range(3)]
    other = anonymous.post("/en/self-check/share/", {**all_answers("yes"), **SHARED, "once": key()}, REMOTE_ADDR="198.51.100.5")
    assert codes == [200, 200, 429] and other.status_code == 200
    assert SharedCheck.objects.count() == 3
