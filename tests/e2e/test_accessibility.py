"""axe-core finds no serious or critical violation on any public page type, in nl, fr and en."""

import pytest

PAGES = [
    "/{lang}/",
    "/{lang}/initiatives/",
    "/{lang}/initiatives/?q=zzzz",
    "/{lang}/initiatives/?audience=women&region=wallonia",
    "/{lang}/initiatives/mentoring-network/",
    "/{lang}/strategy/",
    "/{lang}/strategy/1/",
    "/{lang}/strategy/1.2/",
]


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_no_serious_or_critical_violation_on_any_public_page(audited, axe_source, live_server, fictional_registry, language):
    found = {}
    for template in PAGES:
        url = template.format(lang=language)
        audited.goto(live_server.url + url)
        audited.evaluate(axe_source)
        results = audited.evaluate("axe.run(document, {resultTypes: ['violations']})")
        serious = [
            f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in results["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        if serious:
            found[url] = serious
    assert found == {}
