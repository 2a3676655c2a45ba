"""The apps depend on each other in one direction: no app imports another that imports it back."""

import ast
from pathlib import Path

from django.conf import settings

SOURCE = Path(settings.REPO_DIR) / "src" / "widmonitor"
APPS = sorted(path.parent.name for path in SOURCE.glob("*/apps.py"))


def app_imports(app):
    """The other apps that ``app``'s modules import, anywhere in the module (local imports too)."""
    found = set()
    for path in (SOURCE / app).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                parts = name.split(".")
                if parts[0] == "widmonitor" and len(parts) > 1 and parts[1] in APPS and parts[1] != app:
                    found.add(parts[1])
    return found


def test_there_are_apps_to_check():
    assert {"vocabularies", "strategy", "actors", "initiatives"} <= set(APPS)


def test_no_app_imports_another_in_a_cycle():
    graph = {app: app_imports(app) for app in APPS}
    order, done = [], set()

    def visit(app, path):
        assert app not in path, f"import cycle: {' -> '.join([*path, app])}"
        if app not in done:
            for other in sorted(graph[app]):
                visit(other, [*path, app])
            done.add(app)
            order.append(app)

    for app in APPS:
        visit(app, [])
    assert order.index("vocabularies") < order.index("actors") < order.index("initiatives")
