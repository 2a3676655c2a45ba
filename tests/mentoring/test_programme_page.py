"""A matcher manages her programme from the partner pages: its weights and its cycles; bad input changes nothing."""

from django.test import Client

from widmonitor.mentoring.models import Cycle

from ..partners.conftest import client_of


def cycle_data(**change):
    data = {"cycle-name": "Autumn", "cycle-opens_on": "2027-09-01", "cycle-closes_on": "2027-09-30", "cycle-matching_on": "2027-10-05",
            "cycle-duration_weeks": "20", "cycle-checkin_every_days": "30", "cycle-open_applications": "on"}
    return {**data, **change}


def test_the_matcher_adds_a_cycle_and_sets_the_weights(cycles, matcher_client):
    programme = cycles[0].programme
    matcher_client.post(f"/en/partner/mentoring/programmes/{programme.pk}/cycles/", cycle_data())
    assert programme.cycles.filter(name="Autumn", duration_weeks=20).exists()
    weights = {"weights-weight_topics": "8", "weights-weight_goals": "0", "weights-weight_place": "4", "weights-weight_availability": "1"}
    matcher_client.post(f"/en/partner/mentoring/programmes/{programme.pk}/weights/", weights)
    programme.refresh_from_db()
    assert programme.weights().__dict__ == {"topics": 8, "goals": 0, "place": 4, "availability": 1}


def test_a_cycle_closing_before_it_opens_or_a_weight_over_ten_is_refused_saying_why(cycles, matcher_client):
    programme = cycles[0].programme
    response = matcher_client.post(f"/en/partner/mentoring/programmes/{programme.pk}/cycles/", cycle_data(**{"cycle-closes_on": "2027-08-01"}))
    assert response.status_code == 400 and "Applications cannot close before they open." in response.content.decode()
    assert "Constraint" not in response.content.decode()
    assert not Cycle.objects.filter(name="Autumn").exists()
    response = matcher_client.post(f"/en/partner/mentoring/programmes/{programme.pk}/weights/", {"weights-weight_topics": "11", "weights-weight_goals": "3", "weights-weight_place": "2", "weights-weight_availability": "2"})
    assert response.status_code == 400 and "Ensure this value is less than or equal to 10." in response.content.decode()
    programme.refresh_from_db()
    assert programme.weight_topics == 5


def test_the_matcher_of_a_cannot_change_programme_b(cycles, people):
    b = cycles[1].programme
    client = client_of(people["matcher of A"])
    assert client.post(f"/en/partner/mentoring/programmes/{b.pk}/cycles/", cycle_data()).status_code == 403
    assert client.post(f"/en/partner/mentoring/programmes/{b.pk}/weights/", {"weights-weight_topics": "0"}).status_code == 403
    assert Client().post(f"/en/partner/mentoring/programmes/{b.pk}/weights/", {"weights-weight_topics": "0"}).status_code == 302
    assert not Cycle.objects.filter(name="Autumn").exists() and b.cycles.count() == 1
