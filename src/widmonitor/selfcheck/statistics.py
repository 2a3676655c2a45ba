"""The anonymous statistics of the self-checks given to them: the mean level per area, by age band and gender.

The grid has a cell per age band and gender, a total per age band (every gender), per gender
(every age band) and in all. A cell is shown only from ``MIN_CELL`` self-checks up:

1. **Primary suppression.** A cell of fewer than ``MIN_CELL`` self-checks (none included, so that
   an empty cell and a cell of three look alike) shows neither its number nor its means.
2. **Secondary suppression.** A row or column of the grid adds up to its total; where exactly
   one of its entries is hidden, it could be computed back from the others, so the smallest
   shown entry of that line is hidden too, until no line has a single hidden entry.

"Rather not say" and an unanswered gender count together as "not stated". The region is stored
but not published: cut three ways, the cells would mostly be too small to show.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Max, Min, Sum
from django.utils.translation import gettext_lazy as _

from .framework import framework
from .models import AGE_BANDS, Gender, SharedCheck

MIN_CELL = 10
CACHED_SECONDS = 24 * 3600
ALL = "all"
NOT_STATED = "not-stated"
GENDERS = ((Gender.WOMAN.value, Gender.WOMAN.label), (Gender.MAN.value, Gender.MAN.label), (Gender.ANOTHER.value, Gender.ANOTHER.label), (NOT_STATED, _("not stated")))
AREA_FIELDS = ("area_1", "area_2", "area_3", "area_4", "area_5")


@dataclass
class Cell:
    age_band: str  # a band's code or "all"
    gender: str  # a GENDERS code or "all"
    checks: int
    sums: tuple  # the levels summed per area
    shown: bool = True

    def means(self):
        """``[mean level per area, 0 to 3, two decimals]``, or [] when the cell is hidden."""
        if not self.shown:
            return []
        return [round(total / (self.checks * len(area.competences)), 2) for total, area in zip(self.sums, framework().areas)]


@dataclass
class Statistics:
    cells: dict  # {(age band, gender): Cell}, the totals included
    first_month: object = None
    last_month: object = None

    def cell(self, age_band, gender):
        return self.cells[(age_band, gender)]

    @property
    def total(self):
        return self.cells[(ALL, ALL)]

    def rows(self, age_band=None, gender=None):
        """The cells of one age band (every gender) or one gender (every age band), in order."""
        if age_band is not None:
            return [self.cells[(age_band, g)] for g in gender_codes()]
        return [self.cells[(b, gender)] for b in band_codes()]


def band_codes():
    return [band.value for band in AGE_BANDS] + [ALL]


def gender_codes():
    return [code for code, _label in GENDERS] + [ALL]


def statistics():
    """The Statistics of every SharedCheck, from Django's cache while no self-check was added (keyed by count and last id)."""
    stored = SharedCheck.objects.aggregate(count=Count("pk"), last=Max("pk"))
    return cache.get_or_set(f"selfcheck:statistics:{stored['count']}:{stored['last']}", lambda: computed(SharedCheck.objects.all()), CACHED_SECONDS)


def computed(queryset):
    """The Statistics of ``queryset``: one query for the cells, one for the months."""
    found = {}
    rows = queryset.values("age_band", "gender").annotate(checks=Count("pk"), **{name: Sum(name) for name in AREA_FIELDS}).order_by()
    for row in rows:
        gender = row["gender"] if row["gender"] in (Gender.WOMAN, Gender.MAN, Gender.ANOTHER) else NOT_STATED
        key = (row["age_band"], gender)
        checks, sums = found.get(key, (0, (0,) * len(AREA_FIELDS)))
        found[key] = (checks + row["checks"], tuple(a + b for a, b in zip(sums, (row[name] for name in AREA_FIELDS))))
    months = queryset.aggregate(first=Min("month"), last=Max("month"))
    return Statistics(suppressed(grid(found)), months["first"], months["last"])


def grid(found):
    """``{(band, gender): Cell}`` of every band and gender, with the totals, from ``{(band, gender): (checks, sums)}``."""
    empty = (0, (0,) * len(AREA_FIELDS))
    cells = {}
    for band in band_codes():
        for gender in gender_codes():
            parts = [found.get((b, g), empty) for b in (band_codes()[:-1] if band == ALL else [band]) for g in (gender_codes()[:-1] if gender == ALL else [gender])]
            cells[(band, gender)] = Cell(band, gender, sum(p[0] for p in parts), tuple(map(sum, zip(*(p[1] for p in parts)))))
    return cells


def lines():
    """Each row and column of the grid: the keys of entries that add up to the line's total (the total included)."""
    return [[(band, g) for g in gender_codes()] for band in band_codes()] + [[(b, gender) for b in band_codes()] for gender in gender_codes()]


def suppressed(cells):
    """``cells`` with ``shown`` set: primary then secondary suppression (see the module's text)."""
    for cell in cells.values():
        cell.shown = cell.checks >= MIN_CELL
    changed = True
    while changed:
        changed = False
        for line in lines():
            hidden = [key for key in line if not cells[key].shown]
            visible = [key for key in line if cells[key].shown]
            if len(hidden) == 1 and visible:
                smallest = min(visible, key=lambda key: (cells[key].checks, key))
                cells[smallest].shown = False
                changed = True
    return cells



def band_label(code):
    return _("every age") if code == ALL else dict((b.value, b.label) for b in AGE_BANDS)[code]


def gender_label(code):
    return _("every gender") if code == ALL else dict(GENDERS)[code]


def tables(stats):
    """The public page's three tables: ``{name: {"title", "group", "rows": [(label, Cell)]}}``."""
    by_both = [
        (_("%(age)s, %(gender)s") % {"age": band_label(band), "gender": gender_label(gender)}, stats.cell(band, gender))
        for band in band_codes()[:-1]
        for gender in gender_codes()[:-1]
    ]
    return {
        "by_age": {"title": _("By age"), "group": _("Age"), "rows": [(band_label(b), stats.cell(b, ALL)) for b in band_codes()]},
        "by_gender": {"title": _("By gender"), "group": _("Gender"), "rows": [(gender_label(g), stats.cell(ALL, g)) for g in gender_codes()]},
        "by_both": {"title": _("By age and gender"), "group": _("Age and gender"), "rows": by_both},
    }
