"""Load the controlled lists (audiences, regions, languages, formats) from config/vocabularies.yaml."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from widmonitor.datafiles import Reader, read_yaml
from widmonitor.translated_fields import default_content_language

from .choices import Vocabulary
from .models import Term

META_KEYS = {"original_language"}


@transaction.atomic
def load_vocabularies(path):
    """Create or update every term of ``path``; returns the number of terms per list."""
    data = read_yaml(path)
    reader = Reader(path)
    original = reader.language(data, "original_language", "top level", default_content_language())
    rows = []
    for vocabulary in Vocabulary.values:
        items = data.get(vocabulary)
        if not isinstance(items, list):
            reader.error("top level", "missing_list", _("missing list '%(name)s'"), name=vocabulary)
            continue
        for position, item in enumerate(items):
            where = f"{vocabulary}[{position + 1}]"
            code = reader.require(item, "code", where)
            rows.append((vocabulary, code, position, reader.translations(item, "label", where, original)))
    for key in sorted(set(data) - set(Vocabulary.values) - META_KEYS):
        message = _("unknown list '%(name)s' (expected %(expected)s)")
        reader.error("top level", "unknown_list", message, name=key, expected=", ".join(Vocabulary.values))
    reader.raise_if_errors()
    for vocabulary, code, position, labels in rows:
        Term.objects.update_or_create(
            vocabulary=vocabulary,
            code=code,
            defaults={"position": position, "label": labels, "original_language": original},
        )
    return {vocabulary: sum(1 for row in rows if row[0] == vocabulary) for vocabulary in Vocabulary.values}
