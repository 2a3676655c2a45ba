"""The e-mails inviting partners to complete their records, one a month at most each; moderators may read them."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models


def grant(apps, schema_editor):
    app_config = apps.get_app_config("partners")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    moderators, _created = apps.get_model("auth", "Group").objects.get_or_create(name="moderators")
    moderators.permissions.add(Permission.objects.get(content_type__app_label="partners", codename="view_completionreminder"))


class Migration(migrations.Migration):

    dependencies = [
        ('partners', '0003_mail_language'),
        ('partners', '0002_moderator_permissions'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='CompletionReminder',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sent_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='sent')),
                ('records', models.PositiveIntegerField(help_text='How many of her records the e-mail listed, e.g. 7.', verbose_name='records to complete')),
                ('sent_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='sent by')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='completion_reminders', to=settings.AUTH_USER_MODEL, verbose_name='partner')),
            ],
            options={
                'verbose_name': 'completion reminder',
                'verbose_name_plural': 'completion reminders',
                'ordering': ['-sent_at'],
            },
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
