"""Each search entry holds what a result card shows, so that a page of results reads its cards in one query."""

from django.db import migrations, models

from widmonitor.search.index import card


def fill_cards(apps, schema_editor):
    """The card of every entry there is, as the index writes it (derived data: built from the historical models)."""
    SearchEntry = apps.get_model("search", "SearchEntry")
    Initiative = apps.get_model("initiatives", "Initiative")
    entries = SearchEntry.objects.values_list("pk", flat=True)
    initiatives = Initiative.objects.filter(pk__in=entries).prefetch_related("organisations", "objectives__strategy")
    for initiative in initiatives.iterator(chunk_size=500):
        SearchEntry.objects.filter(pk=initiative.pk).update(card=card(initiative))


class Migration(migrations.Migration):
    dependencies = [("search", "0004_incremental_index"), ("initiatives", "0006_initiative_digcomp")]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="card",
            field=models.JSONField(default=dict, help_text="What a result list shows of it (``cards.Card``), read in one query."),
        ),
        migrations.RunPython(fill_cards, migrations.RunPython.noop),
    ]
