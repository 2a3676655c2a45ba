"""Drafts are kept, every save a version, until submitted before the deadline; after it nothing is submitted."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from widmonitor.calls.models import Application
from widmonitor.strategy.models import Objective
from widmonitor.vocabularies.models import Term

from ..partners.conftest import client_of


def form_data(organisation, call, **changes):
    subs = list(call.sub_objectives.values_list("pk", flat=True))[:1]
    data = {
        "organisation": organisation.pk, "title": "Coding clubs in libraries", "language": "fr", "summary": "Des clubs.",
        "budget": 120000, "sub_objectives": subs, "audiences": [Term.objects.get(vocabulary="audience", code="girls").pk],
        "regions": [Term.objects.get(vocabulary="region", code="wallonia").pk], "expected_participants": 600, "expected_women": 450,
    }  # fmt: skip
    return {**data, **changes}


@pytest.fixture
def applicant(people):
    return client_of(people["partner of the applicant"])


def test_a_draft_is_saved_as_often_as_she_likes_and_every_version_is_kept(applicant, calls, organisations):
    call, org_x = calls[0], organisations[0]
    response = applicant.post(reverse("calls:apply", args=[call.slug]), form_data(org_x, call, action="save"))
    draft = Application.objects.get()
    assert response.status_code == 302 and draft.is_draft
    applicant.post(reverse("calls:application", args=[draft.pk]), form_data(org_x, call, title="Second title", action="save"))
    titles = list(draft.history.order_by("history_date").values_list("title", flat=True))
    assert titles == ["Coding clubs in libraries", "Second title"]
    first = draft.history.order_by("history_date").first()
    assert [row.term.code for row in first.audiences.all()] == ["girls"]  # each version keeps its links
    assert Application.objects.get().status == "draft"


def test_she_submits_before_the_deadline(applicant, calls, organisations):
    call, org_x = calls[0], organisations[0]
    applicant.post(reverse("calls:apply", args=[call.slug]), form_data(org_x, call, action="submit"))
    application = Application.objects.get()
    assert application.status == "submitted" and application.submitted_at is not None


def test_after_the_deadline_the_server_refuses_to_submit_or_change_the_draft_whatever_the_form_says(applicant, calls, organisations):
    call, org_x = calls[0], organisations[0]
    applicant.post(reverse("calls:apply", args=[call.slug]), form_data(org_x, call, action="save"))
    draft = Application.objects.get()
    call.closes_at = timezone.now() - timedelta(minutes=1)
    call.save()
    response = applicant.post(reverse("calls:application", args=[draft.pk]), form_data(org_x, call, title="Late", action="submit"))
    assert response.status_code == 400
    assert "deadline has passed" in response.content.decode()
    assert Application.objects.get().status == "draft" and Application.objects.get().title == "Coding clubs in libraries"


def test_a_new_application_after_the_deadline_is_refused(applicant, calls, organisations):
    call, org_x = calls[0], organisations[0]
    call.closes_at = timezone.now() - timedelta(minutes=1)
    call.save()
    applicant.post(reverse("calls:apply", args=[call.slug]), form_data(org_x, call, action="submit"))
    assert not Application.objects.exists()


def test_a_submitted_application_can_no_longer_be_changed(applicant, calls, organisations):
    call, org_x = calls[0], organisations[0]
    applicant.post(reverse("calls:apply", args=[call.slug]), form_data(org_x, call, action="submit"))
    application = Application.objects.get()
    response = applicant.post(reverse("calls:application", args=[application.pk]), form_data(org_x, call, title="Changed", action="save"))
    assert response.status_code == 400 and Application.objects.get().title == "Coding clubs in libraries"


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"budget": 40000}, "budget"),  # below the call's smallest grant
        ({"budget": 600000}, "budget"),  # above its largest
        ({"expected_women": 700}, "expected_women"),  # more women than participants
        ({"sub_objectives": []}, "sub_objectives"),
    ],
)
def test_bad_input_is_named_and_nothing_is_written(applicant, calls, organisations, changes, field):
    call, org_x = calls[0], organisations[0]
    response = applicant.post(reverse("calls:apply", args=[call.slug]), form_data(org_x, call, action="save", **changes))
    assert response.status_code == 400 and field in response.context["form"].errors
    assert not Application.objects.exists()


def test_she_applies_only_for_her_own_organisations(applicant, calls, organisations):
    call, org_y = calls[0], organisations[1]
    response = applicant.post(reverse("calls:apply", args=[call.slug]), form_data(org_y, call, action="save"))
    assert response.status_code == 400 and "organisation" in response.context["form"].errors


def test_a_sub_objective_the_call_does_not_fund_is_refused(applicant, calls, organisations):
    call, org_x = calls[0], organisations[0]
    other = Objective.objects.current().sub_objectives().exclude(pk__in=call.sub_objectives.all()).first()
    response = applicant.post(reverse("calls:apply", args=[call.slug]), form_data(org_x, call, action="save", sub_objectives=[other.pk]))
    assert response.status_code == 400 and not Application.objects.exists()


@pytest.mark.parametrize(
    "utc_now, is_open",
    [
        ((2027, 3, 28, 14, 59), True),  # 16:59 in Brussels, summer time since 02:00 that night
        ((2027, 3, 28, 15, 0), False),  # 17:00 in Brussels: the deadline
        ((2027, 3, 28, 15, 30), False),  # 17:30 in Brussels, though 16:30 in winter time
    ],
)
def test_the_deadline_is_brussels_time_across_the_change_to_summer_time(calls, utc_now, is_open):
    from datetime import UTC, datetime

    call = calls[0]
    call.opens_at = timezone.make_aware(datetime(2027, 3, 1, 9, 0))
    call.closes_at = timezone.make_aware(datetime(2027, 3, 28, 17, 0))  # the site's time zone, Europe/Brussels
    call.save()
    assert call.is_open(datetime(*utc_now, tzinfo=UTC)) is is_open


def test_the_call_page_shows_the_deadline_in_brussels_time(anonymous, calls):
    from datetime import UTC, datetime

    call = calls[0]
    call.closes_at = datetime(2027, 3, 28, 15, 0, tzinfo=UTC)
    call.save()
    assert "28 March 2027, 17:00 (Brussels time)" in anonymous.get(reverse("calls:detail", args=["call-a"])).content.decode()
