"""The organisations that support the strategy, from a year on; moderators keep them."""

import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models


def grant(apps, schema_editor):
    app_config = apps.get_app_config("reports")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderators, _created = Group.objects.get_or_create(name="moderators")
    for action in ("add", "change", "delete", "view"):
        moderators.permissions.add(Permission.objects.get(content_type__app_label="reports", codename=f"{action}_supporter"))


class Migration(migrations.Migration):

    dependencies = [
        ('actors', '0001_initial'),
        ('reports', '0003_text_block_translation'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalSupporter',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('since', models.PositiveSmallIntegerField(help_text='The first year it is known to support the strategy, e.g. 2022 for the organisations the 2022 edition lists.', validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='since')),
                ('until', models.PositiveSmallIntegerField(blank=True, help_text='The last year it supported the strategy; empty while it does.', null=True, validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='until')),
                ('source', models.CharField(help_text='Where this is recorded, e.g. Women in Digital – Rapport 2022 (FOD Economie), section 4.', max_length=300, verbose_name='source')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.TextField(null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('organisation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='actors.organisation', verbose_name='organisation')),
            ],
            options={
                'verbose_name': 'historical supporting organisation',
                'verbose_name_plural': 'historical supporting organisations',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='Supporter',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('since', models.PositiveSmallIntegerField(help_text='The first year it is known to support the strategy, e.g. 2022 for the organisations the 2022 edition lists.', validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='since')),
                ('until', models.PositiveSmallIntegerField(blank=True, help_text='The last year it supported the strategy; empty while it does.', null=True, validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='until')),
                ('source', models.CharField(help_text='Where this is recorded, e.g. Women in Digital – Rapport 2022 (FOD Economie), section 4.', max_length=300, verbose_name='source')),
                ('organisation', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='support', to='actors.organisation', verbose_name='organisation')),
            ],
            options={
                'verbose_name': 'supporting organisation',
                'verbose_name_plural': 'supporting organisations',
                'ordering': ['organisation__slug'],
            },
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
