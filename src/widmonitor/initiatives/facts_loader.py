"""Load the public facts (data/registry/facts/*.yaml): what public pages state about the registry's
initiatives and organisations, each fact with the page that states it.

The files are read and checked first, every problem collected (file, record, field); only then,
in one transaction, the facts replace those of the previous load and ``fact_outcomes`` applies
them to the records. The files given are the whole set: a fact no longer in them is gone, and so
is a value it had filled. The format is described in data/registry/README.md.
"""

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from widmonitor.actors.models import Organisation
from widmonitor.datafiles import Reader, read_yaml
from widmonitor.problems import Problem, Problems
from widmonitor.vocabularies.choices import Cost, Status, Vocabulary
from widmonitor.vocabularies.models import Term

from . import fact_outcomes
from .models import Fact, FactPage, FactSearch, Initiative
from .periods import parse_partial_date

PAGE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SAYS_LENGTH = 300  # a short phrase, not a quotation
PAGE_KEYS = ("url", "title", "publisher", "date", "language", "kind")
RECORD_KEYS = ("initiative", "organisation", "facts", "no_page_found", "searched_for", "note")
FACT_KEYS = ("value", "page", "says")
CODE_LISTS = {"audiences": Vocabulary.AUDIENCE, "regions": Vocabulary.REGION, "languages": Vocabulary.LANGUAGE, "formats": Vocabulary.FORMAT}
INITIATIVE_FACTS = ("url", "organisations", "cost", "ages", "audiences", "regions", "places", "languages", "formats", "status", "starts", "ends")
ORGANISATION_FACTS = ("website", "kind", "region", "places")
ADDRESS_LENGTH = {"url": Initiative._meta.get_field("url").max_length, "website": Organisation._meta.get_field("website").max_length}
AGE_LIMIT = 120


@dataclass
class FactsSummary:
    files: list = field(default_factory=list)
    pages: int = 0
    initiatives_searched: int = 0
    organisations_searched: int = 0
    no_page_found: int = 0
    facts: int = 0
    outcome: fact_outcomes.Outcome = field(default_factory=fact_outcomes.Outcome)


def address_problem(value):
    """Why ``value`` is not an http(s) address with a host, or "" if it is one."""
    if not isinstance(value, str) or not value:
        return _("expected an address starting with https:// or http://")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https"):
        return _("expected an address starting with https:// or http://")
    if not parts.hostname:
        return _("the address has no host")
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        return _("not a valid web address")
    return ""


def same_address(a, b):
    return a.rstrip("/").lower() == b.rstrip("/").lower()


def printed_in(address, text):
    """Whether ``text`` prints ``address``: its host, less a leading www., appears in it."""
    host = (urlsplit(address).hostname or "").removeprefix("www.")
    return bool(host) and host in text.lower()


class FactsReader(Reader):
    def fact_error(self, where, fact_field, code, message, **params):
        self.errors.append(Problem(code, message, params, file=str(self.path), item=where, field=fact_field))


class Context:
    """What the facts refer to: the controlled lists and the records already loaded."""

    def __init__(self):
        self.terms = {v: set(Term.objects.of(v).values_list("code", flat=True)) for v in Vocabulary.values}
        self.initiatives = dict(Initiative.objects.values_list("uid", "pk"))
        self.organisations = dict(Organisation.objects.values_list("slug", "pk"))


