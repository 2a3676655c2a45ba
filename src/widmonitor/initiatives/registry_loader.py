"""Load the bundled registry (data/registry/*.yaml): organisations, initiatives, published lists.

All files are read and checked first; every problem is collected; only then is anything
written, in one transaction. Existing records are left as they are unless ``update`` is
set, so that re-running the loader never overwrites what the working group edited.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from widmonitor.actors.models import Organisation
from widmonitor.datafiles import DataFileErrors, Reader, read_yaml
from widmonitor.strategy.models import Objective

from .models import Initiative, PublishedList, PublishedListEntry, Term
from .vocabulary import ContentLanguage, Cost, Moderation, Sector, Status, Vocabulary, ends_before_starts, parse_partial_date

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
M2M_VOCABULARIES = {"audiences": "audience", "regions": "region", "languages": "language", "formats": "format"}


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
            self.reader.error(where, f"{key} {value!r} is not an identifier (expected lower-case letters, digits and -)")
        elif value in seen:
            self.reader.error(where, f"{what} {value!r} is defined twice")
        seen.add(value)
        return value

    def _organisation(self, item, i, context):
        where = f"organisations[{i + 1}]"
        r = self.reader
        return {
            "slug": self._slug(item, "slug", where, context.organisation_slugs, "organisation"),
            "name": r.require(item, "name", where),
            "kind": r.choice(item, "kind", where, Organisation.Kind.values, Organisation.Kind.OTHER),
            "sector": r.choice(item, "sector", where, Sector.values, Sector.UNKNOWN),
            "region": r.code(item, "region", where, context.terms["region"], "region"),
            "website": r.text(item, "website", where),
            "source_section": r.text(item, "source_section", where),
        }

    def _initiative(self, item, i, context):
        where = f"initiatives[{i + 1}]"
        if isinstance(item, dict) and item.get("uid"):
            where += f" ({item['uid']})"
        r = self.reader
        record = {
            "uid": self._slug(item, "uid", where, context.initiative_uids, "initiative"),
            "title": r.translations(item, "title", where),
            "summary": r.translations(item, "summary", where),
            "original_language": r.choice(item, "original_language", where, ContentLanguage.values, "nl"),
            "organisations": [str(slug) for slug in item.get("organisations") or []],
            "sector": r.choice(item, "sector", where, Sector.values, Sector.UNKNOWN),
            "objectives": r.codes(item, "objectives", where, context.objective_codes, "objective"),
            "cost": r.choice(item, "cost", where, Cost.values, Cost.UNKNOWN),
            "status": r.choice(item, "status", where, Status.values, Status.UNKNOWN),
            "starts": self._date(item, "starts", where),
            "ends": self._date(item, "ends", where),
            "url": r.text(item, "url", where),
            "source_section": r.text(item, "source_section", where),
            "provenance_note": r.text(item, "provenance_note", where),
            "where": where,
        }
        for key, vocabulary in M2M_VOCABULARIES.items():
            record[key] = r.codes(item, key, where, context.terms[vocabulary], vocabulary)
        if ends_before_starts(record["starts"], record["ends"]):
            r.error(where, f"ends {record['ends']!r} comes before starts {record['starts']!r}")
        return record

    def _date(self, item, key, where):
        value = self.reader.text(item, key, where)
        if value:
            try:
                parse_partial_date(value)
            except ValueError:
                self.reader.error(where, f"{key} {value!r} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)")
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
            r.error(where, "'stated' must map total, private, public and mixed to numbers")
            stated = {}
        for key, value in stated.items():
            if key not in ("total", "private", "public", "mixed") or not isinstance(value, int) or value < 0:
                r.error(where, f"stated.{key} = {value!r} (expected total, private, public or mixed with a whole number)")
        entries = []
        for j, entry in enumerate(item.get("entries") or []):
            entry_where = f"{where}.entries[{j + 1}]"
            entries.append(
                {
                    "initiative": r.require(entry, "initiative", entry_where),
                    "text": r.require(entry, "text", entry_where),
                    "audience": r.text(entry, "audience", entry_where),
                    "where": entry_where,
                }
            )
        if r.require(item, "objective", where) is None:
            objective = ""
        else:
            objective = r.code(item, "objective", where, context.objective_codes, "objective")
        return {
            "section": section,
            "objective": objective,
            "stated_text": r.require(item, "stated_text", where),
            "stated": stated,
            "note": r.text(item, "note", where),
            "entries": entries,
        }


class Context:
    """What references in the files resolve against: the database's lists and strategy."""

    def __init__(self, strategy_code):
        self.terms = {v: set(Term.objects.filter(vocabulary=v).values_list("code", flat=True)) for v in Vocabulary.values}
        self.objectives = {o.code: o for o in Objective.objects.filter(strategy__code=strategy_code)}
        self.objective_codes = set(self.objectives)
        self.organisation_slugs, self.initiative_uids = set(), set()


