"""The Dutch and French catalogues: complete, compiled, and actually used by the code.

Expected texts are read from the .po files, never typed twice here: the tests check that
every string is translated, that the committed .mo files say what the .po files say, and
that real code paths (models, analysis, import) come out in the language asked for.
"""

import ast
import gettext as gnu_gettext
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

import widmonitor
from widmonitor.initiatives.analysis import ListAnalysis, discrepancies
from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.xlsx_export import export_overview
from widmonitor.initiatives.xlsx_import import import_overview
from widmonitor.vocabularies.choices import Moderation, Sector

from .initiatives import xlsx_factory as factory

LANGUAGES = ("nl", "fr")
PACKAGE_DIR = Path(widmonitor.__file__).resolve().parent
LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|%[sd]")
GETTEXT_FUNCTIONS = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "gettext_noop"}
TEMPLATE_TRANSLATE = re.compile(r"""{%\s*(?:translate|trans)\s+(["'])(.*?)\1""")
BLOCK_TRANSLATE = re.compile(r"{%\s*blocktranslate([^%]*)%}(.*?){%\s*endblocktranslate\s*%}", re.S)


def po_path(language):
    return LOCALE_DIR / language / "LC_MESSAGES" / "django.po"


def parse_po(path):
    """The entries of a .po file: dicts with msgctxt, msgid, msgid_plural, msgstr ({form: text}), flags, obsolete."""
    return [
        {
            "msgctxt": e.msgctxt,
            "msgid": e.msgid,
            "msgid_plural": e.msgid_plural or None,
            "msgstr": {int(i): text for i, text in e.msgstr_plural.items()} if e.msgid_plural else {0: e.msgstr},
            "flags": set(e.flags),
            "obsolete": e.obsolete,
        }
        for e in polib.pofile(str(path))
    ]


def messages(language):
    """The translatable entries (not obsolete ones) of a language's catalogue."""
    return [e for e in parse_po(po_path(language)) if e["msgid"] and not e["obsolete"]]


def header(language):
    return polib.pofile(str(po_path(language))).metadata


def catalogue(language):
    """``{msgid: msgstr}``; a plural entry maps its msgid to the list of its forms."""
    return {
        e["msgid"]: ([e["msgstr"][i] for i in sorted(e["msgstr"])] if e["msgid_plural"] else e["msgstr"][0])
        for e in messages(language)
    }


def marked_strings():
    """Every string the code marks for translation: gettext calls in Python, {% translate %} in templates."""
    found = set()
    for path in PACKAGE_DIR.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in GETTEXT_FUNCTIONS and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                found.add(node.args[0].value)
    for path in PACKAGE_DIR.rglob("templates/**/*.html"):
        text = path.read_text(encoding="utf-8")
        found |= {match.group(2) for match in TEMPLATE_TRANSLATE.finditer(text)}
        for match in BLOCK_TRANSLATE.finditer(text):  # msgid as makemessages writes it: {{ x }} becomes %(x)s
            singular = match.group(2).split("{% plural %}")[0]
            if "trimmed" in match.group(1).split():
                singular = re.sub(r"\s*\n\s*", " ", singular.strip())  # as django.utils.translation.trim_whitespace
            found.add(re.sub(r"{{\s*(\w+)\s*}}", r"%(\1)s", singular.replace("%", "%%")))  # a literal % is written %%
    return found


# --- the catalogues are complete -----------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_translated_and_none_is_fuzzy(language):
    entries = messages(language)
    assert len(entries) > 150
    untranslated = [e["msgid"] for e in entries if not all(e["msgstr"].values())]
    fuzzy = [e["msgid"] for e in parse_po(po_path(language)) if "fuzzy" in e["flags"]]
    plural_gaps = [e["msgid"] for e in entries if e["msgid_plural"] and sorted(e["msgstr"]) != [0, 1]]
    assert (untranslated, fuzzy, plural_gaps) == ([], [], [])


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_the_code_marks_for_translation_is_in_the_catalogue(language):
    missing = marked_strings() - set(catalogue(language))
    assert sorted(missing) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_every_placeholder_of_the_english(language):
    wrong = []
    for e in messages(language):
        for index, text in e["msgstr"].items():
            source = e["msgid_plural"] if index and e["msgid_plural"] else e["msgid"]
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                wrong.append((e["msgid"], text))
    assert wrong == []


@pytest.mark.parametrize(
    "language, plural_forms",
    [("nl", "nplurals=2; plural=(n != 1);"), ("fr", "nplurals=2; plural=(n > 1);")],
)
def test_the_header_names_the_language_its_plural_rule_and_utf8(language, plural_forms):
    fields = header(language)
    assert (fields["Language"], fields["Plural-Forms"], fields["Content-Type"]) == (
        language,
        plural_forms,
        "text/plain; charset=UTF-8",
    )


