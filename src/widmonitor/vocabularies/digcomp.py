"""The DigComp 2.2 list: its 5 areas and 21 competences, read from the self-check's data file.

An initiative says which it develops with these codes: an area ("2") when it develops the area
as a whole, a competence ("2.3") when it develops that one. The list is the framework's and is
not edited in config/vocabularies.yaml: data/selfcheck/digcomp22.yaml holds it, with the
framework's names in English and widmonitor's translations.
"""

from django.conf import settings

from widmonitor.datafiles import read_yaml

ORIGINAL = "en"  # the framework's names are English


def digcomp_path():
    return settings.DATA_DIR / "selfcheck" / "digcomp22.yaml"


def digcomp_terms(path=None):
    """``[(code, {language: label})]``: each area, then its competences, in the framework's order."""
    rows = []
    for area in read_yaml(path or digcomp_path())["areas"]:
        rows.append((str(area["code"]), labelled(area)))
        rows += [(str(competence["code"]), labelled(competence)) for competence in area["competences"]]
    return rows


def labelled(item):
    """``{language: "2.3 Engaging in citizenship through digital technologies"}``."""
    return {language: f"{item['code']} {name}" for language, name in item["name"].items()}


def area_of(code):
    """The area of a DigComp code: "2" for "2.3" and for "2"."""
    return code.partition(".")[0]
