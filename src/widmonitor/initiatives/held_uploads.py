"""An uploaded workbook held between its preview and its confirmation, named by its SHA-256.

The preview signs a token naming the file's hash and the moderator; the confirmation writes
exactly the file that was previewed, or nothing. Held files live in ``HOME_DIR/uploads``
(readable by the platform only) and are removed once written, or after a day.
"""

import hashlib
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core import signing

SALT = "widmonitor.initiatives.held-upload"
MAX_AGE = 60 * 60  # seconds a preview stays confirmable
KEEP = 24 * 60 * 60  # seconds an unconfirmed upload is kept
SAFE_NAME = re.compile(r"[^\w.\- ]+")


class Expired(Exception):
    """The preview is too old, not this moderator's, or its file is gone or changed."""


@dataclass
class HeldUpload:
    digest: str
    name: str

    @property
    def path(self):
        return folder() / self.digest / self.name

    def token(self, user):
        return signing.dumps({"sha256": self.digest, "name": self.name, "user": user.pk}, salt=SALT)

    def release(self):
        shutil.rmtree(self.path.parent, ignore_errors=True)


def folder():
    path = Path(settings.HOME_DIR) / "uploads"
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def hold(upload):
    """Keep an uploaded file (a Django UploadedFile) under its hash; returns the HeldUpload."""
    forget_old()
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    held = HeldUpload(digest.hexdigest(), SAFE_NAME.sub("_", Path(upload.name).name)[:100] or "upload.xlsx")
    held.path.parent.mkdir(mode=0o700, exist_ok=True)
    with held.path.open("wb") as target:
        for chunk in upload.chunks():
            target.write(chunk)
    held.path.chmod(0o600)
    return held


def redeem(token, user):
    """The HeldUpload a preview's token names, checked: same moderator, recent, the file unchanged."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature as error:  # SignatureExpired is one
        raise Expired from error
    held = HeldUpload(data["sha256"], data["name"])
    if data["user"] != user.pk or not held.path.is_file():
        raise Expired
    if hashlib.sha256(held.path.read_bytes()).hexdigest() != held.digest:
        held.release()
        raise Expired
    return held


def forget_old():
    """Remove the uploads held longer than a day; returns how many (`widmonitor daily` runs it too)."""
    limit = time.time() - KEEP
    old = [held for held in folder().iterdir() if held.stat().st_mtime < limit]
    for held in old:
        shutil.rmtree(held, ignore_errors=True)
    return len(old)
