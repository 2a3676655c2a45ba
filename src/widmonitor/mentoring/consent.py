"""The consent texts a mentor or mentee reads when she applies, by purpose and version.

Versioned as the expert directory's (experts/consent.py): a new wording gets a new version,
consents keep the version their person read; never edit a published wording in place.
"""

from django.utils.translation import gettext_lazy as _

CYCLE, POOL = "cycle", "pool"
WORDINGS = {
    (CYCLE, "2026-1"): _(
        "I agree that the programme “%(programme)s” keeps the profile I give here (name, e-mail address, topics, "
        "languages, province, availability, goals, and for mentors a capacity) to propose me a mentoring match in its "
        "cycle, and that its matchers see it. My match sees my name and the few words about me, and once we both accept, "
        "my e-mail address. My profile is never public. It is erased %(days)s days after the cycle "
        "ends, after the last follow-up; only anonymous counts (role, gender, age band, follow-up answers) are kept for "
        "the programme's figures. I can download my data or withdraw at any time from the link in my e-mails: my profile "
        "is then erased at once."
    ),
    (POOL, "2026-1"): _(
        "I also agree to stay in the shared pool of mentors: after this cycle my mentor profile is kept, and the "
        "matchers of other mentoring programmes on widmonitor may propose me to their cycles. I can leave the pool at "
        "any time from the link in my e-mails."
    ),
}
CURRENT_WORDING = "2026-1"


def wording(purpose, programme, version=CURRENT_WORDING):
    return WORDINGS[(purpose, version)] % {"programme": programme.name, "days": programme.erase_after_days}