def read_registry(paths):
    """Parse and check all files; return them or raise DataFileErrors with every problem."""
    paths = [Path(p) for p in paths]
    if not paths:
        raise DataFileErrors(["no registry files given"])
    parsed = [(path, read_yaml(path)) for path in paths]
    strategy_code = str(parsed[0][1].get("strategy", ""))
    context = Context(strategy_code)
    errors = []
    if not context.objectives:
        errors.append(f"strategy {strategy_code!r} is not loaded (run `widmonitor load-strategy` first)")
    files = [RegistryFile(path, data, context) for path, data in parsed]
    known_orgs = context.organisation_slugs | set(Organisation.objects.values_list("slug", flat=True))
    known_uids = context.initiative_uids | set(Initiative.objects.values_list("uid", flat=True))
    for registry in files:
        if registry.strategy != strategy_code:
            registry.reader.error("top level", f"strategy {registry.strategy!r} differs from {strategy_code!r} of {paths[0].name}")
        for record in registry.initiatives:
            for slug in record["organisations"]:
                if slug not in known_orgs:
                    registry.reader.error(record["where"], f"unknown organisation {slug!r} (expected a slug defined under 'organisations')")
        for published in registry.lists:
            for entry in published["entries"]:
                if entry["initiative"] and entry["initiative"] not in known_uids:
                    registry.reader.error(entry["where"], f"unknown initiative {entry['initiative']!r}")
        errors.extend(registry.reader.errors)
    if errors:
        raise DataFileErrors(errors)
    return files, context


@transaction.atomic
def load_registry(paths, update=False, progress=None):
    """Write the registry files to the database. ``progress`` wraps an iterable (e.g. tqdm)."""
    files, context = read_registry(paths)
    progress = progress or (lambda items, **kwargs: items)
    summary = LoadSummary(files=[f.path.name for f in files])
    organisations = {}
    for registry in files:
        for item in registry.organisations:
            organisations[item["slug"]], created = _upsert_organisation(registry, item, update)
            summary.organisations_created += created
    organisations.update({o.slug: o for o in Organisation.objects.exclude(slug__in=organisations)})
    terms = {(t.vocabulary, t.code): t for t in Term.objects.all()}
    list_objectives = _objectives_from_lists(files)
    initiatives = {}
    for registry in files:
        for item in progress(registry.initiatives, desc=registry.path.name, unit="initiative"):
            initiative, outcome = _upsert_initiative(registry, item, update, organisations, terms, context, list_objectives)
            initiatives[item["uid"]] = initiative
            setattr(summary, f"initiatives_{outcome}", getattr(summary, f"initiatives_{outcome}") + 1)
    initiatives.update({i.uid: i for i in Initiative.objects.exclude(uid__in=initiatives)})
    for registry in files:
        for item in registry.lists:
            summary.entries += _replace_list(registry, item, context, initiatives)
            summary.lists += 1
    return summary


def _upsert_organisation(registry, item, update):
    defaults = {
        "name": item["name"],
        "kind": item["kind"],
        "sector": item["sector"],
        "website": item["website"],
        "source_document": registry.title,
        "source_section": item["source_section"],
        "region": Term.objects.filter(vocabulary=Vocabulary.REGION, code=item["region"]).first(),
    }
    existing = Organisation.objects.filter(slug=item["slug"]).first()
    if existing and not update:
        return existing, False
    return Organisation.objects.update_or_create(slug=item["slug"], defaults=defaults)


def _objectives_from_lists(files):
    links = {}
    for registry in files:
        for published in registry.lists:
            for entry in published["entries"]:
                links.setdefault(entry["initiative"], set()).add(published["objective"])
    return links


def _upsert_initiative(registry, item, update, organisations, terms, context, list_objectives):
    existing = Initiative.objects.filter(uid=item["uid"]).first()
    if existing and not update:
        return existing, "kept"
    initiative = existing or Initiative(uid=item["uid"])
    for lang in item["title"]:
        setattr(initiative, f"title_{lang}", item["title"][lang])
        setattr(initiative, f"summary_{lang}", item["summary"][lang])
    for key in ("original_language", "sector", "cost", "status", "starts", "ends", "url", "source_section", "provenance_note"):
        setattr(initiative, key, item[key])
    initiative.source_document = registry.title
    if not existing:
        initiative.moderation = Moderation.PUBLISHED
    codes = set(item["objectives"]) | list_objectives.get(item["uid"], set())
    relations = {
        "organisations": [organisations[slug] for slug in item["organisations"]],
        "objectives": [context.objectives[code] for code in sorted(codes)],
    }
    for key, vocabulary in M2M_VOCABULARIES.items():
        relations[key] = [terms[(vocabulary, code)] for code in item[key]]
    initiative.save_with_relations(relations, reason=f"Loaded from {registry.path.name}")
    return initiative, "updated" if existing else "created"


def _replace_list(registry, item, context, initiatives):
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
        )
        for position, entry in enumerate(item["entries"], start=1)
    )
    return len(item["entries"])
