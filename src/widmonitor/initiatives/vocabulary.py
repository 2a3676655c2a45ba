"""Fixed choice lists of the registry. Open lists (audiences, regions, ...) are Term rows."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    PUBLIC = "public", _("public")
    PRIVATE = "private", _("private")
    MIXED = "mixed", _("mixed public-private")
    UNKNOWN = "unknown", _("unknown")


class Cost(models.TextChoices):
    FREE = "free", _("free")
    PAID = "paid", _("paid")
    UNKNOWN = "unknown", _("unknown")


class Status(models.TextChoices):
    PLANNED = "planned", _("planned")
    ONGOING = "ongoing", _("ongoing")
    COMPLETED = "completed", _("completed")
    UNKNOWN = "unknown", _("unknown")


class Moderation(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    PUBLISHED = "published", _("published")
    REJECTED = "rejected", _("rejected")


class ContentLanguage(models.TextChoices):
    """Languages the registry stores content in; an original text in another language is translated."""

    NL = "nl", _("Dutch")
    FR = "fr", _("French")
    EN = "en", _("English")


class Vocabulary(models.TextChoices):
    AUDIENCE = "audience", _("target audience")
    REGION = "region", _("region")
    LANGUAGE = "language", _("language")
    FORMAT = "format", _("format")


PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_partial_date(value):
    """``(first_day, last_day)`` of an ISO 8601 date of year, month or day precision."""
    match = PARTIAL_DATE.match(value)
    if not match:
        raise ValueError(value)
    year, month, day = (int(part) if part else None for part in match.groups())
    if month is None:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    first = datetime.date(year, month, day or 1)
    if day is not None:
        return first, first
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    return first, next_month - datetime.timedelta(days=1)


def ends_before_starts(starts, ends):
    """Whether a period given as two partial dates (both valid, or empty) ends before it starts."""
    return bool(starts and ends) and parse_partial_date(ends)[1] < parse_partial_date(starts)[0]


def validate_partial_date(value):
    try:
        parse_partial_date(value)
    except ValueError as error:
        raise ValidationError(
            _("%(value)s is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2022 or 2022-09)."),
            code="invalid_date",
            params={"value": value},
        ) from error
