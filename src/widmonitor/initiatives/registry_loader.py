"""Load the bundled registry (data/registry/*.yaml): organisations, initiatives, published lists.

All files are read and checked first; every problem is collected; only then is anything
written, in one transaction, initiatives through the one write path. Existing records are
left as they are unless ``update`` is set, so that re-running the loader never overwrites
what the working group edited.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from widmonitor.actors.models import Organisation
from widmonitor.datafiles import Reader, read_yaml
from widmonitor.problems import Problem, Problems
from widmonitor.strategy.models import Objective
from widmonitor.translated_fields import default_content_language
from widmonitor.vocabularies.choices import Cost, Moderation, Sector, Status, Vocabulary
from widmonitor.vocabularies.models import Term

from .models import TERM_RELATIONS, Initiative, PublishedList, PublishedListEntry
from .periods import ends_before_starts, parse_partial_date
from .writes import save_initiatives

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
STATED_KEYS = ("total", "private", "public", "mixed")


@dataclass
class LoadSummary:
    organisations_created: int = 0
    initiatives_created: int = 0
    initiatives_updated: int = 0
    initiatives_kept: int = 0
    lists: int = 0
    entries: int = 0
    files: list = field(default_factory=list)


class RegistryFile:
    """One parsed and checked registry file."""

    def __init__(self, path, data, context):
        self.path = Path(path)
        self.reader = Reader(path)
        self.document = self.reader.require(data, "document", "top level")
        self.title = self.reader.text(data, "title", "top level")
        self.strategy = self.reader.require(data, "strategy", "top level")
        self.organisations = [self._organisation(item, i, context) for i, item in enumerate(data.get("organisations") or [])]
        self.initiatives = [self._initiative(item, i, context) for i, item in enumerate(data.get("initiatives") or [])]
        self.lists = [self._list(item, i, context) for i, item in enumerate(data.get("lists") or [])]

    def _slug(self, item, key, where, seen, what):
        value = self.reader.require(item, key, where)
        if value is None:
            return None
        if not SLUG.match(value):
            message = _("%(key)s '%(value)s' is not an identifier (expected lower-case letters, digits and -)")
            self.reader.error(where, "bad_identifier", message, key=key, value=value)
        elif value in seen:
            self.reader.error(where, "duplicate", _("%(what)s '%(value)s' is defined twice"), what=what, value=value)
        seen.add(value)
        return value

    def _organisation(self, item, i, context):
        where = f"organisations[{i + 1}]"
        r = self.reader
        original = r.language(item, "original_language", where, default_content_language())
        return {
            "slug": self._slug(item, "slug", where, context.organisation_slugs, _("organisation")),
            "name": r.translations(item, "name", where, original),
            "original_language": original,
            "kind": r.choice(item, "kind", where, Organisation.Kind.values, ""),
            "sector": r.choice(item, "sector", where, Sector.values, Sector.UNKNOWN),
            "region": r.code(item, "region", where, context.terms[Vocabulary.REGION], _("region")),
            "website": r.text(item, "website", where),
            "source_section": r.text(item, "source_section", where),
            "provenance_note": r.text(item, "provenance_note", where),
        }

    def _initiative(self, item, i, context):
        where = f"initiatives[{i + 1}]"
        if isinstance(item, dict) and item.get("uid"):
            where += f" ({item['uid']})"
        r = self.reader
        original = r.language(item, "original_language", where, default_content_language())
        record = {
            "uid": self._slug(item, "uid", where, context.initiative_uids, _("initiative")),
            "title": r.translations(item, "title", where, original),
            "summary": r.translations(item, "summary", where, original, required=False),
            "original_language": original,
            "organisations": [str(slug) for slug in item.get("organisations") or []],
            "sector": r.choice(item, "sector", where, Sector.values, Sector.UNKNOWN),
            "objectives": r.codes(item, "objectives", where, context.objective_codes, _("objective")),
            "cost": r.choice(item, "cost", where, Cost.values, Cost.UNKNOWN),
            "status": r.choice(item, "status", where, Status.values, Status.UNKNOWN),
            "starts": self._date(item, "starts", where),
            "ends": self._date(item, "ends", where),
            "url": r.text(item, "url", where),
            "source_document": r.text(item, "source_document", where),  # empty: the file's title
            "source_section": r.text(item, "source_section", where),
            "provenance_note": r.text(item, "provenance_note", where),
            "where": where,
        }
        for key, vocabulary in TERM_RELATIONS.items():
            record[key] = r.codes(item, key, where, context.terms[vocabulary], Vocabulary(vocabulary).label)
        if ends_before_starts(record["starts"], record["ends"]):
            message = _("ends '%(ends)s' comes before starts '%(starts)s'")
            r.error(where, "ends_before_starts", message, ends=record["ends"], starts=record["starts"])
        return record

    def _date(self, item, key, where):
        value = self.reader.text(item, key, where)
        if value:
            try:
                parse_partial_date(value)
            except ValueError:
                message = _("%(key)s '%(value)s' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)")
                self.reader.error(where, "bad_date", message, key=key, value=value)
                return ""
        return value

    def _list(self, item, i, context):
        where = f"lists[{i + 1}]"
        r = self.reader
        section = r.require(item, "section", where)
        if section:
            where += f" ({section})"
        stated = item.get("stated") or {}
        if not isinstance(stated, dict):
            r.error(where, "wrong_type", _("'stated' must map total, private, public and mixed to numbers"))
            stated = {}
        for key, value in stated.items():
            if key not in STATED_KEYS or not isinstance(value, int) or value < 0:
                message = _("stated.%(key)s = %(value)s (expected total, private, public or mixed with a whole number)")
                r.error(where, "bad_stated_count", message, key=key, value=repr(value))
        entries = []
        for j, entry in enumerate(item.get("entries") or []):
            entry_where = f"{where}.entries[{j + 1}]"
            entries.append(
                {
                    "initiative": r.require(entry, "initiative", entry_where),
                    "text": r.require(entry, "text", entry_where),
                    "audience": r.text(entry, "audience", entry_where),
                    "bullet": r.flag(entry, "bullet", entry_where, True),
                    "where": entry_where,
                }
            )
        if r.require(item, "objective", where) is None:
            objective = ""
        else:
            objective = r.code(item, "objective", where, context.objective_codes, _("objective"))
        return {
            "section": section,
            "objective": objective,
            "stated_text": r.require(item, "stated_text", where),
            "stated": stated,
            "note": r.text(item, "note", where),
            "entries": entries,
        }


class Context:
    """What references in the files resolve against: the controlled lists and the strategy the platform runs."""

    def __init__(self):
        self.terms = {v: set(Term.objects.of(v).values_list("code", flat=True)) for v in Vocabulary.values}
        self.objectives = {o.code: o for o in Objective.objects.current()}
        self.objective_codes = set(self.objectives)
        self.organisation_slugs, self.initiative_uids = set(), set()


def read_registry(paths):
    """Parse and check all files; return them or raise Problems with every problem."""
    paths = [Path(p) for p in paths]
    if not paths:
        raise Problems([Problem("no_files", _("no registry files given"))])
    parsed = [(path, read_yaml(path)) for path in paths]
    context = Context()
    errors = []
    if not context.objectives:
        message = _("strategy '%(strategy)s' is not loaded (run `widmonitor load-strategy` first)")
        errors.append(Problem("strategy_not_loaded", message, {"strategy": settings.STRATEGY}))
    files = [RegistryFile(path, data, context) for path, data in parsed]
    known_orgs = context.organisation_slugs | set(Organisation.objects.values_list("slug", flat=True))
    known_uids = context.initiative_uids | set(Initiative.objects.values_list("uid", flat=True))
    for registry in files:
        check_references(registry, known_orgs, known_uids)
        errors.extend(registry.reader.errors)
    if errors:
        raise Problems(errors)
    return files, context


def check_references(registry, known_orgs, known_uids):
    reader = registry.reader
    if registry.strategy and registry.strategy != settings.STRATEGY:
        message = _("strategy '%(strategy)s' is not the one this platform runs (%(current)s; see WIDMONITOR_STRATEGY)")
        reader.error("top level", "other_strategy", message, strategy=registry.strategy, current=settings.STRATEGY)
    for record in registry.initiatives:
        for slug in record["organisations"]:
            if slug not in known_orgs:
                message = _("unknown organisation '%(value)s' (expected a slug defined under 'organisations')")
                reader.error(record["where"], "unknown_organisation", message, value=slug)
    for published in registry.lists:
        for entry in published["entries"]:
            if entry["initiative"] and entry["initiative"] not in known_uids:
                reader.error(entry["where"], "unknown_initiative", _("unknown initiative '%(value)s'"), value=entry["initiative"])


@transaction.atomic
def load_registry(paths, update=False, progress=None):
    """Write the registry files to the database. ``progress`` wraps an iterable (e.g. tqdm)."""
    files, context = read_registry(paths)
    progress = progress or (lambda items, **kwargs: items)
    summary = LoadSummary(files=[f.path.name for f in files])
    organisations = {}
    for registry in files:
        for item in registry.organisations:
            organisations[item["slug"]], created = upsert_organisation(registry, item, update)
            summary.organisations_created += created
    organisations.update({o.slug: o for o in Organisation.objects.exclude(slug__in=organisations)})
    terms = {(t.vocabulary, t.code): t.pk for t in Term.objects.all()}
    list_objectives = objectives_from_lists(files)
    existing = {i.uid: i for i in Initiative.objects.all()}
    for registry in files:
        changes = []
        for item in progress(registry.initiatives, desc=registry.path.name, unit="initiative"):
            if item["uid"] in existing and not update:
                summary.initiatives_kept += 1
                continue
            initiative = existing.get(item["uid"]) or Initiative(uid=item["uid"], moderation=Moderation.PUBLISHED)
            changes.append(initiative_change(registry, item, initiative, organisations, terms, context, list_objectives))
            summary.initiatives_updated += item["uid"] in existing
            summary.initiatives_created += item["uid"] not in existing
        reason = _("Loaded from %(file)s") % {"file": registry.path.name}
        for initiative in save_initiatives(changes, reason=str(reason)):
            existing[initiative.uid] = initiative
    for registry in files:
        for item in registry.lists:
            summary.entries += replace_list(registry, item, context, existing)
            summary.lists += 1
    return summary


def upsert_organisation(registry, item, update):
    existing = Organisation.objects.filter(slug=item["slug"]).first()
    if existing and not update:
        return existing, False
    organisation = existing or Organisation(slug=item["slug"])
    for key in ("name", "original_language", "kind", "sector", "website", "source_section", "provenance_note"):
        setattr(organisation, key, item[key])
    organisation.source_document = registry.title
    organisation.region = Term.objects.of(Vocabulary.REGION).filter(code=item["region"]).first()
    organisation._change_reason = str(_("Loaded from %(file)s") % {"file": registry.path.name})
    organisation.save()
    return organisation, existing is None


def objectives_from_lists(files):
    links = {}
    for registry in files:
        for published in registry.lists:
            for entry in published["entries"]:
                links.setdefault(entry["initiative"], set()).add(published["objective"])
    return links


def initiative_change(registry, item, initiative, organisations, terms, context, list_objectives):
    """The (initiative, relations) pair the write path takes, from one record of a file."""
    for key in ("title", "summary", "original_language", "sector", "cost", "status", "starts", "ends", "url"):
        setattr(initiative, key, item[key])
    initiative.source_section, initiative.provenance_note = item["source_section"], item["provenance_note"]
    initiative.source_document = item["source_document"] or registry.title
    codes = set(item["objectives"]) | list_objectives.get(item["uid"], set())
    relations = {
        "organisations": [organisations[slug] for slug in item["organisations"]],
        "objectives": [context.objectives[code] for code in sorted(codes)],
    }
    for key, vocabulary in TERM_RELATIONS.items():
        relations[key] = [terms[(vocabulary, code)] for code in item[key]]
    return initiative, relations


def replace_list(registry, item, context, initiatives):
    stated = item["stated"]
    published, _created = PublishedList.objects.update_or_create(
        document=registry.document,
        section=item["section"],
        defaults={
            "objective": context.objectives[item["objective"]],
            "stated_text": item["stated_text"],
            "stated_total": stated.get("total"),
            "stated_private": stated.get("private"),
            "stated_public": stated.get("public"),
            "stated_mixed": stated.get("mixed"),
            "note": item["note"],
        },
    )
    published.entries.all().delete()
    PublishedListEntry.objects.bulk_create(
        PublishedListEntry(
            published_list=published,
            position=position,
            initiative=initiatives[entry["initiative"]],
            text=entry["text"],
            audience_text=entry["audience"],
            bullet=entry["bullet"],
        )
        for position, entry in enumerate(item["entries"], start=1)
    )
    return len(item["entries"])