# --- the compiled catalogues match the sources ---------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_committed_mo_file_holds_exactly_what_the_po_file_says(language):
    with open(po_path(language).with_suffix(".mo"), "rb") as mo:
        compiled = gnu_gettext.GNUTranslations(mo)._catalog
    expected = {}
    for e in messages(language):
        msgid = f"{e['msgctxt']}\x04{e['msgid']}" if e["msgctxt"] else e["msgid"]
        if e["msgid_plural"]:
            expected.update({(msgid, i): text for i, text in e["msgstr"].items()})
        else:
            expected[msgid] = e["msgstr"][0]
    assert {key: text for key, text in compiled.items() if key != ""} == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_django_serves_every_translation_of_the_po_file(language):
    one, many = (1, 5) if language == "nl" else (1, 2)
    wrong = []
    with translation.override(language):
        for e in messages(language):
            if e["msgid_plural"]:
                got = [translation.ngettext(e["msgid"], e["msgid_plural"], n) for n in (one, many)]
                want = [e["msgstr"][0], e["msgstr"][1]]
            elif e["msgctxt"]:
                got, want = translation.pgettext(e["msgctxt"], e["msgid"]), e["msgstr"][0]
            else:
                got, want = translation.gettext(e["msgid"]), e["msgstr"][0]
            if got != want:
                wrong.append((e["msgid"], got, want))
    assert wrong == []


def test_french_uses_the_singular_for_zero_and_dutch_the_plural():
    msgid, plural = "%(n)d initiative published.", "%(n)d initiatives published."
    with translation.override("fr"):
        assert translation.ngettext(msgid, plural, 0) == catalogue("fr")[msgid][0]
    with translation.override("nl"):
        assert translation.ngettext(msgid, plural, 0) == catalogue("nl")[msgid][1]


# --- real code paths come out translated ---------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_model_names_and_choice_labels_follow_the_active_language(language):
    texts = catalogue(language)
    with translation.override(language):
        shown = (
            str(Initiative._meta.verbose_name),
            str(Initiative._meta.verbose_name_plural),
            str(Initiative._meta.get_field("sector").verbose_name),
            str(Sector.MIXED.label),
            str(Moderation.DRAFT.label),
        )
    assert shown == (
        texts["initiative"],
        texts["initiatives"],
        texts["sector type"],
        texts["mixed public-private"],
        texts["draft"],
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_analysis_explains_discrepancies_in_the_active_language(language):
    texts = catalogue(language)
    result = ListAnalysis(
        document="wid-report-2022",
        section="5.1.4",
        objective_code="1.4",
        objective_title="",
        bullets=3,
        initiatives=2,
        computed={Sector.PUBLIC: 2, Sector.PRIVATE: 0, Sector.MIXED: 0, Sector.UNKNOWN: 0},
        stated={"total": 4, Sector.PRIVATE: 2, Sector.PUBLIC: None, Sector.MIXED: None},
        stated_text="",
        note="",
    )
    with translation.override(language):
        found = discrepancies(result)
    distinct = "The report states %(stated)s initiatives but its list counts %(count)s distinct initiative (%(bullets)s bullets)."
    assert found == [
        texts[distinct][1] % {"stated": 4, "bullets": 3, "count": 2},
        texts["The stated breakdown by type adds up to %(sum)s, not to the stated total of %(stated)s."] % {"sum": 2, "stated": 4},
        texts["%(sector)s: the report states %(stated)s, the registry has %(computed)s (and %(unknown)s of unknown type)."]
        % {"sector": texts["private"], "stated": 2, "computed": 0, "unknown": 0},
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_import_of_a_missing_file_says_so_in_the_active_language(language, tmp_path):
    report = import_overview(tmp_path / "overview.xlsx")

    with translation.override(language):  # messages are lazy: they speak the language active when shown
        shown = [str(error) for error in report.errors]
    assert shown == [f"overview.xlsx: {catalogue(language)['there is no such file']}"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_import_locates_and_explains_a_bad_cell_in_the_active_language(language, strategy, tmp_path):
    texts = catalogue(language)
    factory.sample_initiatives()
    path = tmp_path / "overview.xlsx"
    export_overview(path)
    factory.edit(path, {(2, "starts"): "2022-13-01"})

    report = import_overview(path)
    with translation.override(language):
        shown = [str(error) for error in report.errors]

    where = texts["%(sheet)s, row %(row)s, column %(column)s (%(header)s)"] % {
        "sheet": "Initiatives",
        "row": 2,
        "column": "Q",
        "header": "starts",
    }
    problem = texts['"%(value)s" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2022 or 2022-09)']
    assert shown == [f"{where}: {problem % {'value': '2022-13-01'}}"]
