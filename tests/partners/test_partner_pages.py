from django.urls import reverse

from widmonitor.initiatives.models import Initiative
from widmonitor.partners.models import PartnerMembership, Proposal

from .conftest import initiative_form

HOME = reverse("partners:overview")
SUBMIT = reverse("partners:submit")


def test_the_partner_sees_her_organisations_records_in_every_state_and_no_others(records, partner_x, people, organisations):
    PartnerMembership.objects.create(user=people["partner of X"], organisation=organisations[1])
    page = partner_x.get(HOME).content.decode()

    assert "X coding club" in page and "Y draft" in page
    assert "published" in page and "draft" in page


def test_a_partner_does_not_see_another_organisations_records(records, partner_x):
    page = partner_x.get(HOME).content.decode()

    assert "X coding club" in page
    assert "Y draft" not in page


def test_a_submitted_initiative_waits_for_a_moderator_with_one_history_entry(partner_x, organisations, anonymous):
    response = partner_x.post(SUBMIT, initiative_form(organisations[0]))

    assert response.status_code == 302
    initiative = Initiative.objects.get(title__en="A new club")
    assert initiative.moderation == "submitted"
    assert list(initiative.organisations.all()) == [organisations[0]]
    assert initiative.created_by.username == "partner-x"
    assert [h.history_change_reason for h in initiative.history.all()] == ["Submitted by partner-x"]
    assert anonymous.get(reverse("portal:initiative", args=[initiative.uid])).status_code == 404


def test_the_form_offers_only_her_organisations(partner_x, organisations):
    page = partner_x.get(SUBMIT).content.decode()

    assert "Organisation X" in page
    assert "Organisation Y" not in page


def test_a_submission_without_a_title_in_the_original_language_is_refused(partner_x, organisations):
    response = partner_x.post(SUBMIT, initiative_form(organisations[0], title=""))

    assert response.status_code == 400
    assert 'id="id_title_error"><li>This field is required.</li>' in response.content.decode()
    assert not Initiative.objects.filter(moderation="submitted").exists()


def test_a_proposal_leaves_the_record_unchanged_and_keeps_only_what_changed(records, partner_x, organisations):
    x, _y = records
    url = reverse("partners:propose", args=[x.uid])
    data = initiative_form(organisations[0], title="X coding club", url="https://x.example.org", summary_en="", seen_version=x.version)

    response = partner_x.post(url, data)

    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.data == {"url": "https://x.example.org", "starts": "2025"}
    assert proposal.status == "pending" and proposal.seen_version == x.version
    x.refresh_from_db()
    assert x.url == "" and x.history.count() == 1


def test_a_proposal_that_changes_nothing_is_not_stored(records, partner_x, organisations):
    x, _y = records
    data = initiative_form(organisations[0], title="X coding club", url="", starts="", summary_en="", seen_version=x.version)

    response = partner_x.post(reverse("partners:propose", args=[x.uid]), data)

    assert response.status_code == 200
    assert "You changed nothing" in response.content.decode()
    assert not Proposal.objects.exists()


def test_the_partner_sees_each_proposals_status_and_message(records, partner_x, people):
    x, _y = records
    Proposal.objects.create(initiative=x, author=people["partner of X"], data={"url": "https://a.example"}, seen_version=1,
                            status="rejected", message="Please link the page of the club itself.")

    page = partner_x.get(HOME).content.decode()

    assert "rejected" in page
    assert "Please link the page of the club itself." in page


def test_an_account_outside_the_partners_and_moderators_is_refused(db, django_user_model, client):
    client.force_login(django_user_model.objects.create_user("visitor", password="pass-1234-pass"))

    assert client.get(HOME).status_code == 403


def test_an_anonymous_visitor_is_sent_to_the_partner_login(db, client):
    response = client.get(HOME)

    assert response.status_code == 302
    assert response.url.startswith(reverse("partners:login"))
