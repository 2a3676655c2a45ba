"""Reading the YAML data files (strategies, controlled lists, registry) with precise errors."""

from pathlib import Path

import yaml

from widmonitor.languages import codes

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when built with it: 10x faster


class DataFileError(Exception):
    """A problem in a data file, located as precisely as the file allows."""

    def __init__(self, path, where, problem):
        self.path, self.where, self.problem = Path(path), where, problem
        super().__init__(f"{self.path.name}, {where}: {problem}" if where else f"{self.path.name}: {problem}")


class DataFileErrors(Exception):
    """Several problems found in one pass; nothing was written."""

    def __init__(self, errors):
        self.errors = list(errors)
        lines = "\n".join(f"  {error}" for error in self.errors[:50])
        more = f"\n  ... and {len(self.errors) - 50} more" if len(self.errors) > 50 else ""
        super().__init__(f"{len(self.errors)} problem(s), nothing loaded:\n{lines}{more}")


def read_yaml(path):
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise DataFileError(path, "", "file not found") from error
    except UnicodeDecodeError as error:
        raise DataFileError(path, "", "not UTF-8 text (expected a YAML file)") from error
    try:
        data = yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise DataFileError(path, where, f"not valid YAML ({getattr(error, 'problem', error)})") from error
    if not isinstance(data, dict):
        raise DataFileError(path, "", "expected a mapping of keys to values at the top level")
    return data


class Reader:
    """Walks one parsed file, collecting problems instead of stopping at the first."""

    def __init__(self, path):
        self.path = Path(path)
        self.errors = []

    def error(self, where, problem):
        self.errors.append(DataFileError(self.path, where, problem))

    def require(self, item, key, where, kind=str):
        value = item.get(key) if isinstance(item, dict) else None
        if value is None or value == "":
            self.error(where, f"missing {key!r}")
            return None
        if kind is str and isinstance(value, (int, float)):
            value = str(value)
        if not isinstance(value, kind):
            self.error(where, f"{key!r} must be {kind.__name__}, not {type(value).__name__}")
            return None
        return value

    def text(self, item, key, where, default=""):
        value = item.get(key, default) if isinstance(item, dict) else default
        if value is None:
            return default
        if isinstance(value, (int, float)):
            return str(value)
        if not isinstance(value, str):
            self.error(where, f"{key!r} must be text, not {type(value).__name__}")
            return default
        return value.strip()

    def translations(self, item, key, where, required=True):
        """``{lang: text}`` for the content languages; each required unless said otherwise."""
        value = item.get(key) if isinstance(item, dict) else None
        if value is None and not required:
            return {code: "" for code in codes()}
        if not isinstance(value, dict):
            self.error(where, f"{key!r} must map each language ({', '.join(codes())}) to a text")
            return {code: "" for code in codes()}
        result = {}
        for code in codes():
            text = value.get(code)
            if required and not (isinstance(text, str) and text.strip()):
                self.error(where, f"missing {key}.{code} (expected a text in {code})")
            result[code] = text.strip() if isinstance(text, str) else ""
        return result

    def codes(self, item, key, where, allowed, what):
        value = item.get(key) if isinstance(item, dict) else None
        if value in (None, ""):
            return []
        if not isinstance(value, list):
            self.error(where, f"{key!r} must be a list of {what} codes")
            return []
        result = []
        for code in value:
            code = str(code)
            if code not in allowed:
                self.error(where, f"unknown {what} {code!r} in {key!r} (expected one of {', '.join(sorted(allowed))})")
            else:
                result.append(code)
        return result

    def code(self, item, key, where, allowed, what):
        """One code of ``allowed``, or "" when the key is empty."""
        value = self.text(item, key, where)
        if value and value not in allowed:
            self.error(where, f"unknown {what} {value!r} (expected one of {', '.join(sorted(allowed))})")
            return ""
        return value

    def choice(self, item, key, where, choices, default):
        value = self.text(item, key, where, default) or default
        if value not in choices:
            self.error(where, f"{key!r} is {value!r} (expected one of {', '.join(choices)})")
            return default
        return value

    def raise_if_errors(self):
        if self.errors:
            raise DataFileErrors(self.errors)
