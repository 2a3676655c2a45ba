"""Texts in every content language, stored so that adding a language changes no schema.

A ``TranslatedTextField`` holds ``{language code: text}`` in one JSON column (only the
languages that have a text); the record's ``original_language`` marks which of them is the
original. One row per record keeps a save one history entry (text and relations together),
an import one bulk write, and a revert whole. Full-text search indexes are derived from these
texts per language by the write path, not stored here.

In forms the field is one box per configured content language, named ``<field>_<code>``
(``title_<code>`` for each), built when the form is built, so a new language appears
without code.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .languages import CODE_LENGTH, Translated, content_codes, content_languages


def validate_content_language(value):
    if value not in content_codes():
        raise ValidationError(
            _('"%(value)s" is not a content language (expected one of %(expected)s).'),
            code="unknown_language",
            params={"value": value, "expected": ", ".join(content_codes())},
        )


def default_content_language():
    return content_codes()[0]


def content_language_choices():
    return [(language.code, f"{language.name} ({language.code})") for language in content_languages()]


class ContentLanguageField(models.CharField):
    """The code of a configured content language; the choices are read when a form is built."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", CODE_LENGTH)
        kwargs.setdefault("default", default_content_language)
        kwargs.setdefault("validators", [validate_content_language])
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return forms.TypedChoiceField(
            choices=content_language_choices,
            label=capfirst(self.verbose_name),  # lazy: the label follows the language of each request
            help_text=self.help_text,
            initial=default_content_language,
        )


class TranslatedTextField(models.JSONField):
    """``{language code: text}``; ``max_length`` holds for each text."""

    description = _("a text in each content language")

    def __init__(self, *args, multiline=False, **kwargs):
        self.multiline = multiline
        kwargs.setdefault("default", dict)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.multiline:
            kwargs["multiline"] = True
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not isinstance(value, dict) or not all(isinstance(text, str) for text in value.values()):
            raise ValidationError(_("Expected a text per language."), code="invalid")
        unknown = sorted(set(value) - set(content_codes()))
        if unknown:
            raise ValidationError(
                _("%(languages)s: not a content language (expected %(expected)s)."),
                code="unknown_language",
                params={"languages": ", ".join(unknown), "expected": ", ".join(content_codes())},
            )
        for code, text in value.items():
            if self.max_length and len(text) > self.max_length:
                raise ValidationError(
                    _("The text in %(language)s has %(length)s characters, more than the %(limit)s allowed."),
                    code="too_long",
                    params={"language": code, "length": len(text), "limit": self.max_length},
                )

    def formfield(self, **kwargs):
        return TranslatedFormField(
            max_length=self.max_length,
            multiline=self.multiline,
            label=capfirst(self.verbose_name),  # lazy: the label follows the language of each request
            help_text=self.help_text,
        )


class TranslatedWidget(forms.MultiWidget):
    """One box per content language, each with its language as label and ``lang`` attribute."""

    template_name = "widmonitor/widgets/translated.html"

    def __init__(self, multiline=False, attrs=None):
        self.languages = content_languages()
        widgets = {}
        for language in self.languages:
            if multiline:
                widgets[language.code] = forms.Textarea(attrs={"rows": 3, "cols": 80, "lang": language.code})
            else:
                widgets[language.code] = forms.TextInput(attrs={"size": 80, "lang": language.code})
        super().__init__(widgets, attrs)

    def decompress(self, value):
        value = value or {}
        return [value.get(language.code, "") for language in self.languages]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, language in zip(context["widget"]["subwidgets"], self.languages):
            subwidget["language"] = language
        return context


class TranslatedFormField(forms.MultiValueField):
    def __init__(self, max_length=None, multiline=False, **kwargs):
        self.codes = content_codes()
        fields = [forms.CharField(max_length=max_length, required=False) for _code in self.codes]
        super().__init__(
            fields, widget=TranslatedWidget(multiline), require_all_fields=False, required=False, **kwargs
        )

    def compress(self, data_list):
        texts = zip(self.codes, data_list or [])
        return {code: text.strip() for code, text in texts if text and text.strip()}

    def has_changed(self, initial, data):
        return (initial or {}) != self.compress(data if isinstance(data, list) else self.widget.decompress(data))


class TranslatableModel(Translated, models.Model):
    """A record with texts in several content languages; ``text()`` applies the fallback rule."""

    original_language = ContentLanguageField(
        _("original language"),
        help_text=_("The language its texts were first written in, e.g. nl; the others are translations."),
    )

    class Meta:
        abstract = True
