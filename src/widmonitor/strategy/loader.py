"""Load a strategy (objectives and sub-objectives) from a YAML file of config/strategies/."""

import re
from pathlib import Path

from django.db import transaction

from widmonitor.datafiles import DataFileError, DataFileErrors, Reader, read_yaml

from .models import Objective, Strategy

CODE = re.compile(r"^[A-Za-z0-9]+(\.[A-Za-z0-9]+)?$")


def read_strategy(path):
    """Parse and check a strategy file; return plain data or raise DataFileErrors."""
    data = read_yaml(path)
    reader = Reader(path)
    strategy = {
        "code": reader.require(data, "code", "top level"),
        "country": reader.require(data, "country", "top level"),
        "title": reader.translations(data, "title", "top level"),
        "original_language": reader.text(data, "original_language", "top level", "nl"),
        "starts": reader.require(data, "starts", "top level", int),
        "ends": reader.require(data, "ends", "top level", int),
        "owner": reader.text(data, "owner", "top level"),
        "source": reader.text(data, "source", "top level"),
    }
    objectives, seen = [], set()
    items = data.get("objectives")
    if not isinstance(items, list) or not items:
        reader.error("top level", "missing 'objectives' (expected a list of objectives)")
        items = []
    for i, item in enumerate(items):
        where = f"objectives[{i + 1}]"
        objectives.append(_read_objective(reader, item, where, None, seen))
        children = item.get("sub_objectives", []) if isinstance(item, dict) else []
        if not isinstance(children, list):
            reader.error(where, "'sub_objectives' must be a list")
            children = []
        for j, child in enumerate(children):
            objectives.append(_read_objective(reader, child, f"{where}.sub_objectives[{j + 1}]", item, seen))
    reader.raise_if_errors()
    strategy["objectives"] = objectives
    return strategy


def _read_objective(reader, item, where, parent, seen):
    code = reader.require(item, "code", where)
    if code is not None:
        if not CODE.match(code):
            reader.error(where, f"code {code!r} is not a code (expected e.g. 1 or 1.2)")
        elif code in seen:
            reader.error(where, f"code {code!r} appears twice")
        elif parent is not None and not code.startswith(f"{parent.get('code')}."):
            reader.error(where, f"sub-objective code {code!r} does not start with its objective's code")
        seen.add(code)
    return {
        "code": code,
        "parent": str(parent.get("code")) if parent else None,
        "title": reader.translations(item, "title", where),
        "description": reader.translations(item, "description", where, required=False),
        "age_band": reader.text(item, "age_band", where),
    }


@transaction.atomic
def load_strategy(path):
    """Create or update the strategy of ``path``; returns it. Objectives keep their database ids."""
    data = read_strategy(path)
    strategy, _created = Strategy.objects.update_or_create(
        code=data["code"],
        defaults={
            "country": data["country"],
            "original_language": data["original_language"],
            "starts": data["starts"],
            "ends": data["ends"],
            "owner": data["owner"],
            "source": data["source"],
            **{f"title_{lang}": text for lang, text in data["title"].items()},
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
                **{f"title_{lang}": text for lang, text in item["title"].items()},
                **{f"description_{lang}": text for lang, text in item["description"].items()},
            },
        )
    stale = strategy.objectives.exclude(code__in=by_code)
    used = stale.filter(initiatives__isnull=False).values_list("code", flat=True).distinct()
    if used:
        raise DataFileErrors(
            [DataFileError(Path(path), "objectives", f"{code} is gone from the file but initiatives use it") for code in used]
        )
    stale.delete()
    return strategy
