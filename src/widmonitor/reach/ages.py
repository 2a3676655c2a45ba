"""The fixed age bands an outcome can be broken down by.

No indicator of ``config/indicators.yaml`` has age bands, so the list is widmonitor's own:
the bands the issue asks for (under 12, 12–18, 19–25, 26–45, 46–64, 65 and over), with
under 12 split at 6 as the strategy's sub-objectives 1.1 (<6) and 1.2 (6–12) split it.
The bands do not overlap, so the participants of an outcome's bands add up to at most its total.
Codes are stable: they are stored.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgeBand(models.TextChoices):
    UNDER_6 = "lt6", _("under 6")
    FROM_6_TO_11 = "6-11", _("6 to 11")
    FROM_12_TO_18 = "12-18", _("12 to 18")
    FROM_19_TO_25 = "19-25", _("19 to 25")
    FROM_26_TO_45 = "26-45", _("26 to 45")
    FROM_46_TO_64 = "46-64", _("46 to 64")
    FROM_65 = "65plus", _("65 and over")