class FactsFile:
    """One parsed and checked facts file."""

    def __init__(self, path, data, context):
        self.path = Path(path)
        self.reader = FactsReader(path)
        self.context = context
        self.searched = self._searched(data.get("searched"))
        self.pages = self._pages(data.get("pages"))
        records = data.get("records")
        if not isinstance(records, list):
            self.reader.error("top level", "wrong_type", _("'records' must be a list of records"))
            records = []
        self.seen = set()
        self.records = [self._record(item, i) for i, item in enumerate(records)]

    def _searched(self, value):
        if isinstance(value, datetime.date):
            return value
        try:
            return datetime.date.fromisoformat(str(value))
        except ValueError:
            message = _("'searched' is '%(value)s' (expected the day of the search, YYYY-MM-DD)")
            self.reader.error("top level", "bad_date", message, value=value)
            return None

    def _pages(self, value):
        if not isinstance(value, dict):
            self.reader.error("top level", "wrong_type", _("'pages' must map page ids to pages"))
            return {}
        pages, addresses = {}, {}
        for key, item in value.items():
            where = f"pages.{key}"
            if not PAGE_ID.match(str(key)):
                message = _("page id '%(value)s' is not an identifier (expected lower-case letters, digits and -)")
                self.reader.error(where, "bad_identifier", message, value=key)
                continue
            if not isinstance(item, dict):
                self.reader.error(where, "wrong_type", _("a page must map url, title, publisher, date, language and kind"))
                continue
            page = self._page(item, where)
            if page["url"] in addresses:
                message = _("the same address as page '%(other)s' (expected each page once)")
                self.reader.error(where, "duplicate", message, other=addresses[page["url"]])
            addresses.setdefault(page["url"], key)
            pages[str(key)] = page
        return pages

    def _page(self, item, where):
        r = self.reader
        self._unknown_keys(item, PAGE_KEYS, where)
        url = r.require(item, "url", where)
        if url is not None and address_problem(url):
            r.error(where, "bad_address", _("url '%(value)s': %(problem)s"), value=url, problem=address_problem(url))
        return {
            "url": url or "",
            "title": r.require(item, "title", where) or "",
            "publisher": r.require(item, "publisher", where) or "",
            "date": self._date(item.get("date"), where, "date") if item.get("date") not in (None, "") else "",
            "language": r.code(item, "language", where, self.context.terms[Vocabulary.LANGUAGE], _("language"))
            if r.require(item, "language", where)
            else "",
            "kind": r.choice(item, "kind", where, FactPage.Kind.values, "") if r.require(item, "kind", where) else "",
        }

    def _date(self, value, where, key, fact_field=""):
        """A partial date as text (YAML reads 2013 as a number and 2021-09-01 as a date)."""
        text = value.isoformat() if isinstance(value, datetime.date) else str(value)
        try:
            parse_partial_date(text)
        except ValueError:
            message = _("%(key)s '%(value)s' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)")
            self.reader.fact_error(where, fact_field, "bad_date", message, key=key, value=value)
            return None
        return text

    def _unknown_keys(self, item, allowed, where):
        for key in item:
            if key not in allowed:
                message = _("unknown key '%(key)s' (expected %(expected)s)")
                self.reader.error(where, "unknown_key", message, key=key, expected=", ".join(allowed))

    def _record(self, item, i):
        where = f"records[{i + 1}]"
        if not isinstance(item, dict):
            self.reader.error(where, "wrong_type", _("a record must be a mapping"))
            return None
        self._unknown_keys(item, RECORD_KEYS, where)
        subject = self._subject(item, where)
        if subject is None:
            return None
        kind, key, pk = subject
        where += f" ({key})"
        allowed = INITIATIVE_FACTS if kind == "initiative" else ORGANISATION_FACTS
        facts = item.get("facts") or {}
        no_page = self.reader.flag(item, "no_page_found", where, False)
        if not isinstance(facts, dict):
            self.reader.error(where, "wrong_type", _("'facts' must map fields to facts"))
            facts = {}
        if no_page and facts:
            self.reader.error(where, "contradiction", _("'no_page_found' is true but the record has facts (expected one or the other)"))
        if not no_page and not facts:
            message = _("no facts (expected facts, or no_page_found: true when no page about it was found)")
            self.reader.error(where, "no_facts", message)
        parsed = []
        for fact_field, stated in facts.items():
            if fact_field not in allowed:
                message = _("'%(value)s' is not one of the facts of this record (expected one of %(expected)s)")
                self.reader.error(where, "unknown_field", message, value=fact_field, expected=", ".join(allowed))
                continue
            entries = stated if isinstance(stated, list) else [stated]
            for j, entry in enumerate(entries):
                place = f"{where}.facts.{fact_field}" + (f"[{j + 1}]" if isinstance(stated, list) else "")
                fact = self._fact(entry, place, fact_field)
                if fact:
                    parsed.append(fact)
        return {
            "kind": kind,
            "pk": pk,
            "no_page_found": no_page,
            "searched_for": self.reader.text(item, "searched_for", where),
            "facts": parsed,
        }

    def _subject(self, item, where):
        given = [kind for kind in ("initiative", "organisation") if item.get(kind) not in (None, "")]
        if len(given) != 1:
            self.reader.error(where, "subject", _("a record names exactly one 'initiative' (uid) or one 'organisation' (slug)"))
            return None
        kind = given[0]
        key = str(item[kind])
        known = self.context.initiatives if kind == "initiative" else self.context.organisations
        if key not in known:
            if kind == "initiative":
                message = _("unknown initiative '%(value)s' (expected a uid of data/registry/*.yaml)")
            else:
                message = _("unknown organisation '%(value)s' (expected a slug of data/registry/*.yaml)")
            self.reader.error(where, "unknown_" + kind, message, value=key)
            return None
        if (kind, key) in self.seen:
            self.reader.error(f"{where} ({key})", "duplicate", _("'%(value)s' has two records in this file"), value=key)
        self.seen.add((kind, key))
        return kind, key, known[key]

    def _fact(self, entry, where, fact_field):
        r = self.reader
        if not isinstance(entry, dict):
            r.fact_error(where, fact_field, "wrong_type", _("a fact must map value, page and says"))
            return None
        for key in entry:
            if key not in FACT_KEYS:
                message = _("unknown key '%(key)s' (expected %(expected)s)")
                r.fact_error(where, fact_field, "unknown_key", message, key=key, expected=", ".join(FACT_KEYS))
        page_key = str(entry.get("page") or "")
        page = self.pages.get(page_key)
        if not page_key:
            r.fact_error(where, fact_field, "no_source", _("missing 'page': every fact needs the page that states it"))
        elif page is None:
            message = _("page '%(value)s' is not among the file's pages (expected a page id listed under 'pages')")
            r.fact_error(where, fact_field, "unknown_page", message, value=page_key)
        says = entry.get("says")
        says = "" if says is None else str(says).strip()
        if len(says) > SAYS_LENGTH:
            message = _("'says' has %(length)s characters (expected a short phrase of at most %(limit)s)")
            r.fact_error(where, fact_field, "too_long", message, length=len(says), limit=SAYS_LENGTH)
        if entry.get("value") in (None, "", [], {}):
            r.fact_error(where, fact_field, "required", _("missing 'value'"))
            return None
        value = self._value(entry["value"], where, fact_field)
        if value is None or page is None:
            return None
        if fact_field in ADDRESS_LENGTH and not self._address_stated(value, page, says, where, fact_field):
            return None
        return {"field": fact_field, "value": value, "page": page_key, "says": says}

    def _value(self, value, where, fact_field):
        """The value in its stored form, or None after reporting why it is not one."""
        if fact_field in ADDRESS_LENGTH:
            return self._address(value, where, fact_field)
        if fact_field in ("starts", "ends"):
            return self._date(value, where, fact_field, fact_field)
        if fact_field == "ages":
            return self._ages(value, where)
        if fact_field in ("cost", "status", "kind", "region"):
            allowed = {
                "cost": [Cost.FREE, Cost.PAID],
                "status": [Status.PLANNED, Status.ONGOING, Status.COMPLETED],
                "kind": Organisation.Kind.values,
                "region": sorted(self.context.terms[Vocabulary.REGION]),
            }[fact_field]
            if str(value) not in allowed:
                message = _("%(key)s '%(value)s' (expected one of %(expected)s)")
                self.reader.fact_error(where, fact_field, "bad_choice", message, key=fact_field, value=value, expected=", ".join(allowed))
                return None
            return str(value)
        return self._list(value, where, fact_field)

    def _list(self, value, where, fact_field):
        if not isinstance(value, list) or not all(isinstance(item, (str, int)) and str(item).strip() for item in value):
            message = _("%(key)s must be a list (e.g. [a, b]), not %(value)s")
            self.reader.fact_error(where, fact_field, "wrong_type", message, key=fact_field, value=repr(value))
            return None
        items = [str(item).strip() for item in value]
        if fact_field == "places":
            return items
        if fact_field == "organisations":
            allowed, what = set(self.context.organisations), _("organisation")
        else:
            allowed, what = self.context.terms[CODE_LISTS[fact_field]], Vocabulary(CODE_LISTS[fact_field]).label
        unknown = [item for item in items if item not in allowed]
        for item in unknown:
            message = _("unknown %(what)s '%(value)s' in '%(key)s' (expected one of %(expected)s)")
            self.reader.fact_error(where, fact_field, "unknown_code", message, what=what, value=item, key=fact_field, expected=", ".join(sorted(allowed)))
        return None if unknown else list(dict.fromkeys(items))

    def _ages(self, value, where):
        ages = value if isinstance(value, dict) else {}
        bad = not ages or set(ages) - {"min", "max"} or not all(isinstance(v, int) and 0 <= v <= AGE_LIMIT for v in ages.values())
        if not bad and "min" in ages and "max" in ages and ages["min"] > ages["max"]:
            bad = True
        if bad:
            message = _("ages is %(value)s (expected {min: N, max: N}, either may be left out, whole years from 0 to %(limit)s, min not above max)")
            self.reader.fact_error(where, "ages", "bad_ages", message, value=repr(value), limit=AGE_LIMIT)
            return None
        return {key: ages[key] for key in ("min", "max") if key in ages}

    def _address(self, value, where, fact_field):
        problem = address_problem(value)
        if not problem and len(value) > ADDRESS_LENGTH[fact_field]:
            problem = _("longer than %(limit)s characters") % {"limit": ADDRESS_LENGTH[fact_field]}
        if problem:
            self.reader.fact_error(where, fact_field, "bad_address", _("%(key)s '%(value)s': %(problem)s"), key=fact_field, value=value, problem=problem)
            return None
        return value

    def _address_stated(self, value, page, says, where, fact_field):
        """An address is the own-site page itself, or one the page prints (shown in ``says``)."""
        if same_address(value, page["url"]):
            if page["kind"] != FactPage.Kind.OWN_SITE:
                message = _(
                    "%(key)s '%(value)s' is the address of the %(kind)s page that states it: that page is a source, "
                    "not the web address (expected an own-site page, or an address the page prints, shown in 'says')"
                )
                self.reader.fact_error(where, fact_field, "source_not_address", message, key=fact_field, value=value, kind=page["kind"])
                return False
            return True
        if not printed_in(value, says):
            message = _(
                "%(key)s '%(value)s' is not the page's own address and 'says' does not show it "
                "(expected the address as the page prints it, in 'says')"
            )
            self.reader.fact_error(where, fact_field, "address_not_printed", message, key=fact_field, value=value)
            return False
        return True


