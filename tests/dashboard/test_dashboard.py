"""The back office's first page: what waits for a moderator, oldest first with its age, each line linked to where
she acts; editions to publish; the least complete records; and the apps ordered by task."""

import re
from datetime import date

from django.contrib.auth.models import Permission
from django.urls import reverse

from widmonitor.dashboard.waiting import years_to_publish
from widmonitor.events.models import Event
from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiative
from widmonitor.partners.models import MailLanguage
from widmonitor.reports.models import Edition
from widmonitor.vocabularies.models import Term

from ..partners.conftest import account
from .conftest import ago, client_of, outcome_since, proposal_since, submission_since

INDEX = reverse("admin:index")


def section(html, key):
    """The HTML of one section of the dashboard."""
    found = re.search(rf'<div class="module wm-waiting" id="wm-{key}">(.*?)</div>', html, re.S)
    assert found, f"no section {key}"
    return found.group(1)


def lines(html, key):
    """``[(link, text, detail, age)]`` of a section's lines, in the order shown."""
    rows = re.findall(r'<tr>\s*<td><a href="([^"]*)">([^<]*)</a></td>\s*<td>([^<]*)</td>\s*(?:<td><time[^>]*>([^<]*)</time></td>)?', section(html, key))
    return [(link, text, detail, age.replace("\xa0", " ")) for link, text, detail, age in rows]


def test_the_back_office_opens_on_the_proposals_submissions_and_outcomes_waiting_oldest_first_with_their_age(
    records, people, organisations, moderator_client, strategy
):
    x, _y = records
    partner = people["partner of X"]
    newer = proposal_since(x, partner, ago(hours=2))
    older = proposal_since(x, partner, ago(days=3, hours=1))
    submitted = submission_since(partner, ago(days=2, minutes=5), organisation=organisations[0])
    outcome = outcome_since(x, partner, ago(days=9, minutes=5))

    html = moderator_client.get(INDEX).content.decode()

    assert "What waits for you" in html
    assert "Proposals to decide (2)" in html
    assert lines(html, "proposals") == [
        (f"/admin/partners/proposal/{older.pk}/change/", f"Proposal #{older.pk}: X coding club", "by partner-x", "3 days, 1 hour"),
        (f"/admin/partners/proposal/{newer.pk}/change/", f"Proposal #{newer.pk}: X coding club", "by partner-x", "2 hours"),
    ]
    assert lines(html, "submissions") == [
        (f"/admin/initiatives/initiative/{submitted.pk}/change/", "A submitted club", "by partner-x", "2 days")
    ]
    assert lines(html, "outcomes") == [
        (f"/admin/reach/outcome/{outcome.pk}/change/", f"Outcome #{outcome.pk} (2024): X coding club", "by partner-x", "1 week, 2 days")
    ]


def test_submitted_events_and_their_outcomes_wait_for_the_moderator_oldest_first(records, people, moderator_client, strategy, vocabularies):
    from widmonitor.events.models import EventOutcome

    from ..events.conftest import event_of

    x, _y = records
    partner = people["partner of X"]
    older = event_of(x, moderation="submitted", title={"en": "Older workshop"}, created_by=partner)
    newer = event_of(x, moderation="submitted", title={"en": "Newer workshop"}, created_by=partner)
    Event.objects.filter(pk=older.pk).update(created_at=ago(days=4, minutes=5))
    Event.objects.filter(pk=newer.pk).update(created_at=ago(hours=3, seconds=30))
    held = event_of(x, title={"en": "Held workshop"})
    outcome = EventOutcome.objects.create(event=held, participants=30, women_and_girls=20, source_kind="own-count", entered_by=partner)
    EventOutcome.objects.filter(pk=outcome.pk).update(created_at=ago(days=1, minutes=5))
    event_of(x, title={"en": "Published workshop"})

    html = moderator_client.get(INDEX).content.decode()

    assert lines(html, "events") == [
        (f"/admin/events/event/{older.pk}/change/", "Older workshop", "by partner-x", "4 days"),
        (f"/admin/events/event/{newer.pk}/change/", "Newer workshop", "by partner-x", "3 hours"),
    ]
    assert lines(html, "event-outcomes") == [
        (f"/admin/events/eventoutcome/{outcome.pk}/change/", f"Outcome #{outcome.pk} of the event Held workshop", "by partner-x", "1 day")
    ]


def test_a_section_says_when_nothing_waits(records, moderator_client, strategy):
    html = moderator_client.get(INDEX).content.decode()

    assert "No proposal waits." in section(html, "proposals")
    assert "No submitted initiative waits." in section(html, "submissions")
    assert "No outcome waits." in section(html, "outcomes")


def test_a_long_queue_shows_its_ten_oldest_and_links_to_all_of_them(records, people, moderator_client, strategy):
    for days in range(12):
        proposal_since(records[0], people["partner of X"], ago(days=days + 1))

    html = moderator_client.get(INDEX).content.decode()

    assert len(lines(html, "proposals")) == 10 and lines(html, "proposals")[0][3] == "1 week, 5 days"
    assert "10 of 12 shown." in section(html, "proposals")
    assert 'href="/admin/partners/proposal/?status__exact=pending"' in section(html, "proposals")


def test_the_editions_to_publish_are_the_ended_years_since_the_latest_published_one(strategy):
    assert years_to_publish(date(2026, 6, 1)) == [2021, 2022, 2023, 2024, 2025]

    Edition.objects.create(year=2023, published_at=ago(days=300))
    Edition.objects.create(year=2024)  # withdrawn: not published

    assert years_to_publish(date(2026, 6, 1)) == [2024, 2025]
    assert years_to_publish(date(2025, 1, 1)) == [2024]


