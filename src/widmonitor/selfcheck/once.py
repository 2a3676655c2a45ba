"""A result page's single-use key to store it: one self-check, stored once, whatever she presses again.

The result page carries a signed random key (``issue``, ``django.core.signing``, valid ``MAX_AGE``).
Storing it (for the statistics, or for an initiative's start or end) spends the key (``spend``):
only a one-way hash of a spent key is kept, with the day it was spent, in ``UsedStoreKey`` –
no link to what was stored, so the hash cannot tell whose check it was. A key spent or forged
raises ``KeyRefused``; the daily job ``forget_spent_keys`` deletes the hashes of keys expired.
"""

import datetime
import hashlib
import secrets

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import UsedStoreKey

MAX_AGE = 24 * 3600  # seconds a result page can be stored after it was shown
SALT = "widmonitor.selfcheck.store"


class KeyRefused(Exception):
    """The result page's key cannot store: ``text`` says why, for her."""

    def __init__(self, text):
        super().__init__(text)
        self.text = text


def issue():
    """A new signed random key for one result page."""
    return signing.dumps(secrets.token_urlsafe(16), salt=SALT)


def digest(key):
    return hashlib.sha256(key.encode()).hexdigest()


def spend(signed):
    """Spend the key of a result page (inside the transaction that stores); KeyRefused when it is spent, expired or forged."""
    try:
        key = signing.loads(signed or "", salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired as error:
        raise KeyRefused(_("This result page is more than a day old, so nothing was stored. Take the self-check again to store it.")) from error
    except signing.BadSignature as error:
        raise KeyRefused(_("This result page cannot be stored: its key is missing or was changed. Nothing was stored. Take the self-check again.")) from error
    try:
        with transaction.atomic():
            UsedStoreKey.objects.create(digest=digest(key), day=timezone.localdate())
    except IntegrityError as error:
        raise KeyRefused(_("These answers have already been stored once: nothing was stored again.")) from error


def forget_spent_keys():
    """Delete the hashes of keys that have expired: spent on a day before yesterday. Returns how many."""
    # A key, issued before it was spent, expires at the latest MAX_AGE after the end of the day it was spent.
    before = timezone.localdate() - datetime.timedelta(days=MAX_AGE // (24 * 3600))
    count, _by_model = UsedStoreKey.objects.filter(day__lt=before).delete()
    return count
