"""A partner's before-and-after check: only for her organisations' initiatives; public only with her consent."""

import pytest

from widmonitor.selfcheck.change import MIN_PAIRS
from widmonitor.selfcheck.framework import framework
from widmonitor.selfcheck.models import InitiativeCheck

from .conftest import client_of

CODES = [c.code for c in framework().competences]


def paired(check, count, before=1, after=2):
    for _ in range(count):
        check.finish(check.start({c: before for c in CODES}), {c: after for c in CODES})


def test_a_partner_opens_a_check_for_her_initiative_and_gets_its_link_and_qr_code(people, records):
    partner = client_of(people["partner of X"])
    assert partner.post("/en/self-check/partner/x-coding-club/open/").status_code == 302
    check = InitiativeCheck.objects.get(initiative=records[0])
    html = partner.get("/en/self-check/partner/x-coding-club/").content.decode()
    assert f"http://testserver/en/self-check/i/{check.token}/" in html and "<svg" in html
    qr = partner.get("/en/self-check/partner/x-coding-club/qr.svg")
    assert qr["Content-Type"] == "image/svg+xml" and b"<svg" in qr.content


def test_opening_twice_keeps_one_check_and_its_link(people, records):
    partner = client_of(people["partner of X"])
    partner.post("/en/self-check/partner/x-coding-club/open/")
    token = InitiativeCheck.objects.get().token
    partner.post("/en/self-check/partner/x-coding-club/open/")
    assert list(InitiativeCheck.objects.values_list("token", flat=True)) == [token]


@pytest.mark.parametrize(
    "path", ["", "open/", "consent/", "qr.svg"],
)
def test_a_partner_of_another_organisation_can_neither_open_nor_read_nor_switch(people, records, path):
    check = InitiativeCheck.objects.create(initiative=records[0])
    paired(check, MIN_PAIRS)
    other = client_of(people["partner of Y"])
    url = f"/en/self-check/partner/x-coding-club/{path}"
    response = other.post(url, {"public": "yes"}) if path in ("open/", "consent/") else other.get(url)
    assert response.status_code == 404
    check.refresh_from_db()
    assert not check.public and InitiativeCheck.objects.count() == 1


def test_an_anonymous_visitor_is_sent_to_the_login(records):
    response = client_of(None).get("/en/self-check/partner/x-coding-club/")
    assert response.status_code == 302 and "/partner/login/" in response["Location"]


def test_the_partner_sees_not_enough_answers_below_ten_pairs_and_the_change_from_ten(people, records):
    check = InitiativeCheck.objects.create(initiative=records[0])
    partner = client_of(people["partner of X"])
    paired(check, MIN_PAIRS - 1)
    html = partner.get("/en/self-check/partner/x-coding-club/").content.decode()
    assert "Not enough answers yet: 9 participants have taken the self-check" in html and "+1.00" not in html
    paired(check, 1)
    html = partner.get("/en/self-check/partner/x-coding-club/").content.decode()
    assert "+1.00" in html and "Not enough answers yet" not in html


def test_the_initiative_page_shows_the_change_only_with_the_partners_consent(people, records):
    check = InitiativeCheck.objects.create(initiative=records[0])
    paired(check, MIN_PAIRS)
    visitor = client_of(None)
    assert "+1.00" not in visitor.get("/en/initiatives/x-coding-club/").content.decode()
    client_of(people["partner of X"]).post("/en/self-check/partner/x-coding-club/consent/", {"public": "yes"})
    assert "+1.00" in visitor.get("/en/initiatives/x-coding-club/").content.decode()
    client_of(people["partner of X"]).post("/en/self-check/partner/x-coding-club/consent/", {})
    assert "+1.00" not in visitor.get("/en/initiatives/x-coding-club/").content.decode()


def test_a_moderator_finds_a_participation_by_its_code_and_erases_it(people, records):
    check = InitiativeCheck.objects.create(initiative=records[0])
    code = check.start({c: 1 for c in CODES})
    moderator = client_of(people["moderator"])
    listing = moderator.get("/admin/selfcheck/participation/", {"q": code})
    assert listing.status_code == 200 and code in listing.content.decode()
    participation = check.participations.get()
    moderator.post(f"/admin/selfcheck/participation/{participation.pk}/delete/", {"post": "yes"})
    assert not check.participations.exists()


def test_in_french_the_check_s_title_has_a_non_breaking_space_before_its_colon(people, records):
    partner = client_of(people["partner of X"])
    partner.post("/fr/self-check/partner/x-coding-club/open/")
    html = partner.get("/fr/self-check/partner/x-coding-club/").content.decode()
    assert "<h1>Autodiagnostic avant-après\u00a0: <span" in html
    assert "<h1>Zelftest voor en na: <span" in partner.get("/nl/self-check/partner/x-coding-club/").content.decode()


def test_in_french_a_mentoring_topic_of_digcomp_has_a_non_breaking_space_before_its_colon(db):
    from django.utils import translation

    from widmonitor.mentoring.topics import topic_choices

    with translation.override("fr"):
        labels = dict(topic_choices())
    assert labels["digcomp-1"].startswith("DigComp 1\u00a0: ")
