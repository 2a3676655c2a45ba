"""Who may do what: the matcher of a programme manages it and no other; partners without the role, mentors, mentees
(who have no account, only their signed links) and visitors may not; moderators and administrators may."""

import pytest

from widmonitor.mentoring import links
from widmonitor.mentoring.models import MatchingRun

from ..partners.conftest import client_of
from .conftest import applicant

ALLOWED, LOGIN, REFUSED = "allowed", "login", "refused"

MATRIX = [
    # role, cycle of programme, what, expected
    ("anonymous", "A", "page", LOGIN),
    ("anonymous", "A", "run", LOGIN),
    ("mentee", "A", "run", LOGIN),
    ("mentor", "A", "confirm", LOGIN),
    ("partner", "A", "page", REFUSED),
    ("partner", "A", "run", REFUSED),
    ("partner", "A", "programme", REFUSED),
    ("matcher of A", "A", "page", ALLOWED),
    ("matcher of A", "A", "run", ALLOWED),
    ("matcher of A", "A", "adjust", ALLOWED),
    ("matcher of A", "A", "confirm", ALLOWED),
    ("matcher of A", "A", "programme", ALLOWED),
    ("matcher of A", "B", "page", REFUSED),
    ("matcher of A", "B", "run", REFUSED),
    ("matcher of A", "B", "adjust", REFUSED),
    ("matcher of A", "B", "confirm", REFUSED),
    ("matcher of A", "B", "pool", REFUSED),
    ("matcher of A", "B", "programme", REFUSED),
    ("moderator", "B", "page", ALLOWED),
    ("moderator", "B", "run", ALLOWED),
    ("administrator", "B", "confirm", ALLOWED),
]


def request(client, what, cycle, mentee, mentor):
    base = f"/en/partner/mentoring/cycles/{cycle.pk}/"
    if what == "page":
        return client.get(base)
    if what == "programme":
        return client.get(f"/en/partner/mentoring/programmes/{cycle.programme.pk}/")
    if what == "adjust":
        return client.post(base + "adjust/", {"action": "exclude", "mentee": mentee, "mentor": mentor})
    if what == "pool":
        return client.post(base + "pool/", {"profile": "1"})
    return client.post(base + f"{what}/")


@pytest.mark.parametrize("role, letter, what, expected", MATRIX)
def test_the_matcher_pages_answer_each_role_as_the_matrix_says(cycles, people, role, letter, what, expected):
    cycle = cycles[0] if letter == "A" else cycles[1]
    mia, mona = applicant(cycle, "mentee", "Mia"), applicant(cycle, "mentor", "Mona")
    mentee, mentor = str(mia.participations.get().pk), str(mona.participations.get().pk)
    MatchingRun.objects.create(cycle=cycle, version=1, pairs=[{"mentee": mentee, "mentor": mentor, "score": 1, "fixed": False, "reasons": []}])
    response = request(client_of(people.get(role)), what, cycle, mentee, mentor)
    outcome = LOGIN if response.status_code == 302 and "/login/" in response.url else REFUSED if response.status_code == 403 else ALLOWED
    assert outcome == expected
    if expected != ALLOWED:
        assert MatchingRun.objects.filter(cycle=cycle).count() == 1 and not cycle.pairs.exists()


@pytest.mark.parametrize(
    "salt, values, expected",
    [
        ("profile", {"profile": "own"}, 200),
        ("profile", {"profile": "other"}, 200),  # a link names one person: only she received it
        ("pair", {"profile": "own"}, 404),  # a pair's link does not open a profile page
        ("confirm", {"profile": "own"}, 404),
    ],
)
def test_a_persons_page_opens_only_with_a_link_signed_for_it(cycles, salt, values, expected):
    mia, mona = applicant(cycles[0], "mentee", "Mia"), applicant(cycles[0], "mentor", "Mona")
    pk = mia.pk if values["profile"] == "own" else mona.pk
    response = client_of(None).get(f"/en/mentoring/me/{links.token(salt, profile=pk)}/")
    assert response.status_code == expected
    if expected == 200:
        assert ("Mia" if pk == mia.pk else "Mona") in response.content.decode()


def test_the_back_office_lets_moderators_grant_the_matcher_role(cycles, people):
    client = client_of(people["moderator"])
    page = client.get(f"/admin/mentoring/programme/{cycles[0].programme.pk}/change/").content.decode()
    assert 'name="matchers-TOTAL_FORMS"' in page
    assert client_of(people["partner"]).get("/admin/mentoring/programme/").status_code == 302
