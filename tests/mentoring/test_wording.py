"""The mentoring pages say what is true in each language: a mentor of any gender, French inclusive forms, a Dutch
word for the matchers, dates as the rest of the site writes them, and back-office names that tell models apart."""

from django.apps import apps
from django.test import Client
from django.utils import translation

from widmonitor.mentoring.models import Participation as MentoringParticipation
from widmonitor.selfcheck.models import Participation as SelfCheckParticipation


def test_the_open_programmes_page_promises_a_mentor_not_a_woman_since_mentors_may_be_men(cycles):
    page = Client().get("/en/mentoring/").content.decode()

    assert "Apply as a mentee to be paired with a mentor working in digital" in page
    assert "woman" not in page


def test_the_french_open_programmes_page_names_mentors_and_mentees_of_any_gender(cycles):
    page = Client().get("/fr/mentoring/").content.decode()

    assert "Posez votre candidature comme mentoré·e pour être jumelé·e avec un·e mentor·e qui travaille" in page
    assert "comme mentorée" not in page and "une femme" not in page


def test_the_french_matcher_page_says_no_mentor_of_the_pool_in_inclusive_form(cycles, matcher_client):
    page = matcher_client.get(f"/fr/partner/mentoring/cycles/{cycles[0].pk}/").content.decode()

    assert "Aucun·e mentor·e du vivier partagé n’est disponible pour ce cycle." in page


def test_the_dutch_application_form_says_koppelaars_not_matchers(cycles):
    page = Client().get(f"/nl/mentoring/cycles/{cycles[0].pk}/apply/mentee/").content.decode()

    assert "Alleen de koppelaars van het programma zien het" in page
    assert "matchers" not in page


def test_the_english_pages_write_dates_as_the_rest_of_the_site_day_month_year(cycles):
    closes = cycles[0].closes_on
    page = Client().get("/en/mentoring/").content.decode()

    assert f"Applications close on {closes.day} {closes:%B} {closes.year}." in page


def test_the_back_office_tells_the_two_participation_models_apart_in_each_language():
    shown = {}
    for language in ("en", "nl", "fr"):
        with translation.override(language):
            shown[language] = (str(MentoringParticipation._meta.verbose_name_plural), str(SelfCheckParticipation._meta.verbose_name_plural))
    assert shown == {
        "en": ("mentoring participations", "self-check participations"),
        "nl": ("deelnames aan mentoring", "deelnames aan de zelftest"),
        "fr": ("participations au mentorat", "participations à l’autodiagnostic"),
    }


def test_the_back_office_headings_of_the_new_apps_begin_with_a_capital():
    names = [str(apps.get_app_config(label).verbose_name) for label in ("events", "calls", "mentoring", "selfcheck")]

    assert [name[0].isupper() for name in names] == [True] * 4, names
