"""Text blocks say whether they are a translation; subsections of the current situation and the strategy.

Until now the first block written of a section and year was its original: the blocks written
after it are marked as translations, so every report reads as before.
"""

from django.db import migrations, models


def mark_translations(apps, schema_editor):
    TextBlock = apps.get_model("reports", "TextBlock")
    seen = set()
    later = []
    for pk, year, section in TextBlock.objects.order_by("pk").values_list("pk", "year", "section"):
        if (year, section) in seen:
            later.append(pk)
        seen.add((year, section))
    TextBlock.objects.filter(pk__in=later).update(is_translation=True)


class Migration(migrations.Migration):

    dependencies = [
        ('reports', '0002_moderator_permissions'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicaltextblock',
            name='is_translation',
            field=models.BooleanField(default=False, help_text="Ticked: a translation of the section's original (its block in another language that is not ticked), e.g. the French text translated for widmonitor from the Dutch edition.", verbose_name='translation'),
        ),
        migrations.AddField(
            model_name='textblock',
            name='is_translation',
            field=models.BooleanField(default=False, help_text="Ticked: a translation of the section's original (its block in another language that is not ticked), e.g. the French text translated for widmonitor from the Dutch edition.", verbose_name='translation'),
        ),
        migrations.AlterField(
            model_name='historicaltextblock',
            name='section',
            field=models.CharField(choices=[('foreword', 'Foreword'), ('introduction', 'Introduction'), ('situation', 'Current situation'), ('situation.1', 'Current situation, subsection 1'), ('situation.2', 'Current situation, subsection 2'), ('situation.3', 'Current situation, subsection 3'), ('situation.4', 'Current situation, subsection 4'), ('situation.5', 'Current situation, subsection 5'), ('strategy', 'The strategy'), ('strategy.1', 'The strategy, subsection 1'), ('strategy.2', 'The strategy, subsection 2'), ('strategy.3', 'The strategy, subsection 3'), ('strategy.4', 'The strategy, subsection 4'), ('strategy.5', 'The strategy, subsection 5'), ('follow_up', "The working group's follow-up"), ('initiatives', 'Initiatives per objective'), ('next_steps', 'Possible next steps'), ('conclusion', 'Conclusion')], max_length=20, verbose_name='section'),
        ),
        migrations.AlterField(
            model_name='textblock',
            name='section',
            field=models.CharField(choices=[('foreword', 'Foreword'), ('introduction', 'Introduction'), ('situation', 'Current situation'), ('situation.1', 'Current situation, subsection 1'), ('situation.2', 'Current situation, subsection 2'), ('situation.3', 'Current situation, subsection 3'), ('situation.4', 'Current situation, subsection 4'), ('situation.5', 'Current situation, subsection 5'), ('strategy', 'The strategy'), ('strategy.1', 'The strategy, subsection 1'), ('strategy.2', 'The strategy, subsection 2'), ('strategy.3', 'The strategy, subsection 3'), ('strategy.4', 'The strategy, subsection 4'), ('strategy.5', 'The strategy, subsection 5'), ('follow_up', "The working group's follow-up"), ('initiatives', 'Initiatives per objective'), ('next_steps', 'Possible next steps'), ('conclusion', 'Conclusion')], max_length=20, verbose_name='section'),
        ),
        migrations.RunPython(mark_translations, migrations.RunPython.noop),
    ]
