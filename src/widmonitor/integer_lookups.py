"""Lookups on integer columns that find nothing for a number the column cannot hold, instead of failing.

Django answers "no rows" for ``exact``, ``gt``, ``gte``, ``lt`` and ``lte`` on an integer field
given a number outside its column's range (``IntegerFieldOverflow``), but not for ``in``, nor for a
relation's ``exact`` and ``in`` (``initiative=<id>``, ``initiative__in=[...]``): there SQLite's
driver refuses an int past 2**63 (OverflowError) and the request ends in a server error. Visitors
reach these lookups with the ids they send: checkbox and multiple-choice fields
(``pk__in``), the back office's actions (``_selected_action``) and its list filters in the query
string (``?initiative=<id>``). ``register()`` (from ``WidmonitorConfig.ready``) puts these in their
place: a number out of range matches no row, as it cannot be any row's.
"""

from django.core.exceptions import EmptyResultSet
from django.db.models import ForeignObject, IntegerField
from django.db.models.fields.related_lookups import RelatedExact, RelatedIn
from django.db.models.lookups import In


def integer_target(lookup):
    """The integer field whose column the lookup compares (a relation's target), or None."""
    field = lookup.lhs.output_field
    if hasattr(field, "path_infos"):
        field = field.path_infos[-1].target_fields[-1]
    return field if isinstance(field, IntegerField) else None


def holds(lookup, value, connection):
    """Whether ``value`` fits the lookup's integer column (anything that is not an int is left to the database)."""
    field = integer_target(lookup)
    if field is None or not isinstance(value, int) or isinstance(value, bool):
        return True
    low, high = connection.ops.integer_field_range(field.get_internal_type())
    return (low is None or value >= low) and (high is None or value <= high)


class KeepsValuesInRange:
    """For ``in``: leave out the values no row can hold; none left matches nothing."""

    def batch_process_rhs(self, compiler, connection, rhs=None):
        values = self.rhs if rhs is None else rhs
        kept = [value for value in values if holds(self, value, connection)]
        if not kept:
            raise EmptyResultSet
        return super().batch_process_rhs(compiler, connection, kept)


class IntegerIn(KeepsValuesInRange, In):
    pass


class RelatedIntegerIn(KeepsValuesInRange, RelatedIn):
    pass


class RelatedIntegerExact(RelatedExact):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value() and not holds(self, self.rhs, connection):
            raise EmptyResultSet
        return super().process_rhs(compiler, connection)


def register():
    IntegerField.register_lookup(IntegerIn)
    ForeignObject.register_lookup(RelatedIntegerIn)
    ForeignObject.register_lookup(RelatedIntegerExact)
