"""One Eurostat observation per cell: the unique indexes (see 0005); a document keeps one per cell and document."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("indicators", "0005_observation_kind_and_one_eurostat_value_per_cell"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="observation",
            constraint=models.UniqueConstraint(
                condition=models.Q(("kind", "eurostat")),
                fields=("indicator", "geo", "period", "sex", "age_band", "unit"),
                name="one_eurostat_observation_per_cell",
            ),
        ),
        migrations.AddConstraint(
            model_name="observation",
            constraint=models.UniqueConstraint(
                condition=models.Q(("kind", "document")),
                fields=("indicator", "geo", "period", "sex", "age_band", "unit", "source"),
                name="one_observation_per_cell_and_document",
            ),
        ),
    ]
