"""The site's main menu and footer: the same on every page but for the entry marked as the current one.

Every page names some twenty addresses in them; reversing and rendering those on each request
cost a search page about an eighth of its time, so each language's menu is rendered once per
entry marked and kept for the life of the process (addresses and translations do not change
while it runs).
"""

from functools import lru_cache

from django.template.loader import render_to_string

# The menu's entries: (key, the URL names of the pages that belong to it, or its apps' names).
PAGES = {"home": "home", "initiatives": "initiatives", "finder": "finder", "strategy": "strategy", "coverage": "coverage"}
APPS = {
    "events": "events",
    "indicators": "indicators",
    "reports": "reports",
    "calls": "calls",
    "experts": "experts",
    "panels": "experts",
    "jobads": "jobads",
    "partners": "partners",
    "reach": "partners",
    "expert_invitations": "partners",
}
CALLS_FOR_APPLICANTS = {"applications", "apply", "application"}  # an applicant's own pages, not the public list


def section(match):
    """The key of the menu entry the page matched by ``match`` (a ResolverMatch, or None) belongs to, or ""."""
    if match is None:
        return ""
    if match.app_name == "portal":
        return PAGES.get(match.url_name, "")
    if match.app_name == "calls" and match.url_name in CALLS_FOR_APPLICANTS:
        return ""
    return APPS.get(match.app_name, "")


@lru_cache(maxsize=512)
def rendered(template, language, current):
    """``template`` rendered with the entry ``current`` marked, in ``language`` (the active one: part of the key)."""
    return render_to_string(template, {"current": current})
