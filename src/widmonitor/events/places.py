"""Where an event takes place: Belgium's ten provinces and Brussels-Capital, each in its region, or online.

No municipality list is bundled with widmonitor (config/vocabularies.yaml has the regions, not the
municipalities or provinces), so an event names its municipality as text and its province from this
fixed list; the region follows from the province. Codes are ISO 3166-2:BE without the country
prefix; the region codes are those of the controlled list of regions (config/vocabularies.yaml).
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

FLANDERS, WALLONIA, BRUSSELS = "flanders", "wallonia", "brussels"


class Province(models.TextChoices):
    ANTWERP = "VAN", _("Antwerp")
    LIMBURG = "VLI", _("Limburg")
    EAST_FLANDERS = "VOV", _("East Flanders")
    FLEMISH_BRABANT = "VBR", _("Flemish Brabant")
    WEST_FLANDERS = "VWV", _("West Flanders")
    WALLOON_BRABANT = "WBR", _("Walloon Brabant")
    HAINAUT = "WHT", _("Hainaut")
    LIEGE = "WLG", _("Liège")
    LUXEMBOURG = "WLX", _("Luxembourg")
    NAMUR = "WNA", _("Namur")
    BRUSSELS_CAPITAL = "BRU", _("Brussels-Capital")


class Region(models.TextChoices):
    FLANDERS = FLANDERS, _("Flanders")
    WALLONIA = WALLONIA, _("Wallonia")
    BRUSSELS = BRUSSELS, _("Brussels-Capital Region")


REGION_OF = {code: (BRUSSELS if code == "BRU" else FLANDERS if code.startswith("V") else WALLONIA) for code in Province.values}


@dataclass(frozen=True)
class PlaceCount:
    """How many events a province or a region has, for the map and its table."""

    code: str
    label: str
    count: int


def provinces_of(region):
    return [code for code, of in REGION_OF.items() if of == region]
