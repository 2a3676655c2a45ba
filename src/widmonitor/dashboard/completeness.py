"""The least complete records of the registry, for the dashboard: how many of six facts a record lacks.

A small query of the dashboard's own (web address, cost, regions, target audiences, languages, start),
kept in this one module so that a measure of completeness the registry gives its records can replace it.
"""

from dataclasses import dataclass

from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, Value, When

from widmonitor.initiatives.models import Initiative
from widmonitor.vocabularies.choices import Cost


def lacking(relation):
    """A Q of the records linked to no term through ``relation`` (regions, audiences, languages)."""
    through = Initiative._meta.get_field(relation).remote_field.through
    return ~Q(Exists(through.objects.filter(initiative_id=OuterRef("pk"))))


def checks():
    """``{field: (label, Q of the records that lack it)}``, in the order a moderator fills them in."""
    field = Initiative._meta.get_field
    return {
        "url": (field("url").verbose_name, Q(url="")),
        "cost": (field("cost").verbose_name, Q(cost=Cost.UNKNOWN)),
        "audiences": (field("audiences").verbose_name, lacking("audiences")),
        "regions": (field("regions").verbose_name, lacking("regions")),
        "languages": (field("languages").verbose_name, lacking("languages")),
        "starts": (field("starts").verbose_name, Q(starts="")),
    }


@dataclass(frozen=True)
class Incomplete:
    initiative: Initiative
    missing: list  # the labels of what it lacks


def least_complete(limit):
    """``([Incomplete], how many records lack anything)``: the ``limit`` records (not rejected) that lack most, oldest first."""
    found = checks()
    flags = {
        f"lacks_{name}": Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())
        for name, (_label, condition) in found.items()
    }
    records = Initiative.objects.counted().annotate(**flags)
    records = records.annotate(lacks=sum((F(name) for name in flags), Value(0))).filter(lacks__gt=0)
    shown = [
        Incomplete(initiative, [label for name, (label, _condition) in found.items() if getattr(initiative, f"lacks_{name}")])
        for initiative in records.order_by("-lacks", "created_at", "pk")[:limit]
    ]
    return shown, records.count()
