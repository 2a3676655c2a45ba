"""What a record says of the facts a visitor needs to act on it: its web address, cost, region, audience,
languages and period.

A record is complete when it says all six; its share is how many of the six it says. Partners see
what each of their records misses on their pages, moderators in the back office, least complete
first, and partners are invited by e-mail to complete theirs (``partners.reminders``). Only what
the record itself says counts: an audience the strategy implies (``search.facets``) is not the
record saying for whom it works.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from widmonitor.vocabularies.choices import Cost

FIELDS = (  # (key, label), in the order a record is read
    ("link", _("web address")),
    ("cost", _("cost")),
    ("region", _("region")),
    ("audience", _("target audience")),
    ("languages", _("languages")),
    ("period", _("period")),
)
LABELS = dict(FIELDS)
RELATION_OF = {"region": "regions", "audience": "audiences", "languages": "languages"}
COUNT = "complete_count"  # the annotation ``InitiativeQuerySet.with_completeness`` adds: how many of FIELDS it says


def said(model):
    """``{key: expression}``: whether a record of ``model`` (the Initiative) says each field, for an annotation."""
    expressions = {
        "link": models.ExpressionWrapper(~models.Q(url=""), output_field=models.BooleanField()),
        "cost": models.ExpressionWrapper(~models.Q(cost=Cost.UNKNOWN), output_field=models.BooleanField()),
        "period": models.ExpressionWrapper(~models.Q(starts="", ends=""), output_field=models.BooleanField()),
    }
    for key, relation in RELATION_OF.items():
        field = model._meta.get_field(relation)
        links = field.remote_field.through.objects.filter(**{field.m2m_field_name(): models.OuterRef("pk")})
        expressions[key] = models.Exists(links)
    return {key: expressions[key] for key, _label in FIELDS}


def annotation_name(key):
    return f"says_{key}"


@dataclass(frozen=True)
class Completeness:
    """Which of ``FIELDS`` a record does not say, and what share it says."""

    missing: tuple  # keys of FIELDS, in their order

    @classmethod
    def of(cls, says):
        """From ``{key: bool}``, whether the record says each field."""
        return cls(tuple(key for key, _label in FIELDS if not says[key]))

    @property
    def filled(self):
        return len(FIELDS) - len(self.missing)

    @property
    def share(self):
        return self.filled / len(FIELDS)

    @property
    def percent(self):
        return round(100 * self.share)

    @property
    def complete(self):
        return not self.missing

    def missing_labels(self):
        return [LABELS[key] for key in self.missing]

    def __str__(self):
        """"4 of 6 (67 %); missing: web address, cost" in the active language."""
        share = _("%(filled)s of %(total)s (%(percent)s %%)") % {"filled": self.filled, "total": len(FIELDS), "percent": self.percent}
        if not self.missing:
            return _("%(share)s, complete") % {"share": share}
        return _("%(share)s; missing: %(fields)s") % {"share": share, "fields": ", ".join(str(label) for label in self.missing_labels())}
