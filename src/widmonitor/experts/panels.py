"""Panel balance: the share of women on a panel and the Inclusive Panels charter's aim of mixed panels.

Pure functions over counts (no names, no personal data). The rule applied, and its source:

The Inclusive Panels charter for organisations (Belgium; an initiative of Women in Finance,
Women on Board and the Diversity Managers Association Belgium, supported by Febelfin;
https://inclusivepanels.be/nl/charter-organisatie) defines a panel as a gathering of three or
more specialists, and its signatories commit to invite a mix of women and men systematically
and to try to avoid homogeneous panels. It sets no minimum share. widmonitor reads that aim as:
a panel of three or more speakers meets it when at least one woman and at least one man speak.
See data/experts/README.md.
"""

from dataclasses import dataclass
from enum import Enum

from django.utils.translation import gettext_lazy as _

from widmonitor.reach.models import share

CHARTER_URL = "https://inclusivepanels.be/nl/charter-organisatie"
PANEL_MINIMUM = 3  # the charter's definition: three or more specialists


class Verdict(Enum):
    MEETS = "meets"
    NOT_MET = "not-met"
    UNKNOWN = "unknown"  # not stated genders could decide it
    NOT_A_PANEL = "not-a-panel"  # fewer speakers than the charter's definition of a panel
    EMPTY = "empty"


SENTENCES = {
    Verdict.MEETS: _("This panel meets the Inclusive Panels charter's aim: women and men both speak."),
    Verdict.NOT_MET: _("This panel does not meet the Inclusive Panels charter's aim: it needs at least one woman and one man."),
    Verdict.UNKNOWN: _(
        "We cannot tell whether this panel meets the Inclusive Panels charter's aim: it depends on the speakers whose gender is not stated."
    ),
    Verdict.NOT_A_PANEL: _(
        "With fewer than %(minimum)s speakers this is not a panel in the charter's sense (three or more specialists); the rule is not applied."
    ),
    Verdict.EMPTY: _("Enter the number of speakers to check the panel."),
}


@dataclass(frozen=True)
class PanelCounts:
    women: int = 0
    men: int = 0
    non_binary: int = 0
    not_stated: int = 0

    def __post_init__(self):
        for name in ("women", "men", "non_binary", "not_stated"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} cannot be negative")

    @property
    def total(self):
        return self.women + self.men + self.non_binary + self.not_stated

    @property
    def stated(self):
        return self.total - self.not_stated


@dataclass(frozen=True)
class Assessment:
    counts: PanelCounts
    women_share: float | None  # women among all speakers, 0..1; None for an empty panel
    women_share_of_stated: float | None  # women among speakers whose gender is stated
    verdict: Verdict

    @property
    def sentence(self):
        return SENTENCES[self.verdict] % {"minimum": PANEL_MINIMUM}

    @property
    def women_percent(self):
        return None if self.women_share is None else round(100 * self.women_share, 1)

    @property
    def women_percent_of_stated(self):
        return None if self.women_share_of_stated is None else round(100 * self.women_share_of_stated, 1)


def verdict(counts):
    """The charter rule: three or more speakers, at least one woman and one man."""
    if counts.total == 0:
        return Verdict.EMPTY
    if counts.total < PANEL_MINIMUM:
        return Verdict.NOT_A_PANEL
    if counts.women >= 1 and counts.men >= 1:
        return Verdict.MEETS
    missing = (counts.women == 0) + (counts.men == 0)
    if counts.not_stated >= missing:
        return Verdict.UNKNOWN
    return Verdict.NOT_MET


def assess(counts):
    return Assessment(
        counts=counts,
        women_share=share(counts.women, counts.total),
        women_share_of_stated=share(counts.women, counts.stated),
        verdict=verdict(counts),
    )
