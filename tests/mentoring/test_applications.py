"""Applying to a cycle: the public form (open cycles only) or the invitation link, consent recorded, e-mail confirmation."""

import re

import pytest
from django.core import mail
from django.test import Client

from widmonitor.experts.models import ExpertProfile
from widmonitor.mentoring.models import Profile

from ..experts.conftest import make_expert
from .conftest import make_cycle


def form(**extra):
    data = {
        "name": "Amina", "email": "amina@example.org", "language": "fr", "topics": ["cybersecurity", "digcomp-4"],
        "languages": ["fr", "en"], "province": "liege", "online": "on", "on_site": "on", "availability": ["weekend"],
        "goals": ["first-job"], "about": "I study in Liège.", "gender": "woman", "age_band": "19-25", "consent": "on",
    }
    return {**data, **extra}


def link_in(message):
    return re.search(r"https?://\S+", message.body).group(0)


def test_a_mentee_applies_on_the_open_form_and_counts_once_she_confirms(cycles):
    cycle = cycles[0]
    response = Client().post(f"/fr/mentoring/cycles/{cycle.pk}/apply/mentee/", form())
    assert response.status_code == 200
    profile = Profile.objects.get()
    assert (profile.role, profile.confirmed_at, profile.open_consent().wording_version) == ("mentee", None, "2026-1")
    assert not cycle.participations.matchable().exists()
    assert mail.outbox[0].to == ["amina@example.org"] and "Veuillez confirmer" in mail.outbox[0].subject
    path = link_in(mail.outbox[0]).split("testserver")[-1]
    assert Client().post(path).status_code == 302
    assert cycle.participations.matchable().get().profile == profile


def test_an_application_without_consent_is_refused_and_saves_nothing(cycles):
    response = Client().post(f"/en/mentoring/cycles/{cycles[0].pk}/apply/mentee/", form(consent=""))
    assert response.status_code == 400
    assert not Profile.objects.exists()


@pytest.mark.parametrize(
    "change, error",
    [
        ({"online": "", "on_site": ""}, "Choose online meetings, meetings in person, or both."),
        ({"province": ""}, "Name your province to meet in person."),
        ({"languages": []}, "This field is required."),
        ({"capacity": "6"}, "Select a valid choice. 6 is not one of the available choices."),
    ],
)
def test_a_mentor_application_with_bad_input_says_what_is_wrong(cycles, change, error):
    response = Client().post(f"/en/mentoring/cycles/{cycles[0].pk}/apply/mentor/", form(**{"capacity": "2", **change}))
    assert response.status_code == 400
    assert error in response.content.decode()
    assert not Profile.objects.exists()


def test_a_cycle_not_open_to_the_public_takes_applications_only_by_its_invitation_link(programmes):
    cycle = make_cycle(programmes[0], open_applications=False)
    assert Client().get(f"/en/mentoring/cycles/{cycle.pk}/apply/mentee/").status_code == 404
    assert Client().get(f"/en/mentoring/invitation/{cycle.invitation_key}/mentee/").status_code == 200
    assert Client().get(f"/en/mentoring/invitation/{cycle.invitation_key}x/mentee/").status_code == 404


def test_an_altered_confirmation_link_is_refused(cycles):
    Client().post(f"/en/mentoring/cycles/{cycles[0].pk}/apply/mentee/", form())
    path = link_in(mail.outbox[0]).split("testserver")[-1]
    assert Client().post(path[:-3] + "abc/").status_code == 404
    assert Profile.objects.get().confirmed_at is None


def test_an_expert_of_the_directory_becomes_a_mentor_without_typing_her_profile_again(cycles):
    expert = make_expert("ann", name="Ann Expert", languages=("nl", "en"), topics=("cybersecurity", "data-science"))
    client = Client()
    client.force_login(expert.user)
    page = client.get(f"/en/mentoring/cycles/{cycles[0].pk}/apply/mentor/").content.decode()
    assert 'value="Ann Expert"' in page
    assert re.search(r'value="data-science"[^>]*checked', page) and not re.search(r'value="design-ux"[^>]*checked', page)
    data = form(name="Ann Expert", email="ann@example.org", languages=["nl", "en"], topics=["cybersecurity", "data-science"], capacity="2")
    response = client.post(f"/en/mentoring/cycles/{cycles[0].pk}/apply/mentor/", data)
    assert response.status_code == 302  # her account's address is confirmed: straight to her page
    profile = Profile.objects.get()
    assert (profile.expert, profile.capacity, profile.confirmed_at is not None) == (ExpertProfile.objects.get(), 2, True)
    assert mail.outbox == []


def test_applications_from_one_address_are_limited_to_ten_an_hour(cycles):
    client = Client()
    for number in range(10):
        assert client.post(f"/en/mentoring/cycles/{cycles[0].pk}/apply/mentee/", form(email=f"a{number}@example.org")).status_code == 200
    response = client.post(f"/en/mentoring/cycles/{cycles[0].pk}/apply/mentee/", form(email="eleven@example.org"))
    assert response.status_code == 429
    assert "Too many applications from your address in the last hour." in response.content.decode()
    assert Profile.objects.count() == 10 and len(mail.outbox) == 10
