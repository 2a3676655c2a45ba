"""E-mail a partner when a moderator publishes or rejects the initiative she submitted.

The back office's publish and reject actions save through the write path, which announces
every write with ``initiatives_written``; the e-mail leaves once the write is committed.
"""

from django.db import transaction
from django.dispatch import receiver

from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import BATCH, initiatives_written
from widmonitor.vocabularies.choices import Moderation

from .emails import send_moderation_notice

DECIDED = (Moderation.PUBLISHED, Moderation.REJECTED)


@receiver(initiatives_written)
def notify_submitters(sender, pks, **kwargs):
    for start in range(0, len(pks), BATCH):
        decided = Initiative.objects.filter(
            pk__in=pks[start : start + BATCH], moderation__in=DECIDED, created_by__groups__name="partners"
        )
        for initiative in decided.select_related("created_by"):
            notify_if_changed(initiative)


def notify_if_changed(initiative):
    """E-mail the submitter if this write changed the record's moderation state."""
    latest, *earlier = initiative.history.order_by("-history_date", "-history_id")[:2]
    if earlier and earlier[0].moderation != initiative.moderation:
        # robust: an unforeseen error is logged, and the batch's later notices still leave
        transaction.on_commit(lambda: send_moderation_notice(initiative, latest.history_change_reason), robust=True)
