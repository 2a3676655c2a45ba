"""axe-core finds no serious or critical violation on any public page type, in nl, fr and en."""

import pytest

from .conftest import serious_violations

PAGES = [
    "/{lang}/",
    "/{lang}/initiatives/",
    "/{lang}/initiatives/?q=zzzz",
    "/{lang}/initiatives/?audience=women&region=wallonia",
    "/{lang}/initiatives/mentoring-network/",
    "/{lang}/strategy/",
    "/{lang}/strategy/1/",
    "/{lang}/strategy/1.2/",
    "/{lang}/organisations/nobody/",
    "/{lang}/coverage/",
    "/{lang}/finder/",
    "/{lang}/finder/?situation=job-seeker&free=on",
    "/{lang}/partner/login/",
]


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_no_serious_or_critical_violation_on_any_public_page(audited, axe_source, live_server, fictional_registry, language):
    found = {}
    for template in PAGES:
        url = template.format(lang=language)
        audited.goto(live_server.url + url)
        serious = serious_violations(audited, axe_source)
        if serious:
            found[url] = serious
    assert found == {}
