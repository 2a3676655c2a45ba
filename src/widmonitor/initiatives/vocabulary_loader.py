"""Load the controlled lists (audiences, regions, languages, formats) from config/vocabularies.yaml."""

from django.db import transaction

from widmonitor.datafiles import Reader, read_yaml

from .models import Term
from .vocabulary import Vocabulary


@transaction.atomic
def load_vocabularies(path):
    """Create or update every term of ``path``; returns the number of terms per list."""
    data = read_yaml(path)
    reader = Reader(path)
    rows = []
    for vocabulary in Vocabulary.values:
        items = data.get(vocabulary)
        if not isinstance(items, list):
            reader.error("top level", f"missing list {vocabulary!r}")
            continue
        for position, item in enumerate(items):
            where = f"{vocabulary}[{position + 1}]"
            rows.append(
                (vocabulary, reader.require(item, "code", where), position, reader.translations(item, "label", where))
            )
    for key in set(data) - set(Vocabulary.values):
        reader.error("top level", f"unknown list {key!r} (expected {', '.join(Vocabulary.values)})")
    reader.raise_if_errors()
    for vocabulary, code, position, labels in rows:
        Term.objects.update_or_create(
            vocabulary=vocabulary,
            code=code,
            defaults={"position": position, **{f"label_{lang}": text for lang, text in labels.items()}},
        )
    return {vocabulary: sum(1 for row in rows if row[0] == vocabulary) for vocabulary in Vocabulary.values}
