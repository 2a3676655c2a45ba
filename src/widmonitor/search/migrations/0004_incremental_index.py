"""The index kept by each worker, change by change: a log of changes, the words of each text; no full-text tables."""

from django.db import migrations, models

from widmonitor.search.backends import backend


def drop_full_text(apps, schema_editor):
    for statement in backend(schema_editor.connection.vendor).DROP:
        schema_editor.execute(statement)


def create_full_text(apps, schema_editor):
    for statement in backend(schema_editor.connection.vendor).CREATE:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_generation")]

    operations = [
        migrations.RunPython(drop_full_text, create_full_text),
        migrations.AddField(
            model_name="searchtext",
            name="words",
            field=models.TextField(default="", help_text="The distinct folded words the terms come from, e.g. programmeren."),
        ),
        migrations.CreateModel(
            name="Change",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.PositiveBigIntegerField(db_index=True)),
                ("initiative_id", models.BigIntegerField(null=True)),
            ],
            options={"db_table": "search_change"},
        ),
    ]
