"""The full-text index of search_text: FTS5 on SQLite, GIN on PostgreSQL (see search.backends)."""

from django.db import migrations

from widmonitor.search.backends import backend


def create(apps, schema_editor):
    for statement in backend(schema_editor.connection.vendor).CREATE:
        schema_editor.execute(statement)


def drop(apps, schema_editor):
    for statement in backend(schema_editor.connection.vendor).DROP:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
