"""The self-check statistics as a dataset of the open data catalogue (``opendata.datasets``)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from widmonitor.opendata.datasets import Dataset, Distribution, in_languages, paths

from .models import SharedCheck


def statistics_dataset():
    months = SharedCheck.objects.dates("month", "year")
    return Dataset(
        key="self-check-statistics",
        title=in_languages(lambda: _("DigComp 2.2 self-check statistics")),
        description=in_languages(lambda: _(
            "The mean self-assessed level per area of DigComp 2.2 (0 to 3) of the people who chose to give their "
            "self-check to the statistics, by age band and gender. A cell of fewer than 10 self-checks is hidden, "
            "and so is any cell that could be computed back from the totals. Codes only."
        )),  # fmt: skip
        landing_pages=paths("selfcheck:statistics"),
        themes=("SOCI", "EDUC"),
        keywords=in_languages(lambda: [_("digital skills"), "DigComp", _("gender statistics")]),
        first_year=months.first().year if months else None,
        last_year=months.last().year if months else None,
        distributions=[
            Distribution("csv", reverse("selfcheck:statistics_download", args=["csv"]), "CSV", "CSV"),
            Distribution("json", reverse("selfcheck:statistics_download", args=["json"]), "JSON", "JSON"),
        ],
    )
