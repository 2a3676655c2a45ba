"""Load a strategy (objectives and sub-objectives) from a YAML file of config/strategies/."""

import re

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from widmonitor.datafiles import Reader, read_yaml
from widmonitor.problems import Problem, Problems
from widmonitor.translated_fields import default_content_language

from widmonitor.vocabularies.choices import Vocabulary
from widmonitor.vocabularies.models import Term

from .models import Objective, Strategy

CODE = re.compile(r"^[A-Za-z0-9]+(\.[A-Za-z0-9]+)?$")


def read_strategy(path):
    """Parse and check a strategy file; return plain data or raise Problems."""
    data = read_yaml(path)
    reader = Reader(path)
    original = reader.language(data, "original_language", "top level", default_content_language())
    strategy = {
        "code": reader.require(data, "code", "top level"),
        "country": reader.require(data, "country", "top level"),
        "title": reader.translations(data, "title", "top level", original),
        "original_language": original,
        "starts": reader.require(data, "starts", "top level", int),
        "ends": reader.require(data, "ends", "top level", int),
        "owner": reader.text(data, "owner", "top level"),
        "source": reader.text(data, "source", "top level"),
    }
    objectives, seen = [], set()
    items = data.get("objectives")
    if not isinstance(items, list) or not items:
        reader.error("top level", "required", _("missing 'objectives' (expected a list of objectives)"))
        items = []
    for i, item in enumerate(items):
        where = f"objectives[{i + 1}]"
        objectives.append(_read_objective(reader, item, where, None, seen, original))
        children = item.get("sub_objectives", []) if isinstance(item, dict) else []
        if not isinstance(children, list):
            reader.error(where, "wrong_type", _("'sub_objectives' must be a list"))
            children = []
        for j, child in enumerate(children):
            child_where = f"{where}.sub_objectives[{j + 1}]"
            objectives.append(_read_objective(reader, child, child_where, item, seen, original))
    reader.raise_if_errors()
    strategy["objectives"] = objectives
    return strategy


def _read_objective(reader, item, where, parent, seen, original):
    code = reader.require(item, "code", where)
    if code is not None:
        if not CODE.match(code):
            reader.error(where, "bad_code", _("code '%(value)s' is not a code (expected e.g. 1 or 1.2)"), value=code)
        elif code in seen:
            reader.error(where, "duplicate_code", _("code '%(value)s' appears twice"), value=code)
        elif parent is not None and not code.startswith(f"{parent.get('code')}."):
            message = _("sub-objective code '%(value)s' does not start with its objective's code")
            reader.error(where, "bad_code", message, value=code)
        seen.add(code)
    return {
        "code": code,
        "parent": str(parent.get("code")) if parent else None,
        "title": reader.translations(item, "title", where, original),
        "description": reader.translations(item, "description", where, original, required=False),
        "age_band": reader.text(item, "age_band", where),
        "audiences": _read_audiences(reader, item, where),
        "where": where,
    }


def _read_audiences(reader, item, where):
    value = item.get("audiences") if isinstance(item, dict) else None
    if value in (None, ""):
        return []
    if not isinstance(value, list) or not all(isinstance(code, str) and code for code in value):
        reader.error(where, "wrong_type", _("'audiences' must be a list of audience codes, e.g. [girls]"))
        return []
    return value


def audience_terms(path, objectives):
    """``{code: Term}`` of every audience the objectives name; Problems naming each code the audience list lacks."""
    named = {code for item in objectives for code in item["audiences"]}
    terms = {term.code: term for term in Term.objects.of(Vocabulary.AUDIENCE).filter(code__in=named)}
    problems = []
    message = _("unknown audience '%(value)s' in 'audiences' (expected a code of the audience list; load the lists first)")
    for item in objectives:
        for code in item["audiences"]:
            if code not in terms:
                problems.append(Problem("unknown_code", message, {"value": code}, file=str(path), item=item["where"]))
    if problems:
        raise Problems(problems)
    return terms


@transaction.atomic
def load_strategy(path):
    """Create or update the strategy of ``path``; returns it. Objectives keep their database ids."""
    data = read_strategy(path)
    terms = audience_terms(path, data["objectives"])
    strategy, _created = Strategy.objects.update_or_create(
        code=data["code"],
        defaults={
            "country": data["country"],
            "original_language": data["original_language"],
            "starts": data["starts"],
            "ends": data["ends"],
            "owner": data["owner"],
            "source": data["source"],
            "title": data["title"],
        },
    )
    by_code = {}
    for position, item in enumerate(data["objectives"]):
        by_code[item["code"]], _created = Objective.objects.update_or_create(
            strategy=strategy,
            code=item["code"],
            defaults={
                "parent": by_code[item["parent"]] if item["parent"] else None,
                "position": position,
                "age_band": item["age_band"],
                "original_language": data["original_language"],
                "title": item["title"],
                "description": item["description"],
            },
        )
        by_code[item["code"]].audiences.set([terms[code] for code in item["audiences"]])
    stale = strategy.objectives.exclude(code__in=by_code)
    used = stale.filter(initiatives__isnull=False).values_list("code", flat=True).distinct()
    if used:
        message = _("%(code)s is gone from the file but initiatives use it")
        raise Problems([Problem("objective_in_use", message, {"code": code}, file=str(path), item="objectives") for code in used])
    stale.delete()
    return strategy
