"""`widmonitor daily` erases the mentoring profiles that are due and sends the pairs' reminders."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from widmonitor.mentoring.models import Profile

from .conftest import applicant


def test_the_daily_run_erases_an_application_never_confirmed(cycles, capsys):
    ghost = applicant(cycles[0], "mentee", "Ghost", confirmed=False)
    Profile.objects.filter(pk=ghost.pk).update(created_at=timezone.now() - timedelta(days=8))
    applicant(cycles[0], "mentee", "Kept")
    call_command("daily", "--only", "erase-mentoring-profiles")
    assert capsys.readouterr().out == "erase-mentoring-profiles: 1 mentoring profile(s) erased (their cycles ended, or never confirmed).\n"
    assert list(Profile.objects.alive().values_list("name", flat=True)) == ["Kept"]
