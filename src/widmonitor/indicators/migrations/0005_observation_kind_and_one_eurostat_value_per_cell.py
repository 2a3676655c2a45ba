"""One Eurostat observation per cell (indicator, geo, period, sex, age band, unit), first step.

Until now a cell given by two bundled files of one dataset (or by a file and the API) was
stored once per source, and both reached the pages and downloads. Each observation now carries
its source's kind, and a partial unique index keeps one Eurostat value per cell. A database
that holds such doubles keeps, of each cell, the observation loaded first (the lowest id); the
next load (``widmonitor setup`` or ``indicators fetch``) gives each cell the value of the file
the catalogue prefers, keeping a replaced value as a revision with the source it came from.
The unique indexes come in the next migration, after this one's rows are committed (PostgreSQL
alters no table with pending trigger events).
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Min, OuterRef, Subquery

KEY = ("indicator", "geo", "period", "sex", "age_band", "unit")


def copy_kinds_and_drop_doubles(apps, schema_editor):
    Observation = apps.get_model("indicators", "Observation")
    Source = apps.get_model("indicators", "Source")
    Observation.objects.update(kind=Subquery(Source.objects.filter(pk=OuterRef("source_id")).values("kind")[:1]))
    eurostat = Observation.objects.filter(kind="eurostat")
    doubles = eurostat.values(*KEY).annotate(first=Min("id"), n=models.Count("id")).filter(n__gt=1)
    for cell in list(doubles):
        eurostat.filter(**{name: cell[name] for name in KEY}).exclude(id=cell["first"]).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("indicators", "0004_observation_measure_and_caveat"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="observation",
            name="observation_key",
        ),
        migrations.AddField(
            model_name="observation",
            name="kind",
            field=models.CharField(
                choices=[("eurostat", "Eurostat dataset"), ("document", "published document")],
                default="eurostat",
                help_text="Its source's kind, written by the load: the database keeps one Eurostat value per cell.",
                max_length=10,
                verbose_name="kind of source",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="observationrevision",
            name="source",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="Where the replaced value came from; empty for a value replaced before widmonitor recorded it.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="indicators.source",
                verbose_name="source",
            ),
        ),
        migrations.RunPython(copy_kinds_and_drop_doubles, migrations.RunPython.noop),
    ]
