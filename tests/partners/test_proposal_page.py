"""A proposal's page in the back office: its change word by word, per field and per language, and the buttons
that accept or reject it (POST with the CSRF token, for who may change proposals; rejecting asks why)."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative
from widmonitor.partners.diffs import word_diff
from widmonitor.partners.models import Proposal

from .conftest import account, client_of
from .diff_table import diff_rows

PAYLOAD = '<script>alert("x")</script>'


@pytest.fixture
def club(records):
    """The record of X, titled in English, French and Dutch."""
    x = Initiative.objects.get(pk=records[0].pk)
    x.title = {"en": "X coding club", "fr": "Club de code X", "nl": "X codeerclub"}
    x.summary = {"en": "Free lessons for girls in Ghent every Saturday."}
    return save_initiative(x, {}, None, "Titles")


def propose(club, people, **data):
    return Proposal.objects.create(initiative=club, author=people["partner of X"], data=data, seen_version=club.version)


def page(client, proposal):
    return client.get(reverse("admin:partners_proposal_change", args=[proposal.pk])).content.decode()


def decide(client, decision, proposal, message=""):
    return client.post(reverse(f"admin:partners_proposal_{decision}", args=[proposal.pk]), {"message": message})


@pytest.mark.parametrize(
    "before, after, shown",
    [
        ("Free lessons in Ghent", "Free lessons in Antwerp", ("Free lessons in [-Ghent-]", "Free lessons in {+Antwerp+}")),
        ("Free lessons", "Free coding lessons", ("Free lessons", "Free {+coding +}lessons")),
        ("Free lessons, Saturdays", "Free lessons", ("Free lessons[-, Saturdays-]", "Free lessons")),
        ("", "New text", ("–", "{+New text+}")),
        ("Same", "Same", ("Same", "Same")),
    ],
)
def test_word_diff_marks_only_the_words_that_change(before, after, shown):
    now, later = word_diff(before, after)
    table = f"<table class='wm-diff'><tr></tr><tr><td>{now}</td><td>{later}</td></tr></table>"
    assert diff_rows(table) == [shown]


def test_the_page_shows_each_changed_language_of_a_text_as_its_own_row_with_the_changed_words_marked(club, people, moderator_client):
    proposal = propose(
        club,
        people,
        title={"en": "X coding club for girls", "fr": "Club de code X", "nl": "X programmeerclub"},
        summary={"en": "Free lessons for girls in Antwerp every Saturday."},
    )

    rows = diff_rows(page(moderator_client, proposal))

    assert rows == [
        ("title (Dutch)", "X [-codeerclub-]", "X {+programmeerclub+}"),
        ("title (English)", "X coding club", "X coding club{+ for girls+}"),
        ("summary (English)", "Free lessons for girls in [-Ghent-] every Saturday.", "Free lessons for girls in {+Antwerp+} every Saturday."),
    ]


def test_the_marks_say_removed_and_added_in_words_not_colour_alone(club, people, moderator_client):
    proposal = propose(club, people, title={"en": "X robotics club", "fr": "Club de code X", "nl": "X codeerclub"})

    html = page(moderator_client, proposal)

    assert '<del><span class="wm-sr">removed: </span>coding<span class="wm-sr"> (end of removal)</span></del>' in html
    assert '<ins><span class="wm-sr">added: </span>robotics<span class="wm-sr"> (end of addition)</span></ins>' in html
    assert "Struck through: what accepting removes. Underlined: what it adds." in html


def test_the_diff_is_in_the_moderators_language(club, people, moderator_client):
    proposal = propose(club, people, title={"en": "X robotics club", "fr": "Club de code X", "nl": "X codeerclub"})
    moderator_client.post(reverse("set_language"), {"language": "fr"})

    html = page(moderator_client, proposal)

    assert diff_rows(html)[0][0] == "titre (anglais)"
    assert '<span class="wm-sr">supprimé : </span>' in html


def test_what_the_partner_wrote_comes_back_escaped_in_the_diff(club, people, moderator_client):
    proposal = propose(club, people, title={"en": f"X coding club {PAYLOAD}", "fr": "Club de code X", "nl": "X codeerclub"})

    html = page(moderator_client, proposal)

    assert PAYLOAD not in html
    assert diff_rows(html) == [("title (English)", "X coding club", f"X coding club{{+ {PAYLOAD}+}}")]


def test_a_pending_proposal_has_accept_and_reject_buttons_and_no_save_button(club, people, moderator_client):
    proposal = propose(club, people, url="https://x.example.org")

    html = page(moderator_client, proposal)

    assert f'action="/admin/partners/proposal/{proposal.pk}/accept/"' in html
    assert f'action="/admin/partners/proposal/{proposal.pk}/reject/"' in html
    assert html.count('name="csrfmiddlewaretoken"') >= 2
    assert '<textarea id="wm-reject-message" name="message" rows="3" maxlength="2000" required></textarea>' in html
    assert 'name="_save"' not in html


def test_a_decided_proposal_has_no_buttons(club, people, moderator_client):
    proposal = propose(club, people, url="https://x.example.org")
    proposal.reject(people["moderator"], "Not the club's address.")

    html = page(moderator_client, proposal)

    assert "/accept/" not in html and "/reject/" not in html
    assert "Not the club&#x27;s address." in html


def test_accepting_on_the_page_applies_the_proposal_tells_the_partner_and_returns_to_the_queue(club, people, moderator_client, mailoutbox):
    proposal = propose(club, people, url="https://x.example.org")

    response = decide(moderator_client, "accept", proposal, "Thanks!")

    assert response.status_code == 302
    assert response.url == "/admin/partners/proposal/?status__exact=pending"
    assert Initiative.objects.get(pk=club.pk).url == "https://x.example.org"
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by.username, proposal.message) == ("accepted", "moderator", "Thanks!")
    assert [m.subject for m in mailoutbox] == [f"Your proposal #{proposal.pk} was accepted"]
    assert f"Proposal #{proposal.pk} is accepted: the record shows it." in moderator_client.get(response.url).content.decode()


def test_rejecting_on_the_page_asks_for_the_reason_and_changes_nothing_without_it(club, people, moderator_client, mailoutbox):
    proposal = propose(club, people, url="https://x.example.org")

    response = decide(moderator_client, "reject", proposal, "   ")

    assert response.url == f"/admin/partners/proposal/{proposal.pk}/change/"
    assert "Tell the partner why the proposal is rejected." in moderator_client.get(response.url).content.decode()
    assert Proposal.objects.get(pk=proposal.pk).status == "pending" and not mailoutbox

    decide(moderator_client, "reject", proposal, "The address is not the club's.")

    proposal.refresh_from_db()
    assert (proposal.status, proposal.message) == ("rejected", "The address is not the club's.")
    assert Initiative.objects.get(pk=club.pk).url == ""
    assert "The address is not the club's." in mailoutbox[0].body


def test_a_message_over_2000_characters_is_refused_precisely(club, people, moderator_client):
    proposal = propose(club, people, url="https://x.example.org")

    response = decide(moderator_client, "reject", proposal, "x" * 2001)

    assert "Ensure this value has at most 2000 characters (it has 2001)." in moderator_client.get(response.url).content.decode()
    assert Proposal.objects.get(pk=proposal.pk).status == "pending"


def test_accepting_on_the_page_is_refused_naming_who_changed_what_when_the_record_moved_on(club, people, moderator_client, mailoutbox):
    proposal = propose(club, people, title={"en": "X coding club for girls", "fr": "Club de code X", "nl": "X codeerclub"})
    record = Initiative.objects.get(pk=club.pk)
    record.title = {**record.title, "en": "X Coding Club"}
    save_initiative(record, {}, people["moderator"], "Capitals")

    response = decide(moderator_client, "accept", proposal)

    shown = moderator_client.get(response.url).content.decode()
    assert f"Proposal #{proposal.pk} is not applied, as its record changed since the partner made it: moderator changed title (en) on " in shown
    assert "(“Capitals”)" in shown
    assert Initiative.objects.get(pk=club.pk).title["en"] == "X Coding Club"
    assert Proposal.objects.get(pk=proposal.pk).status == "pending" and not mailoutbox


def test_a_proposal_decided_meanwhile_is_not_decided_again_on_its_page(club, people, moderator_client, mailoutbox):
    proposal = propose(club, people, url="https://x.example.org")
    proposal.reject(people["administrator"], "No.")

    response = decide(moderator_client, "accept", proposal)

    assert f"Proposal #{proposal.pk} was already rejected." in moderator_client.get(response.url).content.decode()
    assert Initiative.objects.get(pk=club.pk).url == "" and not mailoutbox


def test_the_buttons_answer_only_a_post(club, people, moderator_client):
    proposal = propose(club, people, url="https://x.example.org")

    response = moderator_client.get(reverse("admin:partners_proposal_accept", args=[proposal.pk]))

    assert response.status_code == 405
    assert Proposal.objects.get(pk=proposal.pk).status == "pending"


def test_a_decision_without_the_csrf_token_is_refused(club, people):
    proposal = propose(club, people, url="https://x.example.org")
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["moderator"])

    response = decide(client, "accept", proposal)

    assert response.status_code == 403
    assert Proposal.objects.get(pk=proposal.pk).status == "pending"


def test_staff_without_the_right_to_change_proposals_is_refused(club, people, django_user_model):
    proposal = propose(club, people, url="https://x.example.org")
    reader = account(django_user_model, "reader", is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="view_proposal"))

    response = decide(client_of(reader), "accept", proposal)

    assert response.status_code == 403
    assert Proposal.objects.get(pk=proposal.pk).status == "pending"


def test_an_unknown_proposal_is_not_found(moderator_client):
    assert moderator_client.post(reverse("admin:partners_proposal_accept", args=[987654]), {"message": ""}).status_code == 404
