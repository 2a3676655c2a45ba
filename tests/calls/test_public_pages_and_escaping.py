"""The public call pages in every language, unpublished calls hidden, and every text escaped on every page."""

import pytest
from django.urls import reverse
from django.utils import translation

from widmonitor.calls.models import Score

from .conftest import application_of

HOSTILE = '<script>alert("x")</script>'


@pytest.mark.parametrize("language, words", [("nl", "Projectoproepen"), ("fr", "Appels à projets"), ("en", "Calls for projects")])
def test_the_calls_are_listed_and_shown_in_every_language(anonymous, calls, language, words):
    with translation.override(language):
        listing, page = reverse("calls:list"), reverse("calls:detail", args=["call-a"])
    assert words in anonymous.get(listing).content.decode()
    detail = anonymous.get(page).content.decode()
    assert "Reach among women" in detail and "60" in detail and "0: none; 5: most" in detail


def test_the_call_page_marks_a_text_shown_in_its_original_language(anonymous, calls):
    with translation.override("nl"):
        page = anonymous.get(reverse("calls:detail", args=["call-a"])).content.decode()
    assert '<div lang="en">Not a real call.</div> <small class="fallback">(in het Engels, het origineel; nog geen vertaling)</small>' in page


def test_an_unpublished_call_is_not_found(anonymous, calls):
    calls[1].published = False
    calls[1].save()
    assert anonymous.get(reverse("calls:detail", args=["call-b"])).status_code == 404
    assert "call-b" not in anonymous.get(reverse("calls:list")).content.decode()


def test_every_text_of_an_application_is_escaped_on_every_page_that_shows_it(people, clients, calls, organisations):
    call = calls[0]
    application = application_of(call, organisations[0], title=HOSTILE)
    application.summary = HOSTILE
    application.save()
    Score.objects.create(application=application, criterion=call.criteria.first(), reviewer=people["reviewer"], value=3, comment=HOSTILE)
    pages = [
        (clients["partner of the applicant"], reverse("calls:applications")),
        (clients["partner of the applicant"], reverse("calls:application", args=[application.pk])),
        (clients["reviewer"], reverse("calls:review", args=["call-a"])),
        (clients["reviewer"], reverse("calls:review_application", args=["call-a", application.pk])),
        (clients["manager of A"], reverse("calls:ranking", args=["call-a"])),
    ]
    for client, url in pages:
        html = client.get(url).content.decode()
        assert HOSTILE not in html and "&lt;script&gt;" in html, url


def test_every_form_carries_a_csrf_token_and_a_post_without_it_is_refused(people, calls, organisations):
    from django.test import Client

    application = application_of(calls[0], organisations[0])
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["reviewer"])
    page = client.get(reverse("calls:review_application", args=["call-a", application.pk])).content.decode()
    assert 'name="csrfmiddlewaretoken"' in page
    criterion = calls[0].criteria.first()
    response = client.post(reverse("calls:review_application", args=["call-a", application.pk]), {f"score_{criterion.pk}": 3})
    assert response.status_code == 403 and not Score.objects.exists()


def test_the_funded_download_refuses_an_unknown_format(anonymous, calls):
    assert anonymous.get(reverse("calls:funded_download", args=["xml"])).status_code == 404


def test_the_french_call_pages_name_reviewers_of_both_genders(anonymous, calls):
    with translation.override("fr"):
        listing, page = reverse("calls:list"), reverse("calls:detail", args=["call-a"])
    listed, detail = anonymous.get(listing).content.decode(), anonymous.get(page).content.decode()

    assert "des évaluatrices et évaluateurs notent chaque candidature" in listed
    assert "Les évaluatrices et évaluateurs notent chaque critère de 0 à 5" in detail
    assert "évaluateurs notent" not in listed.replace("évaluatrices et évaluateurs", "") + detail.replace("évaluatrices et évaluateurs", "")
