"""The bundled registry searched by audience: "girls" finds the initiatives of objective 1, which the strategy says are for girls."""

import re

from widmonitor.initiatives.models import Initiative
from widmonitor.strategy.models import Objective


def test_girls_finds_every_initiative_of_objective_1_s_sub_objectives(db, bundled_registry, anonymous):
    objective_1 = Objective.objects.current().get(code="1")
    serving = set(Initiative.objects.published().serving(objective_1).values_list("uid", flat=True))
    assert len(serving) > 30
    html = anonymous.get("/en/initiatives/?audience=girls").content.decode()
    total = int(re.search(r'<h2 id="results-title"[^>]*>(\d+) initiatives', html).group(1))
    found = {row["uid"] for row in anonymous.get("/en/initiatives/download.json?audience=girls").json()["initiatives"]}
    assert serving <= found and total == len(found)
