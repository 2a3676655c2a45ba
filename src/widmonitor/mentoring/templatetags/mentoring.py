from django import template

from ..choices import Language
from ..runs import sentences
from ..topics import topic_labels as labels_of_topics

register = template.Library()


@register.filter
def topic_labels(codes):
    return labels_of_topics(codes)


@register.filter
def language_labels(codes):
    names = dict(Language.choices)
    return [str(names.get(code, code)) for code in codes]


@register.filter
def reason_sentences(reasons):
    return sentences(reasons)
