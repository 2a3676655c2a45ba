"""Load the controlled lists (audiences, regions, languages, formats) from config/vocabularies.yaml,
and the DigComp 2.2 list from the self-check's data file (``digcomp``)."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from widmonitor.datafiles import Reader, read_yaml
from widmonitor.translated_fields import default_content_language

from .choices import FROM_CONFIG, Vocabulary
from .digcomp import ORIGINAL, digcomp_terms
from .models import Term

META_KEYS = {"original_language"}


@transaction.atomic
def load_vocabularies(path):
    """Create or update every term of ``path``; returns the number of terms per list."""
    data = read_yaml(path)
    reader = Reader(path)
    original = reader.language(data, "original_language", "top level", default_content_language())
    rows = []
    for vocabulary in FROM_CONFIG:
        items = data.get(vocabulary)
        if not isinstance(items, list):
            reader.error("top level", "missing_list", _("missing list '%(name)s'"), name=vocabulary)
            continue
        for position, item in enumerate(items):
            where = f"{vocabulary}[{position + 1}]"
            code = reader.require(item, "code", where)
            rows.append((vocabulary, code, position, reader.translations(item, "label", where, original)))
    for key in sorted(set(data) - set(FROM_CONFIG) - META_KEYS):
        message = _("unknown list '%(name)s' (expected %(expected)s)")
        reader.error("top level", "unknown_list", message, name=key, expected=", ".join(FROM_CONFIG))
    reader.raise_if_errors()
    rows = [(*row, original) for row in rows]
    rows += [(Vocabulary.DIGCOMP, code, position, labels, ORIGINAL) for position, (code, labels) in enumerate(digcomp_terms())]
    for vocabulary, code, position, labels, language in rows:
        Term.objects.update_or_create(
            vocabulary=vocabulary,
            code=code,
            defaults={"position": position, "label": labels, "original_language": language},
        )
    return {vocabulary: sum(1 for row in rows if row[0] == vocabulary) for vocabulary in Vocabulary.values}
