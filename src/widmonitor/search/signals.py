"""The index follows the registry: initiatives saved through the write path, organisations renamed."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from widmonitor.actors.models import Organisation
from widmonitor.initiatives.writes import initiatives_written

from . import index


@receiver(initiatives_written, dispatch_uid="search.refresh_initiatives")
def refresh_initiatives(sender, pks, **kwargs):
    index.refresh(pks)


@receiver(post_save, sender=Organisation, dispatch_uid="search.refresh_organisation")
def refresh_organisation(sender, instance, **kwargs):
    index.refresh(instance.initiatives.values_list("pk", flat=True))
