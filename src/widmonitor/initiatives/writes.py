"""The one way initiatives are written: the back office, the Excel import, the registry loader
and moderation all save through ``save_initiatives``.

It keeps what is derived from a record true (its identifier, its period's date bounds, and,
through the ``initiatives_written`` signal, its search entry), writes the records and their
relations in a few bulk statements, and gives each record exactly one history entry,
relations included, naming who and why.
"""

from django.db import connection, transaction
from django.dispatch import Signal
from django.utils import timezone

from .models import RELATIONS, Initiative

BATCH = 500
# Sent inside the write's transaction with the pks written: derived data elsewhere (the search) follows.
initiatives_written = Signal()
NOT_WRITTEN = {"id", "created_at", "created_by"}  # set once, when the record is created


def save_initiatives(changes, user=None, reason="", fields=None):
    """Write ``changes``, pairs of (initiative, {relation: targets or their pks}); returns the initiatives.

    New initiatives (not yet in the database) are created; the others updated: all their
    fields, or only ``fields`` when given (the derived ones and ``updated_at`` always). A
    relation left out of a pair's dict keeps its links; one given is replaced whole.
    """
    now = timezone.now()
    creates = [initiative for initiative, _relations in changes if initiative._state.adding]
    updates = [initiative for initiative, _relations in changes if not initiative._state.adding]
    for initiative, _relations in changes:
        initiative.derive()
        initiative.updated_at = now
    for initiative in updates:
        initiative.version += 1
    for initiative in creates:
        initiative.created_at = now
        if initiative.created_by_id is None and user is not None and user.pk:
            initiative.created_by = user
    with transaction.atomic():
        created = Initiative.objects.bulk_create(creates, batch_size=BATCH)
        if created and created[0].pk is None:  # a database that does not return ids
            pks = dict(Initiative.objects.filter(uid__in=[i.uid for i in created]).values_list("uid", "pk"))
            for initiative in created:
                initiative.pk = pks[initiative.uid]
        if updates:
            Initiative.objects.bulk_update(updates, updated_fields(fields), batch_size=BATCH)
        for name in RELATIONS:
            targets = {i.pk: relations[name] for i, relations in changes if relations.get(name) is not None}
            replace_links(name, targets, updates)
        author = user if user is not None and user.pk else None
        about = {"default_user": author, "default_change_reason": reason, "default_date": now}
        records = Initiative.history.bulk_history_create(created, **about) or []
        records += Initiative.history.bulk_history_create(updates, update=True, **about) or []
        record_link_history(records)
        initiatives_written.send(Initiative, pks=[initiative.pk for initiative, _relations in changes])
    return [initiative for initiative, _relations in changes]


def save_initiative(initiative, relations=None, user=None, reason=""):
    """Write one initiative and its ``relations``: one history entry."""
    return save_initiatives([(initiative, relations or {})], user, reason)[0]


def updated_fields(fields):
    if fields is None:
        fields = [f.name for f in Initiative._meta.concrete_fields if f.name not in NOT_WRITTEN]
    return sorted({*fields, "uid", "starts_on", "ends_on", "version", "updated_at"})


def m2m_names(name):
    model_field = Initiative._meta.get_field(name)
    return model_field.remote_field.through, model_field.m2m_field_name(), model_field.m2m_reverse_field_name()


def links_of(name, initiative_pks=None):
    """``{initiative pk: {target pk}}`` of one relation, for ``initiative_pks`` (default: all)."""
    through, source, target = m2m_names(name)
    if initiative_pks is None:
        querysets = [through.objects.all()]
    else:
        pks = list(initiative_pks)
        querysets = [through.objects.filter(**{f"{source}_id__in": pks[i : i + BATCH]}) for i in range(0, len(pks), BATCH)]
    links = {}
    for queryset in querysets:
        for initiative_id, target_id in queryset.values_list(f"{source}_id", f"{target}_id"):
            links.setdefault(initiative_id, set()).add(target_id)
    return links


def replace_links(name, targets_by_initiative, updated):
    """Give each initiative of ``targets_by_initiative`` exactly its targets (objects or pks)."""
    if not targets_by_initiative:
        return
    through, source, target = m2m_names(name)
    updated_pks = {initiative.pk for initiative in updated}
    stale = [pk for pk in targets_by_initiative if pk in updated_pks]
    for start in range(0, len(stale), BATCH):
        through.objects.filter(**{f"{source}_id__in": stale[start : start + BATCH]}).delete()
    rows = [(pk, getattr(item, "pk", item)) for pk, targets in targets_by_initiative.items() for item in targets]
    insert_rows(through, [f"{source}_id", f"{target}_id"], rows)


def record_link_history(records):
    """Snapshot each relation beside each new history entry, as django-simple-history does on save."""
    if not records:
        return
    history_model = Initiative.history.model
    history_ids = {record.id: record.history_id for record in records}
    for name in RELATIONS:
        through, source, target = m2m_names(name)
        snapshot = getattr(history_model, name).model
        rows, ids = [], list(history_ids)
        for start in range(0, len(ids), BATCH):
            links = through.objects.filter(**{f"{source}_id__in": ids[start : start + BATCH]})
            for pk, initiative_id, target_id in links.values_list("pk", f"{source}_id", f"{target}_id"):
                rows.append((history_ids[initiative_id], pk, initiative_id, target_id))
        insert_rows(snapshot, ["history_id", "id", f"{source}_id", f"{target}_id"], rows)


def insert_rows(model, columns, rows):
    """Plain INSERTs of link rows, which have no behaviour of their own: ten times faster than bulk_create."""
    if not rows:
        return
    quote = connection.ops.quote_name
    sql = "INSERT INTO %s (%s) VALUES (%s)" % (
        quote(model._meta.db_table),
        ", ".join(quote(model._meta.get_field(column.removesuffix("_id")).column) for column in columns),
        ", ".join(["%s"] * len(columns)),
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
