"""Fixed choice lists, shared by organisations and initiatives. Open lists are ``Term`` rows."""

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


class Vocabulary(models.TextChoices):
    AUDIENCE = "audience", _("target audience")
    REGION = "region", _("region")
    LANGUAGE = "language", _("language")
    FORMAT = "format", _("format")
    DIGCOMP = "digcomp", _("DigComp 2.2 area or competence")


FROM_CONFIG = (Vocabulary.AUDIENCE, Vocabulary.REGION, Vocabulary.LANGUAGE, Vocabulary.FORMAT)  # config/vocabularies.yaml
