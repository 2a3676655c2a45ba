"""Reading the YAML data files (strategies, controlled lists, registry) with precise errors.

Every problem is a ``Problem`` naming the file and the item in it; a ``Reader`` collects
them all in one pass, and ``raise_if_errors`` reports them together before anything is written.
"""

from pathlib import Path

import yaml
from django.utils.translation import gettext_lazy as _

from .languages import content_codes
from .problems import Problem, Problems

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built with it: 10x faster


def file_problem(path, code, message, **params):
    return Problems([Problem(code, message, params, file=str(path))])


def read_yaml(path):
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise file_problem(path, "missing_file", _("file not found")) from error
    except IsADirectoryError as error:
        raise file_problem(path, "not_a_file", _("a folder, not a file (expected a YAML file)")) from error
    except PermissionError as error:
        raise file_problem(path, "unreadable", _("not allowed to read the file (check its permissions)")) from error
    except UnicodeDecodeError as error:
        raise file_problem(path, "not_utf8", _("not UTF-8 text (expected a YAML file)")) from error
    try:
        data = yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = Problem(
            "bad_yaml",
            _("not valid YAML (%(problem)s)"),
            {"problem": getattr(error, "problem", None) or str(error)},
            file=str(path),
            line=mark.line + 1 if mark else None,
            column=str(mark.column + 1) if mark else "",
        )
        raise Problems([problem]) from error
    if not isinstance(data, dict):
        raise file_problem(path, "not_a_mapping", _("expected a mapping of keys to values at the top level"))
    return data


class Reader:
    """Walks one parsed file, collecting problems instead of stopping at the first."""

    def __init__(self, path):
        self.path = Path(path)
        self.errors = []

    def error(self, where, code, message, **params):
        self.errors.append(Problem(code, message, params, file=str(self.path), item=where))

    def require(self, item, key, where, kind=str):
        value = item.get(key) if isinstance(item, dict) else None
        if value is None or value == "":
            self.error(where, "required", _("missing '%(key)s'"), key=key)
            return None
        if kind is str and isinstance(value, (int, float)):
            value = str(value)
        if not isinstance(value, kind):
            message = _("'%(key)s' must be %(expected)s, not %(found)s")
            self.error(where, "wrong_type", message, key=key, expected=kind.__name__, found=type(value).__name__)
            return None
        return value

    def text(self, item, key, where, default=""):
        value = item.get(key, default) if isinstance(item, dict) else default
        if value is None:
            return default
        if isinstance(value, (int, float)):
            return str(value)
        if not isinstance(value, str):
            self.error(where, "wrong_type", _("'%(key)s' must be text, not %(found)s"), key=key, found=type(value).__name__)
            return default
        return value.strip()

    def translations(self, item, key, where, original, required=True):
        """``{language: text}`` of the texts given, in content languages only.

        The text in ``original`` is required unless ``required`` is false; the others are
        translations and may be missing. A plain string is the text in the original language.
        """
        value = item.get(key) if isinstance(item, dict) else None
        if isinstance(value, str):
            value = {original: value}
        if value is None:
            value = {}
        codes = content_codes()
        if not isinstance(value, dict):
            message = _("'%(key)s' must map languages (%(expected)s) to texts")
            self.error(where, "wrong_type", message, key=key, expected=", ".join(codes))
            return {}
        texts = {}
        for code, text in value.items():
            if str(code) not in codes:
                message = _("%(key)s.%(language)s: not a content language (expected one of %(expected)s)")
                self.error(where, "unknown_language", message, key=key, language=code, expected=", ".join(codes))
            elif text is not None and not isinstance(text, str):
                message = _("%(key)s.%(language)s must be text, not %(found)s")
                self.error(where, "wrong_type", message, key=key, language=code, found=type(text).__name__)
            elif text and text.strip():
                texts[str(code)] = text.strip()
        if required and original in codes and original not in texts:
            message = _("missing %(key)s.%(language)s (the original text, in %(language)s)")
            self.error(where, "required", message, key=key, language=original)
        return texts

    def language(self, item, key, where, default):
        """A content language code (default ``default``)."""
        return self.choice(item, key, where, content_codes(), default)

    def codes(self, item, key, where, allowed, what):
        value = item.get(key) if isinstance(item, dict) else None
        if value in (None, ""):
            return []
        if not isinstance(value, list):
            self.error(where, "wrong_type", _("'%(key)s' must be a list of %(what)s codes"), key=key, what=what)
            return []
        result = []
        for code in value:
            code = str(code)
            if code not in allowed:
                message = _("unknown %(what)s '%(value)s' in '%(key)s' (expected one of %(expected)s)")
                self.error(where, "unknown_code", message, what=what, value=code, key=key, expected=", ".join(sorted(allowed)))
            else:
                result.append(code)
        return result

    def code(self, item, key, where, allowed, what):
        """One code of ``allowed``, or "" when the key is empty."""
        value = self.text(item, key, where)
        if value and value not in allowed:
            message = _("unknown %(what)s '%(value)s' (expected one of %(expected)s)")
            self.error(where, "unknown_code", message, what=what, value=value, expected=", ".join(sorted(allowed)))
            return ""
        return value

    def choice(self, item, key, where, choices, default):
        value = self.text(item, key, where)
        if not value:
            return default
        if value not in choices:
            message = _("'%(key)s' is '%(value)s' (expected one of %(expected)s)")
            self.error(where, "bad_choice", message, key=key, value=value, expected=", ".join(choices))
            return default
        return value

    def flag(self, item, key, where, default):
        """``true`` or ``false`` (``default`` when the key is absent)."""
        value = item.get(key, default) if isinstance(item, dict) else default
        if not isinstance(value, bool):
            self.error(where, "wrong_type", _("'%(key)s' must be true or false"), key=key)
            return default
        return value

    def raise_if_errors(self):
        if self.errors:
            raise Problems(self.errors)