def read_facts(paths):
    """Parse and check every facts file; return them, or raise Problems with every problem."""
    parsed = [(Path(path), read_yaml(path)) for path in paths]
    context = Context()
    files = [FactsFile(path, data, context) for path, data in parsed]
    errors = [problem for facts_file in files for problem in facts_file.reader.errors]
    if errors:
        raise Problems(errors)
    return files


@transaction.atomic
def load_facts(paths):
    """Replace the stored facts with those of ``paths`` (all of them) and apply them to the records."""
    files = read_facts(paths)
    summary = FactsSummary(files=[f.path.name for f in files])
    filled_before = fact_outcomes.filled_values()
    FactSearch.objects.all().delete()
    FactPage.objects.all().delete()
    for facts_file in files:
        write_file(facts_file, summary)
    reason = _("Facts from public pages (%(files)s)") % {"files": ", ".join(summary.files) or "-"}
    summary.outcome = fact_outcomes.apply(filled_before, str(reason))
    return summary


def write_file(facts_file, summary):
    name = facts_file.path.name
    pages = {key: FactPage(source_file=name, key=key, **page) for key, page in facts_file.pages.items()}
    FactPage.objects.bulk_create(pages.values())
    summary.pages += len(pages)
    facts = []
    for record in facts_file.records:
        search = FactSearch.objects.create(
            source_file=name,
            searched=facts_file.searched,
            searched_for=record["searched_for"],
            no_page_found=record["no_page_found"],
            **{f"{record['kind']}_id": record["pk"]},
        )
        summary.initiatives_searched += record["kind"] == "initiative"
        summary.organisations_searched += record["kind"] == "organisation"
        summary.no_page_found += record["no_page_found"]
        for position, fact in enumerate(record["facts"]):
            facts.append(Fact(search=search, field=fact["field"], value=fact["value"], page=pages[fact["page"]], says=fact["says"], position=position))
    Fact.objects.bulk_create(facts)
    summary.facts += len(facts)
