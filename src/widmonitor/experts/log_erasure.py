"""An erased expert's traces in the logs: the back office's log of changes and the login throttle's.

The back office (``django.contrib.admin``'s ``LogEntry``) keeps, for every change made there,
the object's name as it was (her name, for her profile and her consents; her e-mail address, for
her account) and a message that can quote it. The login throttle (django-axes) keeps each login
and failed login with the user name typed (her e-mail address) and the address it came from.
"""

import json
import re

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q


def erase_from_logs(label, name, objects, account=None):
    """Name her ``label`` in the log entries of ``objects`` (her profile, her consents, her deleted ``account``).

    Her ``name`` is replaced in those entries only (a short name could be any word elsewhere);
    the e-mail addresses of ``account`` in every entry, and its login-throttle rows are deleted.
    """
    own = {(ContentType.objects.get_for_model(item).pk, str(item.pk)) for item in [*objects, *([account] if account else [])]}
    about_her = Q(pk__in=[])
    for content_type, pk in own:
        about_her |= Q(content_type_id=content_type, object_id=pk)
    addresses = sorted({text for text in (account.username, account.email) if "@" in text}) if account else []
    for address in addresses:
        about_her |= Q(object_repr__icontains=address) | Q(change_message__icontains=address)
    for entry in LogEntry.objects.filter(about_her):
        if (entry.content_type_id, entry.object_id) in own:
            entry.object_repr = label
            entry.change_message = without(entry.change_message, [name, *addresses], label)
        else:
            entry.object_repr = without(entry.object_repr, addresses, label)
            entry.change_message = without(entry.change_message, addresses, label)
        entry.save(update_fields=["object_repr", "change_message"])
    if account:
        erase_login_records({account.username, account.email} - {""})


def without(text, quoted, label):
    """``text`` with each of ``quoted`` replaced by ``label``, as written and as a JSON message escapes it."""
    for value in filter(None, quoted):
        for written in {value, json.dumps(value)[1:-1]}:
            text = re.sub(re.escape(written), lambda _match: label, text, flags=re.IGNORECASE)
    return text


def erase_login_records(usernames):
    """Delete the login throttle's rows of these user names: each holds the name and the address it came from."""
    matching = Q(pk__in=[])
    for username in usernames:
        matching |= Q(username__iexact=username)
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(matching).delete()
