"""Reviewers score; a conflict of interest withdraws a reviewer's scores and access; the manager's table adds them up."""

import pytest
from django.urls import reverse

from widmonitor.calls.models import Application, Conflict, Score
from widmonitor.calls.scoreboard import scoreboard

from .conftest import application_of


def give(user, application, values, comment=""):
    for criterion, value in zip(application.call.criteria.all(), values):
        Score.objects.create(application=application, criterion=criterion, reviewer=user, value=value, comment=comment)


@pytest.fixture
def three(people, calls, organisations):
    """Three submitted applications to call A: X's, and two of Y."""
    call, (org_x, org_y) = calls[0], organisations
    return (
        application_of(call, org_x, title="X project"),
        application_of(call, org_y, title="Y first"),
        application_of(call, org_y, title="Y second"),
    )


def table(people, call):
    return [(e.application.title, e.line.rank, e.line.total, [s.count for s in e.line.spreads]) for e in scoreboard(call, people["manager of A"])[1]]


@pytest.mark.parametrize(
    "reviewer_scores, expected",
    [
        # {reviewer: {title: [criterion 1, criterion 2]}} -> [(title, rank, total, scores per criterion)]
        (
            {"reviewer": {"X project": [5, 5], "Y first": [3, 3], "Y second": [3, 3]}},
            [("X project", 1, 100, [1, 1]), ("Y first", 2, 60, [1, 1]), ("Y second", 2, 60, [1, 1])],
        ),
        (
            {"reviewer": {"X project": [5, 5], "Y first": [4, 4]}, "second reviewer": {"X project": [1, 1], "Y first": [4, 2]}},
            [("Y first", 1, 0.6 * 80 + 0.4 * 60, [2, 2]), ("X project", 2, 60, [2, 2]), ("Y second", None, None, [0, 0])],
        ),
    ],
)
def test_the_managers_table_ranks_on_the_mean_weighted_scores_ties_share_missing_last(people, calls, three, reviewer_scores, expected):
    by_title = {a.title: a for a in three}
    for reviewer, scores in reviewer_scores.items():
        for title, values in scores.items():
            give(people[reviewer], by_title[title], values)
    assert table(people, calls[0]) == [(t, r, pytest.approx(v) if v is not None else None, c) for t, r, v, c in expected]


def test_a_reviewer_with_a_conflict_neither_sees_nor_scores_those_applications(people, clients, calls, three):
    x_project, y_first, _y_second = three
    client = clients["reviewer with a conflict"]  # declared a conflict with organisation X
    page = client.get(reverse("calls:review", args=["call-a"])).content.decode()
    assert "Y first" in page and "X project" not in page
    assert client.get(reverse("calls:review_application", args=["call-a", x_project.pk])).status_code == 404
    criteria = calls[0].criteria.all()
    client.post(reverse("calls:review_application", args=["call-a", x_project.pk]), {f"score_{c.pk}": 5 for c in criteria})
    assert not Score.objects.filter(application=x_project).exists()
    assert set(Application.objects.reviewable_by(people["reviewer with a conflict"], calls[0])) == {y_first, three[2]}


def test_declaring_a_conflict_after_scoring_withdraws_her_scores_from_the_ranking(people, clients, calls, three):
    x_project = three[0]
    give(people["reviewer"], x_project, [5, 5])
    give(people["second reviewer"], x_project, [1, 1])
    clients["reviewer"].post(reverse("calls:declare_conflict", args=["call-a"]), {"application": x_project.pk})
    assert Conflict.objects.filter(reviewer=people["reviewer"], application=x_project).exists()
    assert table(people, calls[0])[0] == ("X project", 1, pytest.approx(20), [1, 1])
    assert clients["reviewer"].get(reverse("calls:review_application", args=["call-a", x_project.pk])).status_code == 404


def test_a_conflict_must_name_one_application_or_one_organisation(people, clients, organisations, three):
    clients["reviewer"].post(reverse("calls:declare_conflict", args=["call-a"]), {"application": three[0].pk, "organisation": organisations[1].pk})
    clients["reviewer"].post(reverse("calls:declare_conflict", args=["call-a"]), {})
    assert not Conflict.objects.filter(reviewer=people["reviewer"]).exists()


@pytest.mark.parametrize("value", ["6", "-1", "three"])
def test_a_score_outside_zero_to_the_calls_highest_is_refused_and_nothing_is_written(clients, calls, three, value):
    criteria = calls[0].criteria.all()
    response = clients["reviewer"].post(reverse("calls:review_application", args=["call-a", three[0].pk]), {f"score_{c.pk}": value for c in criteria})
    assert response.status_code == 400 and not Score.objects.exists()


def test_a_scored_criterion_keeps_its_comment_and_a_second_save_updates_it(people, clients, calls, three):
    criterion = calls[0].criteria.first()
    url = reverse("calls:review_application", args=["call-a", three[0].pk])
    clients["reviewer"].post(url, {f"score_{criterion.pk}": 2, f"comment_{criterion.pk}": "Thin plan"})
    clients["reviewer"].post(url, {f"score_{criterion.pk}": 4, f"comment_{criterion.pk}": "Better plan"})
    assert list(Score.objects.values_list("value", "comment")) == [(4, "Better plan")]


def test_the_manager_sees_each_reviewers_score_and_the_spread(people, clients, three):
    give(people["reviewer"], three[0], [2, 5], comment="Strong team")
    give(people["second reviewer"], three[0], [4, 5])
    page = clients["manager of A"].get(reverse("calls:ranking", args=["call-a"])).content.decode()
    assert "3.00" in page and "2–4, sd 1.00, 2 scores" in page and "Strong team" in page and "reviewer-2" in page


def test_a_reviewer_who_speaks_for_the_applicant_organisation_does_not_reach_its_applications(people, calls, organisations, three):
    from widmonitor.partners.models import PartnerMembership

    PartnerMembership.objects.create(user=people["reviewer"], organisation=organisations[1])
    assert set(Application.objects.reviewable_by(people["reviewer"], calls[0])) == {three[0]}


def test_a_score_given_before_the_reviewer_joined_the_applicant_organisation_no_longer_counts(people, calls, organisations, three):
    from widmonitor.partners.models import PartnerMembership

    give(people["reviewer"], three[0], [5, 5])
    give(people["second reviewer"], three[0], [1, 1])
    PartnerMembership.objects.create(user=people["reviewer"], organisation=organisations[0])
    assert table(people, calls[0])[0] == ("X project", 1, pytest.approx(20), [1, 1])
