"""The open-data table: one flat row per published initiative, the same columns in every format.

Columns have stable codes (``title_<language code>``, ``audiences``), the JSON's keys, and labels in the
reader's language (``column_labels``), the header row of the CSV and xlsx unless ``?headers=codes`` asks
for the codes (``opendata/headers.py``). Texts come per content language as stored (empty
where there is no translation; ``original_language`` says which one is the original). Lists
(organisations, audiences, ...) are names and labels in the visitor's language; objectives are
the strategy's codes. ``audiences`` are those the record states, ``implied_audiences`` those the
strategy names for what it serves (and it does not state). ``facts_searched`` is the day public pages
were searched for (empty: never) and ``fact_sources`` each fact of the values shown, with the address
of the page that states it (``cost: free (https://...)``, codes as in data files). Contact details,
the moderation state and the curators' provenance notes are not columns.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from widmonitor.initiatives.models import TERM_RELATIONS
from widmonitor.initiatives.public_facts import SOURCES, PublicFacts
from widmonitor.languages import content_codes
from widmonitor.vocabularies.choices import Vocabulary
from widmonitor.vocabularies.models import Term

LIST_COLUMNS = ("organisations", "objectives", *TERM_RELATIONS, "implied_audiences")
CHOICE_COLUMNS = ("cost", "sector", "status")
TEXT_COLUMNS = ("starts", "ends", "url", "source_document", "source_section")  # no curator's note


def audience_labels(language):
    """``{audience code: its label in language}``, for the implied audiences of every row."""
    return {t.code: t.text("label", language).text or t.code for t in Term.objects.of(Vocabulary.AUDIENCE)}


def columns():
    languages = content_codes()
    return [
        "uid",
        *(f"title_{code}" for code in languages),
        *(f"summary_{code}" for code in languages),
        "original_language",
        *LIST_COLUMNS,
        *CHOICE_COLUMNS,
        *TEXT_COLUMNS,
        "facts_searched",
        "fact_sources",
        "updated_at",
    ]


def column_labels():
    """``{column code: its label in the active language}``."""
    fixed = {
        "uid": _("Identifier"), "original_language": _("Original language"), "organisations": _("Organisations"),
        "objectives": _("Objectives and sub-objectives (codes)"), "audiences": _("Audiences"), "regions": _("Regions"),
        "languages": _("Languages"), "formats": _("Formats"), "digcomp": _("DigComp 2.2 areas and competences (codes)"),
        "implied_audiences": _("Audiences the strategy implies"),
        "cost": _("Cost"), "sector": _("Sector"), "status": _("Status"), "starts": _("Starts"), "ends": _("Ends"),
        "url": _("Website"), "source_document": _("Source document"), "source_section": _("Section of the source"),
        "facts_searched": _("Public pages searched on"), "fact_sources": _("Facts and the pages stating them"),
        "updated_at": _("Updated"),
    }  # fmt: skip
    for code in content_codes():
        fixed[f"title_{code}"] = _("Title (%(language)s)") % {"language": code}
        fixed[f"summary_{code}"] = _("Summary (%(language)s)") % {"language": code}
    return fixed


def row(initiative, language, strategy_codes, labels=None):
    """``{column: value}``; list columns hold lists, everything else text. ``labels``: ``{audience code: label}``
    in ``language``, for the audiences the strategy implies (``audience_labels``)."""
    languages = content_codes()
    labels = labels or {}
    lists = {
        "organisations": [o.text("name", language).text for o in initiative.organisations.all()],
        "objectives": strategy_codes.objectives(initiative),
        **{
            relation: [t.text("label", language).text or t.code for t in getattr(initiative, relation).all()]
            for relation in TERM_RELATIONS
        },
        "implied_audiences": [labels.get(code, code) for code in strategy_codes.implied_audiences(initiative)],
    }
    return {
        "uid": initiative.uid,
        **{f"title_{code}": initiative.title.get(code, "") for code in languages},
        **{f"summary_{code}": initiative.summary.get(code, "") for code in languages},
        "original_language": initiative.original_language,
        **lists,
        **{name: str(getattr(initiative, f"get_{name}_display")()) for name in CHOICE_COLUMNS},
        **{name: getattr(initiative, name) for name in TEXT_COLUMNS},
        **fact_columns(PublicFacts.of(initiative)),
        "updated_at": timezone.localtime(initiative.updated_at).isoformat(timespec="seconds"),
    }


def fact_value(value):
    if isinstance(value, dict):  # an age range
        return f"{value.get('min', '')}-{value.get('max', '')}"
    return ", ".join(value) if isinstance(value, list) else str(value)


def fact_columns(facts):
    """The day public pages were searched for, and each fact of the values shown with its page's address."""
    return {
        "facts_searched": facts.searched.isoformat() if facts.searched else "",
        "fact_sources": [f"{fact.field}: {fact_value(fact.value)} ({fact.page.url})" for fact in facts.facts if fact.use in SOURCES],
    }
