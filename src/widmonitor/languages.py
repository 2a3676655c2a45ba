"""The platform's two kinds of language, and the one fallback rule for content.

Interface languages (menus, messages) are ``settings.LANGUAGES`` with gettext catalogues.
Content languages (what titles, summaries, names and labels are stored in) are data:
``config/languages.yaml``, read when first needed. A translated text is stored as
``{language code: text}`` beside the record's original language; ``pick`` chooses what a
reader sees.
"""

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import get_language, get_language_info

CODE_LENGTH = 8  # room for codes such as nl-BE


@dataclass(frozen=True)
class ContentLanguage:
    code: str
    name: str  # in the language itself, e.g. Nederlands
    search_config: str  # PostgreSQL text search configuration, e.g. dutch


def content_languages():
    """The configured content languages, in their configured order."""
    return _read_content_languages(str(settings.CONTENT_LANGUAGES_FILE))


def content_codes():
    return [language.code for language in content_languages()]


@functools.cache
def _read_content_languages(path):
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ImproperlyConfigured(f"The content languages file {path} cannot be read: {error}") from error
    items = data.get("content_languages") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        raise ImproperlyConfigured(f"{path}: expected a list 'content_languages' of {{code, name, search_config}}.")
    languages = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not all(isinstance(item.get(key), str) for key in ("code", "name")):
            raise ImproperlyConfigured(f"{path}: content_languages[{number}] needs a code and a name.")
        if len(item["code"]) > CODE_LENGTH:
            raise ImproperlyConfigured(f"{path}: content_languages[{number}]: code {item['code']!r} is too long.")
        languages.append(ContentLanguage(item["code"], item["name"], item.get("search_config") or "simple"))
    if len({language.code for language in languages}) != len(languages):
        raise ImproperlyConfigured(f"{path}: a content language is listed twice.")
    return tuple(languages)


def interface_codes():
    return [code for code, _name in settings.LANGUAGES]


# Interface languages that write a language's name in lower case inside a sentence ("en néerlandais").
LOWER_CASE_LANGUAGE_NAMES = ("fr",)


def language_name(code):
    """The name of the language ``code`` as it reads inside a sentence of the active interface language:
    "Dutch", "Nederlands", "néerlandais" (Django's translated names); a language Django does not know
    keeps the name ``config/languages.yaml`` gives it, in the language itself."""
    try:
        name = str(get_language_info(code)["name_translated"])
    except KeyError:
        return next((language.name for language in content_languages() if language.code == code), code)
    return name.lower() if active_language() in LOWER_CASE_LANGUAGE_NAMES else name


def active_language():
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


@dataclass(frozen=True)
class LocalText:
    """A text as a reader sees it: in ``language``, which is the original if ``fallback``."""

    text: str
    language: str
    fallback: bool = False  # the requested language had no text; this is the original

    def __str__(self):
        return self.text


def pick(texts, original, language=None):
    """The one fallback rule: the text in ``language`` (default: the active one), else the original, marked.

    ``texts`` is ``{language code: text}``. A record whose original text is missing (bad data)
    falls back to the first text it has, in the configured order.
    """
    language = language or active_language()
    texts = texts or {}
    if texts.get(language):
        return LocalText(texts[language], language)
    for code in [original, *content_codes(), *texts]:
        if texts.get(code):
            return LocalText(texts[code], code, fallback=True)
    return LocalText("", original or language, fallback=language != original)


class Translated:
    """Anything whose texts are ``{language: text}`` fields beside an ``original_language``: records, result cards."""

    def text(self, field, language=None):
        """``field`` in ``language`` (default: the active language), else the original, marked (``pick``)."""
        return pick(getattr(self, field), self.original_language, language)


def add_language_argument(parser, help_text):
    """``--language`` for a command whose output speaks one of the interface languages."""
    parser.add_argument(
        "--language",
        choices=interface_codes(),
        default=settings.LANGUAGE_CODE,
        help=f"{help_text} (default: %(default)s).",
    )
