"""The fixed lists a mentoring profile is made of. Codes are stable: they are stored."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    MENTEE = "mentee", _("mentee")
    MENTOR = "mentor", _("mentor")


class Province(models.TextChoices):
    """Belgium's ten provinces and the Brussels-Capital Region, which belongs to none."""

    BRUSSELS = "brussels", _("Brussels-Capital Region")
    ANTWERP = "antwerp", _("Antwerp")
    LIMBURG = "limburg", _("Limburg")
    EAST_FLANDERS = "east-flanders", _("East Flanders")
    WEST_FLANDERS = "west-flanders", _("West Flanders")
    FLEMISH_BRABANT = "flemish-brabant", _("Flemish Brabant")
    WALLOON_BRABANT = "walloon-brabant", _("Walloon Brabant")
    HAINAUT = "hainaut", _("Hainaut")
    LIEGE = "liege", _("Liège")
    LUXEMBOURG = "luxembourg", _("Luxembourg")
    NAMUR = "namur", _("Namur")


class Language(models.TextChoices):
    DUTCH = "nl", _("Dutch")
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")
    GERMAN = "de", _("German")


class Availability(models.TextChoices):
    WEEKDAY_DAYTIME = "weekday-day", _("weekdays, during the day")
    WEEKDAY_EVENING = "weekday-evening", _("weekday evenings")
    WEEKEND = "weekend", _("weekends")


class Goal(models.TextChoices):
    """What a mentee wants from the mentoring, and what a mentor can help with."""

    FIRST_JOB = "first-job", _("finding a first job in digital")
    CAREER_CHANGE = "career-change", _("changing career into digital")
    GROWTH = "growth", _("growing in a digital role")
    STUDIES = "studies", _("choosing or following studies in digital")
    ENTREPRENEURSHIP = "entrepreneurship", _("starting a digital business")
    CONFIDENCE = "confidence", _("confidence and a network")


class Gender(models.TextChoices):
    WOMAN = "woman", _("woman")
    MAN = "man", _("man")
    NON_BINARY = "non-binary", _("non-binary")
    NOT_SAID = "", _("I prefer not to say")


class AgeBand(models.TextChoices):
    """The reach app's adult bands (reach/ages.py), with its codes, so the figures add up beside it."""

    FROM_12_TO_18 = "12-18", _("12 to 18")
    FROM_19_TO_25 = "19-25", _("19 to 25")
    FROM_26_TO_45 = "26-45", _("26 to 45")
    FROM_46_TO_64 = "46-64", _("46 to 64")
    FROM_65 = "65plus", _("65 and over")
    NOT_SAID = "", _("I prefer not to say")
