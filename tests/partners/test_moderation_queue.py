from django.urls import reverse

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative
from widmonitor.partners.models import Proposal

from .conftest import initiative_form
from .diff_table import diff_rows

QUEUE = reverse("admin:partners_proposal_changelist")


def proposal_of(records, people, data=None):
    x, _y = records
    return Proposal.objects.create(
        initiative=x, author=people["partner of X"], data=data or {"url": "https://x.example.org"}, seen_version=x.version
    )


def decide(client, action, proposals, message=""):
    return client.post(QUEUE, {"action": action, "_selected_action": [p.pk for p in proposals], "message": message})


def test_the_queue_shows_each_proposal_as_a_diff_against_the_record(records, people, moderator_client, organisations):
    proposal = proposal_of(records, people, {"url": "https://x.example.org", "title": {"en": "X coding club for girls"}})

    page = moderator_client.get(reverse("admin:partners_proposal_change", args=[proposal.pk])).content.decode()

    assert diff_rows(page) == [
        ("title (English)", "X coding club", "X coding club{+ for girls+}"),
        ("web address", "–", "{+https://x.example.org+}"),
    ]


def test_the_diff_names_related_records(records, people, moderator_client, organisations):
    proposal = proposal_of(records, people, {"organisations": [o.pk for o in organisations]})

    page = moderator_client.get(reverse("admin:partners_proposal_change", args=[proposal.pk])).content.decode()

    assert diff_rows(page) == [("organisations", "Organisation X", "Organisation X, {+Organisation Y+}")]


def test_accepting_applies_the_proposal_as_one_entry_naming_the_moderator(records, people, moderator_client, mailoutbox):
    proposal = proposal_of(records, people)

    decide(moderator_client, "accept", [proposal], "Thanks!")

    x = Initiative.objects.get(uid="x-coding-club")
    assert x.url == "https://x.example.org"
    latest = x.history.first()
    assert latest.history_change_reason == f"Proposal #{proposal.pk} by partner-x accepted"
    assert latest.history_user.username == "moderator"
    assert x.history.count() == 2
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by.username, proposal.message) == ("accepted", "moderator", "Thanks!")
    assert [m.to for m in mailoutbox] == [["partner-x@example.org"]]
    assert mailoutbox[0].subject == f"Your proposal #{proposal.pk} was accepted"
    assert "Thanks!" in mailoutbox[0].body


def test_rejecting_needs_a_message_and_leaves_the_record_alone(records, people, moderator_client, mailoutbox):
    proposal = proposal_of(records, people)

    response = decide(moderator_client, "reject", [proposal], "")
    proposal.refresh_from_db()
    assert proposal.status == "pending"
    assert not mailoutbox
    assert "Tell the partner why the proposal is rejected." in moderator_client.get(response.url).content.decode()

    decide(moderator_client, "reject", [proposal], "The address is not the club's.")

    proposal.refresh_from_db()
    assert proposal.status == "rejected"
    assert Initiative.objects.get(uid="x-coding-club").url == ""
    assert mailoutbox[0].subject == f"Your proposal #{proposal.pk} was rejected"
    assert "The address is not the club's." in mailoutbox[0].body


def test_a_decided_proposal_is_not_decided_again(records, people, moderator_client, mailoutbox):
    proposal = proposal_of(records, people)
    decide(moderator_client, "reject", [proposal], "No.")

    decide(moderator_client, "accept", [proposal])

    proposal.refresh_from_db()
    assert proposal.status == "rejected"
    assert Initiative.objects.get(uid="x-coding-club").url == ""
    assert len(mailoutbox) == 1


def test_submitted_initiatives_are_found_and_published_in_the_back_office_and_the_partner_told(
    partner_x, organisations, moderator_client, anonymous, mailoutbox, django_capture_on_commit_callbacks
):
    partner_x.post(reverse("partners:submit"), initiative_form(organisations[0]))
    initiative = Initiative.objects.get(moderation="submitted")
    changelist = reverse("admin:initiatives_initiative_changelist")
    assert "A new club" in moderator_client.get(changelist, {"moderation__exact": "submitted"}).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(changelist, {"action": "publish", "_selected_action": [initiative.pk], "reason": "Welcome"})

    assert anonymous.get(reverse("portal:initiative", args=[initiative.uid])).status_code == 200
    assert [m.subject for m in mailoutbox] == ["Your initiative “A new club” is now published"]
    assert "Welcome" in mailoutbox[0].body and mailoutbox[0].to == ["partner-x@example.org"]


def test_the_partner_is_told_why_her_initiative_was_rejected(
    partner_x, organisations, moderator_client, mailoutbox, django_capture_on_commit_callbacks
):
    partner_x.post(reverse("partners:submit"), initiative_form(organisations[0]))
    initiative = Initiative.objects.get(moderation="submitted")

    with django_capture_on_commit_callbacks(execute=True):
        Initiative.objects.filter(pk=initiative.pk).reject(None, "Not an initiative for women in digital.")

    assert [m.subject for m in mailoutbox] == ["Your initiative “A new club” is now rejected"]
    assert "Not an initiative for women in digital." in mailoutbox[0].body


def test_records_written_by_others_send_no_mail(records, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        Initiative.objects.all().publish(None, "All at once")

    assert not mailoutbox


def test_the_queue_warns_when_the_record_changed_after_the_partner_saw_it(records, people, moderator_client):
    proposal = proposal_of(records, people)
    save_initiative(Initiative.objects.get(pk=records[0].pk), {}, None, "Edited meanwhile")

    page = moderator_client.get(reverse("admin:partners_proposal_change", args=[proposal.pk])).content.decode()

    assert f"(version {proposal.seen_version}, now {proposal.seen_version + 1})" in page
