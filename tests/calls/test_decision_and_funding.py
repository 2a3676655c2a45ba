"""The manager decides after the deadline with reasons; the applicant is told in her language; a funded project
becomes an initiative awaiting moderation, and its title, organisation, amount and call are public and open data."""

import csv
import io
import json

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from widmonitor.calls.models import Application
from widmonitor.partners.models import MailLanguage


@pytest.fixture
def closed(calls, submitted, people):
    call = calls[0]
    call.closes_at = timezone.now()
    call.save()
    submitted.created_by = people["partner of the applicant"]
    submitted.title = "Coding clubs <b>for</b> girls"
    submitted.save()
    return submitted


def decide(client, application, **data):
    return client.post(reverse("calls:decide", args=[application.call.slug, application.pk]), data)


@pytest.mark.parametrize(
    "language, subject",
    [("fr", "Votre candidature « Coding clubs <b>for</b> girls » est financée"), ("nl", "Uw aanvraag “Coding clubs <b>for</b> girls” wordt gefinancierd")],
)
def test_a_funded_decision_is_mailed_in_the_applicants_language(clients, people, closed, language, subject):
    MailLanguage.objects.create(user=people["partner of the applicant"], language=language)
    decide(clients["manager of A"], closed, decision="funded", amount=90000, reasons="Fills a gap.")
    assert [m.subject for m in mail.outbox] == [subject]
    assert "90000" in mail.outbox[0].body and "Fills a gap." in mail.outbox[0].body and f"/{language}/partner/calls/applications/" in mail.outbox[0].body


def test_a_funded_project_becomes_an_initiative_awaiting_moderation_linked_to_its_organisation(clients, closed, organisations):
    decide(clients["manager of A"], closed, decision="funded", amount=90000, reasons="Fills a gap.")
    application = Application.objects.get(pk=closed.pk)
    initiative = application.initiative
    assert (application.status, application.amount, application.call.year) == ("funded", 90000, timezone.localtime(closed.call.closes_at).year)
    assert initiative.moderation == "submitted" and list(initiative.organisations.all()) == [organisations[0]]
    assert initiative.title == {"en": "Coding clubs <b>for</b> girls"}
    assert list(initiative.objectives.values_list("code", flat=True)) == ["1.3"]


@pytest.mark.parametrize(
    "data, message",
    [
        ({"decision": "funded", "amount": 90000, "reasons": " "}, "Give the reasons"),
        ({"decision": "funded", "reasons": "Good"}, "The amount must be between 50000 and 100000"),
        ({"decision": "funded", "amount": 150000, "reasons": "Good"}, "The amount must be between"),  # more than requested
        ({"decision": "maybe", "reasons": "Good"}, "not one of the available choices"),
    ],
)
def test_a_bad_decision_is_refused_with_its_reason_and_changes_nothing(clients, closed, data, message):
    response = decide(clients["manager of A"], closed, **data)
    page = clients["manager of A"].get(response.url).content.decode()
    assert message in page.replace("&quot;", '"')
    assert Application.objects.get(pk=closed.pk).status == "submitted" and not mail.outbox


def test_no_decision_before_the_deadline_and_none_twice(clients, calls, submitted, closed):
    decide(clients["manager of A"], closed, decision="not-funded", reasons="Out of scope.")
    decide(clients["manager of A"], closed, decision="funded", amount=90000, reasons="Changed my mind.")
    assert Application.objects.get(pk=closed.pk).status == "not-funded" and len(mail.outbox) == 1
    calls[0].closes_at = timezone.now() + timezone.timedelta(days=1)
    calls[0].save()
    other = Application.objects.create(**{f.name: getattr(closed, f.name) for f in Application._meta.concrete_fields if f.name not in ("id", "status", "reasons", "decided_at", "decided_by")}, status="submitted")
    decide(clients["manager of A"], other, decision="not-funded", reasons="Too early.")
    assert Application.objects.get(pk=other.pk).status == "submitted"


def test_the_funded_projects_are_public_as_a_page_csv_and_json_without_personal_data(clients, closed, people):
    decide(clients["manager of A"], closed, decision="funded", amount=90000, reasons="Secret reasons.")
    anonymous = clients["anonymous"]
    page = anonymous.get(reverse("calls:funded")).content.decode()
    assert "Coding clubs &lt;b&gt;for&lt;/b&gt; girls" in page and "90,000" in page and "Organisation X" in page
    rows = list(csv.DictReader(io.StringIO(anonymous.get(reverse("calls:funded_download", args=["csv"])).content.decode("utf-8-sig"))))
    records = json.loads(anonymous.get(reverse("calls:funded_download", args=["json"])).content)
    expected = {"project": "Coding clubs <b>for</b> girls", "organisation": "Organisation X", "amount_eur": "90000", "call": "call-a", "year": str(closed.call.year)}
    assert {k: v for k, v in rows[0].items() if k != "call_title"} == expected
    assert records[0]["amount_eur"] == 90000 and set(records[0]) == set(rows[0])
    for text in (page, json.dumps(records), str(rows)):
        assert "Secret reasons" not in text and "partner-x" not in text and "A project." not in text


def test_a_not_funded_or_undecided_application_is_never_public(clients, closed):
    decide(clients["manager of A"], closed, decision="not-funded", reasons="Out of scope.")
    for url in (reverse("calls:funded"), reverse("calls:detail", args=["call-a"]), reverse("calls:funded_download", args=["json"])):
        assert "Coding clubs" not in clients["anonymous"].get(url).content.decode()


def test_the_funded_projects_are_a_dataset_of_the_catalogue(clients, closed):
    from widmonitor.opendata.datasets import funded_projects

    decide(clients["manager of A"], closed, decision="funded", amount=90000, reasons="Good.")
    dataset = funded_projects()
    assert dataset.key == "funded-projects" and dataset.first_year == closed.call.year
    assert {d.path for d in dataset.distributions} == {f"/{lang}/calls/funded.{fmt}" for lang in ("nl", "fr", "en") for fmt in ("csv", "json")}


def test_the_funded_projects_organisation_reports_its_reach_through_the_reach_pages(clients, closed):
    decide(clients["manager of A"], closed, decision="funded", amount=90000, reasons="Good.")
    uid = Application.objects.get(pk=closed.pk).initiative.uid
    applicant = clients["partner of the applicant"]
    assert f'/en/partner/initiatives/{uid}/reach/' in applicant.get(reverse("calls:application", args=[closed.pk])).content.decode()
    assert applicant.get(reverse("reach:outcomes", args=[uid])).status_code == 200
    assert clients["other partner"].get(reverse("reach:outcomes", args=[uid])).status_code == 404


def test_the_funded_initiative_once_published_says_which_call_funded_it_and_how_much(clients, closed, people):
    decide(clients["manager of A"], closed, decision="funded", amount=90000, reasons="Good.")
    initiative = Application.objects.get(pk=closed.pk).initiative
    type(initiative).objects.filter(pk=initiative.pk).publish(people["moderator"])
    page = clients["anonymous"].get(reverse("portal:initiative", args=[initiative.uid])).content.decode()
    assert 'Funded by the call for projects <a href="/en/calls/call-a/">Example call, made up for the tests (call-a)</a>' in page
    assert "90,000 euros" in page
