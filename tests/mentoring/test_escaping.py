"""Every text a person, a matcher or a moderator types is shown as text, never as markup."""

import pytest

from widmonitor.mentoring import links, runs
from widmonitor.mentoring.models import Cycle, Programme

from ..partners.conftest import client_of
from .conftest import applicant

PAYLOAD = '<script>alert("x")</script>'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"


@pytest.fixture
def everything_typed(cycles, people):
    cycle = cycles[0]
    Programme.objects.filter(pk=cycle.programme.pk).update(name=f"Programme {PAYLOAD}")
    Cycle.objects.filter(pk=cycle.pk).update(name=f"Cycle {PAYLOAD}")
    cycle.refresh_from_db()
    mia = applicant(cycle, "mentee", f"Mia {PAYLOAD}", about=f"About {PAYLOAD}")
    mona = applicant(cycle, "mentor", f"Mona {PAYLOAD}", about=f"About {PAYLOAD}")
    [pair] = runs.confirm(runs.run_matching(cycle, people["moderator"]), people["moderator"])
    pair.accept("mentee"), pair.accept("mentor")
    pair.end("mentor", f"Reason {PAYLOAD}")
    return cycle, mia, mona, pair


@pytest.mark.parametrize("page", ["cycle", "programme", "programmes", "me", "pair", "apply"])
def test_typed_text_is_escaped_on_every_page(everything_typed, people, page):
    cycle, mia, mona, pair = everything_typed
    matcher = client_of(people["moderator"])
    url = {
        "cycle": f"/en/partner/mentoring/cycles/{cycle.pk}/",
        "programme": f"/en/partner/mentoring/programmes/{cycle.programme.pk}/",
        "programmes": "/en/partner/mentoring/",
        "me": f"/en/mentoring/me/{links.token('profile', profile=mia.pk)}/",
        "pair": f"/en/mentoring/pair/{links.token('pair', pair=pair.pk, role='mentee')}/",
        "apply": f"/en/mentoring/cycles/{cycle.pk}/apply/mentor/",
    }[page]
    html = matcher.get(url).content.decode()
    assert PAYLOAD not in html
    assert ESCAPED in html