def test_each_edition_to_publish_links_to_the_page_that_publishes_it(moderator_client, strategy):
    Edition.objects.create(year=2021, published_at=ago(days=1000))
    Edition.objects.create(year=2022)  # withdrawn: published again from the list

    shown = lines(moderator_client.get(INDEX).content.decode(), "editions")

    assert shown[0][:3] == ("/admin/reports/edition/", "Annual report 2022", "withdrawn; publish it again from the list")
    assert shown[1][:3] == ("/admin/reports/edition/add/?year=2023", "Annual report 2023", "the year has ended")
    assert moderator_client.get(shown[1][0]).context["adminform"].form.initial["year"] == "2023"


def complete(record, vocabularies):
    """Give ``record`` all six facts the dashboard checks."""
    record.url, record.cost, record.starts = "https://x.example.org", "free", "2024"
    terms = {name: [Term.objects.filter(vocabulary=vocabulary).first()] for name, vocabulary in
             (("audiences", "audience"), ("regions", "region"), ("languages", "language"))}
    return save_initiative(record, terms, None, "Complete")


def test_the_least_complete_records_come_first_with_what_they_lack(records, vocabularies, moderator_client):
    x, y = records
    complete(Initiative.objects.get(pk=x.pk), vocabularies)
    x = Initiative.objects.get(pk=x.pk)
    x.url, x.cost = "", "unknown"
    save_initiative(x, {"languages": []}, None, "Lost two facts")
    rejected = Initiative(uid="rejected-one", title={"en": "Rejected"}, original_language="en", moderation="rejected")
    save_initiative(rejected, {}, None, "Rejected")
    whole = complete(Initiative(uid="whole", title={"en": "Whole"}, original_language="en", moderation="published"), vocabularies)

    html = moderator_client.get(INDEX).content.decode()

    assert lines(html, "incomplete") == [
        (f"/admin/initiatives/initiative/{y.pk}/change/", "Y draft", "missing: web address, cost, region, target audience, languages, period", ""),
        (f"/admin/initiatives/initiative/{x.pk}/change/", "X coding club", "missing: web address, cost, languages", ""),
    ]
    assert "Least complete records (2)" in section(html, "incomplete")
    assert "Whole" not in section(html, "incomplete") and whole.pk


def test_staff_sees_only_the_sections_her_permissions_let_her_act_on(records, people, django_user_model, strategy):
    proposal_since(records[0], people["partner of X"], ago(days=1))
    reader = account(django_user_model, "reader", is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="view_proposal"), Permission.objects.get(codename="change_outcome"))

    html = client_of(reader).get(INDEX).content.decode()

    assert 'id="wm-outcomes"' in html
    assert 'id="wm-proposals"' not in html and 'id="wm-incomplete"' not in html and 'id="wm-editions"' not in html


def test_partners_and_visitors_never_see_the_dashboard(records, people, strategy):
    proposal_since(records[0], people["partner of X"], ago(days=1))

    for role in ("anonymous", "partner of X"):
        response = client_of(people[role]).get(INDEX)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_what_the_partner_wrote_comes_back_escaped_on_the_dashboard(records, people, organisations, moderator_client, strategy):
    record = submission_since(people["partner of X"], ago(days=1), organisation=organisations[0])
    record.title = {"en": '<script>alert("x")</script>'}
    save_initiative(record, {}, None, "Retitled")

    html = moderator_client.get(INDEX).content.decode()

    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in section(html, "submissions")


def test_the_dashboard_reads_in_the_moderators_language(records, people, moderator_client, strategy):
    proposal_since(records[0], people["partner of X"], ago(days=2))
    moderator_client.post(reverse("set_language"), {"language": "nl"})

    html = moderator_client.get(INDEX).content.decode()

    assert "Wat op u wacht" in html and "Voorstellen om te beslissen (1)" in html
    assert lines(html, "proposals")[0][2:] == ("door partner-x", "2 dagen")


def test_visiting_the_dashboard_sets_the_language_of_her_emails(people, moderator_client, strategy):
    moderator_client.post(reverse("set_language"), {"language": "fr"})

    moderator_client.get(INDEX)

    assert MailLanguage.objects.get(user=people["moderator"]).language == "fr"


def app_labels(html):
    """The apps of the index's app list, in the order shown."""
    app_list = html[html.index('<div class="app-'):]
    return re.findall(r'<caption>\s*<a href="/admin/([a-z_]+)/" class="section"', app_list)


def test_the_back_office_lists_its_apps_by_task_with_the_access_attempts_last(people, strategy):
    html = client_of(people["administrator"]).get(INDEX).content.decode()

    assert app_labels(html) == [
        "initiatives", "partners", "reach", "events", "actors", "calls", "mentoring", "reports", "sitepages", "experts", "selfcheck",
        "indicators", "strategy", "vocabularies", "auth", "axes",
    ]
    partners = html[html.index('<div class="app-partners'):]
    assert partners.index("Proposals") < partners.index("Partner memberships")


def test_the_side_menu_of_every_back_office_page_follows_the_same_order(people, strategy):
    html = client_of(people["administrator"]).get(reverse("admin:partners_proposal_changelist")).content.decode()

    menu = html[html.index('id="nav-sidebar"'):]
    assert menu.index("app-initiatives") < menu.index("app-partners") < menu.index("app-reports") < menu.index("app-axes")
    assert menu.index("app-auth") < menu.index("app-axes")
