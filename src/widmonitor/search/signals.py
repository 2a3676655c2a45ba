"""The index follows the registry: initiatives saved through the write path or deleted, organisations renamed or
deleted, and the audiences the strategy names for an objective (which its initiatives carry as implied)."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from widmonitor.actors.models import Organisation
from widmonitor.initiatives.models import Initiative
from widmonitor.initiatives.writes import initiatives_written
from widmonitor.strategy.models import Objective

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


@receiver(pre_save, sender=Objective, dispatch_uid="search.note_objective_age_band")
def note_objective_age_band(sender, instance, **kwargs):
    stored = Objective.objects.filter(pk=instance.pk).values_list("age_band", flat=True).first() if instance.pk else None
    instance.age_band_changed = stored is not None and stored != instance.age_band


@receiver(post_save, sender=Objective, dispatch_uid="search.refresh_objective")
def refresh_objective(sender, instance, **kwargs):
    """A new age band is a new implied audience of its initiatives (a new objective has none yet)."""
    if getattr(instance, "age_band_changed", False):
        index.refresh(Initiative.objects.serving(instance).values_list("pk", flat=True))


@receiver(m2m_changed, sender=Objective.audiences.through, dispatch_uid="search.refresh_objective_audiences")
def refresh_objective_audiences(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    objectives = Objective.objects.filter(pk__in=pk_set or ()) if reverse else [instance]
    pks = set()
    for objective in objectives:
        pks |= set(Initiative.objects.serving(objective).values_list("pk", flat=True))
    index.refresh(pks)
