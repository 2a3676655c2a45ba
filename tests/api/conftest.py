"""Records beside the fictional registry that a public answer must handle with care."""

import pytest
from django.http import QueryDict

from widmonitor.actors.models import Organisation
from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import save_initiatives
from widmonitor.search.query import PER_PAGE, SearchQuery, search
from widmonitor.vocabularies.models import Term

PAYLOAD = '<script>alert("x")</script><b>bold</b>'
FORMULA = '=HYPERLINK("http://evil.example","click")'
CONTACT = {"contact_name": "Private Person", "contact_email": "private.person@example.org"}


@pytest.fixture
def careful_registry(fictional_registry):
    """A published record with contact data, an organisation, a formula title and a script payload."""
    organisation = Organisation.objects.create(slug="code-club", name={"nl": "Codeclub", "fr": "Club de code"}, original_language="nl")
    hidden = Organisation.objects.create(slug="only-drafts", name={"en": "Only drafts"}, original_language="en")
    records = [
        (
            Initiative(uid="formula-title", original_language="en", title={"en": FORMULA}, summary={"en": PAYLOAD}, moderation="published", url="https://example.org/x", **CONTACT),
            {"organisations": [organisation], "audiences": list(Term.objects.filter(vocabulary="audience", code="girls"))},
        ),
        (
            Initiative(uid="script-title", original_language="nl", title={"nl": PAYLOAD, "en": "-1 +1 @sum"}, moderation="published", **CONTACT),
            {"organisations": [organisation]},
        ),
        (Initiative(uid="hidden-submission", original_language="en", title={"en": "Submitted, not yet public"}, moderation="submitted", **CONTACT), {"organisations": [hidden]}),
    ]
    save_initiatives(records, reason="Careful test records")
    return organisation


def portal_uids(language, query_string):
    """The initiatives the portal's search page lists for ``query_string``, as its view asks for them."""
    query = SearchQuery.from_params(QueryDict(query_string))
    results = search(query, language)
    assert results.total <= PER_PAGE  # one portal page holds them all
    return [initiative.uid for initiative in results.initiatives]
