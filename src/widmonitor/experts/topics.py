"""Load the controlled list of expertise topics from data/experts/topics.yaml."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from widmonitor.datafiles import Reader, read_yaml
from widmonitor.translated_fields import default_content_language

from .models import Topic


@transaction.atomic
def load_topics(path):
    """Create or update every topic of ``path``, all or nothing; returns how many."""
    data = read_yaml(path)
    reader = Reader(path)
    original = reader.language(data, "original_language", "top level", default_content_language())
    items = data.get("topics") if isinstance(data, dict) else None
    if not isinstance(items, list):
        reader.error("top level", "missing_list", _("missing list '%(name)s'"), name="topics")
        items = []
    rows = []
    for position, item in enumerate(items):
        where = f"topics[{position + 1}]"
        code = reader.require(item, "code", where)
        rows.append((code, position, reader.translations(item, "label", where, original)))
    reader.raise_if_errors()
    for code, position, labels in rows:
        Topic.objects.update_or_create(
            code=code, defaults={"position": position, "label": labels, "original_language": original}
        )
    return len(rows)
