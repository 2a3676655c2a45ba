"""Consent as recorded events, her data downloadable, erasure after the cycle, at once on withdrawal, and the shared pool."""

import json
from datetime import timedelta

from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import timezone

from widmonitor.mentoring import links, runs
from widmonitor.mentoring.models import Profile, erase_due_profiles

from .conftest import applicant


def me(profile):
    return f"/en/mentoring/me/{links.token('profile', profile=profile.pk)}/"


def test_she_downloads_everything_kept_about_her_with_the_consent_text_she_read(cycles):
    mia = applicant(cycles[0], "mentee", "Mia", about="I study in Namur.")
    response = Client().get(me(mia) + "data.json")
    data = json.loads(response.content)
    assert response["Content-Disposition"] == 'attachment; filename="widmonitor-mentoring-profile.json"'
    assert (data["profile"]["email"], data["profile"]["about"], data["cycles"][0]["programme"]) == ("mia@example.org", "I study in Namur.", "Programme A")
    assert data["consents"][0]["purpose"] == "cycle" and "Programme A" in data["consents"][0]["wording"]


def test_a_profile_is_erased_the_set_time_after_its_cycle_ends_and_keeps_only_anonymous_counts(cycles):
    cycle = cycles[0]
    mia = applicant(cycle, "mentee", "Mia", about="I study in Namur.")
    due = cycle.ends_on + timedelta(days=cycle.programme.erase_after_days)
    assert mia.erase_due_on() == due
    assert erase_due_profiles(due - timedelta(days=1)) == 0
    assert erase_due_profiles(due) == 1
    mia.refresh_from_db()
    assert (mia.name, mia.email, mia.about, mia.topics, mia.erased_at is not None) == ("", "", "", [], True)
    assert list(mia.participations.values_list("role", "gender", "age_band")) == [("mentee", "woman", "26-45")]
    assert mia.consents.filter(withdrawn_at__isnull=True).count() == 0
    assert Client().get(me(mia)).status_code == 404  # her link leads nowhere once she is erased


def test_withdrawing_erases_at_once_and_the_back_office_log_forgets_her_name(cycles, people):
    mia = applicant(cycles[0], "mentee", "Mia Mentee-Unique")
    LogEntry.objects.create(user=people["moderator"], content_type=ContentType.objects.get_for_model(Profile), object_id=str(mia.pk),
                            object_repr=str(mia), action_flag=ADDITION, change_message="Added Mia Mentee-Unique")
    Client().post(me(mia) + "withdraw/")
    mia.refresh_from_db()
    assert mia.erased_at is not None
    assert not LogEntry.objects.filter(change_message__contains="Mia Mentee-Unique").exists()
    assert not LogEntry.objects.filter(object_repr__contains="Mia Mentee-Unique").exists()


def test_an_unconfirmed_application_is_erased_after_a_week(cycles):
    ghost = applicant(cycles[0], "mentee", "Ghost", confirmed=False)
    Profile.objects.filter(pk=ghost.pk).update(created_at=timezone.now() - timedelta(days=8))
    assert not cycles[0].participations.matchable().exists()
    assert erase_due_profiles(timezone.localdate()) == 1


def test_a_mentor_of_the_shared_pool_is_kept_and_another_programme_proposes_her(cycles, people):
    a, b = cycles
    mona = applicant(a, "mentor", "Mona", pool=True)
    after = a.ends_on + timedelta(days=a.programme.erase_after_days + 1)
    assert erase_due_profiles(after) == 0
    moderator = Client()
    moderator.force_login(people["moderator"])
    page = moderator.get(f"/en/partner/mentoring/cycles/{b.pk}/").content.decode()
    assert "Mona" in page
    moderator.post(f"/en/partner/mentoring/cycles/{b.pk}/pool/", {"profile": mona.pk})
    mia = applicant(b, "mentee", "Mia")
    run = runs.run_matching(b, people["moderator"])
    assert [(r["mentee"], r["mentor"]) for r in run.pairs] == [(str(mia.participations.get().pk), str(mona.participations.get(cycle=b).pk))]
    assert mona.participations.get(cycle=b).from_pool


def test_leaving_the_pool_puts_her_back_on_the_erasure_schedule(cycles):
    a = cycles[0]
    mona = applicant(a, "mentor", "Mona", pool=True)
    Client().post(me(mona) + "leave-pool/")
    assert not Profile.objects.in_pool().exists()
    assert erase_due_profiles(a.ends_on + timedelta(days=a.programme.erase_after_days)) == 1


def test_a_mentee_cannot_join_the_pool(cycles):
    mia = applicant(cycles[0], "mentee", "Mia", pool=True)
    assert not Profile.objects.in_pool().filter(pk=mia.pk).exists()
