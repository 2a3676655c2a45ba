"""The index follows the registry: initiatives saved through the write path or deleted, organisations renamed or deleted."""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from widmonitor.actors.models import Organisation
from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import initiatives_written

from . import cache, index


@receiver(initiatives_written, dispatch_uid="search.refresh_initiatives")
def refresh_initiatives(sender, pks, **kwargs):
    index.refresh(pks)


@receiver(post_save, sender=Organisation, dispatch_uid="search.refresh_organisation")
def refresh_organisation(sender, instance, **kwargs):
    index.refresh(instance.initiatives.values_list("pk", flat=True))


@receiver(post_delete, sender=Initiative, dispatch_uid="search.forget_initiative")
def forget_initiative(sender, instance, **kwargs):
    """Its entry went with it (a cascade): the searches cached and the workers' snapshots must not keep it."""
    cache.move_on([instance.pk])


@receiver(pre_delete, sender=Organisation, dispatch_uid="search.note_organisations_initiatives")
def note_organisations_initiatives(sender, instance, **kwargs):
    instance.search_pks = list(instance.initiatives.values_list("pk", flat=True))  # its links go before post_delete


@receiver(post_delete, sender=Organisation, dispatch_uid="search.refresh_without_organisation")
def refresh_without_organisation(sender, instance, **kwargs):
    index.refresh(getattr(instance, "search_pks", []))
