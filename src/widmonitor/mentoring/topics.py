"""The topics a mentoring profile names: the expert directory's topics and DigComp 2.2's five areas."""

from django.utils.translation import gettext as _

from widmonitor.experts.models import Topic
from widmonitor.selfcheck.framework import framework

DIGCOMP_PREFIX = "digcomp-"


def topic_choices():
    """``[(code, label)]`` in the active language: the expert topics, then ``digcomp-1`` … ``digcomp-5``."""
    experts = [(topic.code, str(topic)) for topic in Topic.objects.all()]
    # a label and its text, as each language writes them (French: a non-breaking space before the colon)
    areas = [
        (f"{DIGCOMP_PREFIX}{area.code}", _("%(label)s: %(text)s") % {"label": f"DigComp {area.code}", "text": area.name})
        for area in framework().areas
    ]
    return experts + areas


def topic_labels(codes):
    labels = dict(topic_choices())
    return [labels.get(code, code) for code in codes]
