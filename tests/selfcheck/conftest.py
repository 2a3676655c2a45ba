"""The partners' world for the before-and-after checks (organisations X and Y, a record of each, a person per role)."""

from ..partners.conftest import client_of, organisations, people, records  # noqa: F401  (fixtures shared with the partners' tests)
