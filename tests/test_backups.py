"""`widmonitor backup` and `widmonitor restore`: the database (history included) and the site's files, all or nothing."""

import io
import json
import tarfile

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError

import widmonitor
from widmonitor import backups
from widmonitor.initiatives.models import Initiative

HELD = b"PK\x03\x04 a held workbook"


@pytest.fixture
def site(transactional_db, registry, django_user_model):
    """The bundled registry with one record rejected since (a second history entry), a partner, a held upload."""
    moderator = django_user_model.objects.create_user("moderator-b", "moderator-b@example.org", "moderator-pass-1234")
    Initiative.objects.filter(uid=Initiative.objects.order_by("uid").first().uid).reject(moderator, "a duplicate")
    partner = django_user_model.objects.create_user("partner-b", "partner-b@example.org", "partner-pass-1234")
    partner.groups.add(Group.objects.get_or_create(name="partners")[0])
    upload = settings.HOME_DIR / "uploads" / "0f" / "overview.xlsx"
    upload.parent.mkdir(parents=True)
    upload.write_bytes(HELD)
    return settings.HOME_DIR


def state():
    """What a restore must give back: every table's rows, the records, their history, the accounts, the files."""
    return {
        "rows": backups.records(),
        "initiatives": sorted(Initiative.objects.values_list("uid", "moderation", "version")),
        "history": sorted(
            Initiative.history.values_list("uid", "history_type", "history_change_reason", "moderation", "history_user__username")
        ),
        "accounts": sorted(get_user_model().objects.values_list("username", "password", "email", "groups__name")),
        "files": {name: path.read_bytes() for name, path in backups.site_files().items()},
    }


def wipe(home):
    """As on a new machine: an empty database, no files."""
    call_command("flush", interactive=False, verbosity=0)
    for name, path in backups.site_files().items():
        path.unlink()


def test_a_backup_restored_into_a_wiped_site_gives_back_every_record_its_history_and_its_files(site, tmp_path):
    before = state()
    assert before["rows"]["initiatives.historicalinitiative"] == Initiative.objects.count() + 1
    archive = tmp_path / "site.tar.gz"

    made = backups.backup(archive)
    wipe(site)
    assert backups.records() == {} and backups.site_files() == {}
    restored = backups.restore(archive)

    assert state() == before
    assert restored.manifest == made.manifest
    assert (site / "uploads" / "0f" / "overview.xlsx").stat().st_mode & 0o777 == 0o600
    assert (archive.stat().st_mode & 0o777) == 0o600


def test_the_manifest_names_the_version_date_vendor_and_counts(site, tmp_path):
    summary = backups.backup(tmp_path / "site.tar.gz")

    with tarfile.open(tmp_path / "site.tar.gz") as archive:
        manifest = json.loads(archive.extractfile("manifest.json").read())
    assert manifest == summary.manifest
    assert manifest["widmonitor"] == widmonitor.__version__ and manifest["created"][:4].isdigit()
    assert manifest["database"]["vendor"] == settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[1].replace("sqlite3", "sqlite")
    assert manifest["counts"]["initiatives.initiative"] == Initiative.objects.count()
    assert manifest["files"] == {"count": 1, "bytes": len(HELD)}
    assert "initiatives.0001_initial" in manifest["migrations"]


def test_a_backup_keeps_neither_the_static_files_the_logs_earlier_backups_nor_the_secret_key(site, tmp_path):
    for kept_out in ("static/widmonitor/portal.css", "logs/errors.log", "backups/old.tar.gz", "secret.key"):
        (site / kept_out).parent.mkdir(parents=True, exist_ok=True)
        (site / kept_out).write_text("not backed up")

    backups.backup(site / "backups" / "new.tar.gz")

    with tarfile.open(site / "backups" / "new.tar.gz") as archive:
        names = archive.getnames()
    assert [name for name in names if name.startswith("files/")] == ["files/uploads/0f/overview.xlsx"]


def test_restore_refuses_a_database_that_holds_records_and_changes_nothing_unless_forced(site, tmp_path):
    archive = tmp_path / "site.tar.gz"
    backups.backup(archive)
    Initiative.objects.filter(moderation="rejected").publish(None, "after the backup")
    (site / "uploads" / "0f" / "later.xlsx").write_bytes(b"a later upload")
    before = state()

    with pytest.raises(backups.BackupError, match=r"The database already holds records \(.*\): add --force to replace"):
        backups.restore(archive)
    assert state() == before

    backups.restore(archive, force=True)
    assert not (site / "uploads" / "0f" / "later.xlsx").exists()
    assert Initiative.objects.filter(moderation="rejected").count() == 1
    assert list(site.glob(".restore-*")) == []


def rewritten(archive, target, change_manifest=None, change_member=None, rename=None):
    """A copy of ``archive`` with its manifest or one member's bytes changed, or members renamed."""
    with tarfile.open(archive) as source, tarfile.open(target, "w:gz") as output:
        for member in source:
            data = source.extractfile(member).read()
            member.name = (rename or {}).get(member.name, member.name)
            if member.name == "manifest.json" and change_manifest:
                manifest = json.loads(data)
                change_manifest(manifest)
                data = json.dumps(manifest).encode()
            elif change_member and member.name.startswith(change_member[0]):
                data = change_member[1](data)
            member.size = len(data)
            output.addfile(member, io.BytesIO(data))
    return target


@pytest.fixture
def backed_up_then_wiped(site, tmp_path):
    archive = backups.backup(tmp_path / "site.tar.gz").path
    wipe(site)
    return archive


def test_a_backup_of_another_version_is_refused_unless_forced(backed_up_then_wiped, tmp_path):
    older = rewritten(backed_up_then_wiped, tmp_path / "older.tar.gz", lambda m: m.update(widmonitor="0.0.9"))

    with pytest.raises(backups.BackupError, match=r"made by widmonitor 0\.0\.9 and this is 0\.1\.0 \(its tables are those of this version\): restore it with that version, or add --force"):
        backups.restore(older)
    assert backups.records() == {}

    assert backups.restore(older, force=True).behind == []
    assert Initiative.objects.count() > 100


def test_a_backup_without_a_migration_of_this_version_is_restored_only_if_forced_and_says_to_run_setup(backed_up_then_wiped, tmp_path):
    older = rewritten(backed_up_then_wiped, tmp_path / "older.tar.gz", lambda m: m["migrations"].remove("reach.0002_moderator_permissions"))

    with pytest.raises(backups.BackupError, match=r"its database lacks 1 migration\(s\) of this version, which `widmonitor setup` applies"):
        backups.restore(older)

    assert backups.restore(older, force=True).behind == ["reach.0002_moderator_permissions"]


def test_a_backup_of_a_later_version_is_refused_even_if_forced(backed_up_then_wiped, tmp_path):
    later = rewritten(backed_up_then_wiped, tmp_path / "later.tar.gz", lambda m: m["migrations"].append("initiatives.9999_from_the_future"))

    with pytest.raises(backups.BackupError, match=r"has migrations this version \(0\.1\.0\) does not know \(initiatives\.9999_from_the_future\): restore it with that version"):
        backups.restore(later, force=True)
    assert backups.records() == {}


def test_a_backup_of_another_database_vendor_is_refused(backed_up_then_wiped, tmp_path):
    ours, theirs = ("sqlite", "postgresql") if backups.vendor() == "sqlite" else ("postgresql", "sqlite")
    ours_member, theirs_member = backups.DATABASE_MEMBER[ours], backups.DATABASE_MEMBER[theirs]

    def claim_the_other_vendor(manifest):
        manifest["database"] = {"vendor": theirs, "member": theirs_member}
        manifest["sha256"][theirs_member] = manifest["sha256"].pop(ours_member)

    other = rewritten(backed_up_then_wiped, tmp_path / "other.tar.gz", claim_the_other_vendor, rename={ours_member: theirs_member})

    names = backups.VENDOR_NAMES
    with pytest.raises(backups.BackupError, match=rf"This backup holds a {names[theirs]} database and this site uses {names[ours]}: restore it into a site with the same database"):
        backups.restore(other, force=True)
    assert backups.records() == {}


def test_a_damaged_archive_is_refused_before_anything_changes(backed_up_then_wiped, tmp_path):
    damaged = rewritten(backed_up_then_wiped, tmp_path / "damaged.tar.gz", change_member=("files/uploads", lambda data: data + b"!"))

    with pytest.raises(backups.BackupError, match=r"is damaged: files/uploads/0f/overview\.xlsx is not what was backed up"):
        backups.restore(damaged)
    assert backups.records() == {} and backups.site_files() == {}


def test_a_database_copy_that_differs_from_its_manifest_restores_nothing_database_or_files(site, tmp_path):
    """On PostgreSQL the counts are checked after the wipe and the load, in their transaction: all of it rolls back."""
    archive = backups.backup(tmp_path / "site.tar.gz").path
    Initiative.objects.filter(moderation="rejected").publish(None, "after the backup")
    (site / "uploads" / "0f" / "later.xlsx").write_bytes(b"a later upload")
    before = state()
    altered = rewritten(archive, tmp_path / "altered.tar.gz", lambda m: m["counts"].update({"initiatives.initiative": 1}))

    with pytest.raises(backups.BackupError, match=r"holds \d+ rows of initiatives\.initiative where its manifest says 1"):
        backups.restore(altered, force=True)
    assert state() == before


def test_the_commands_say_what_they_did_and_refuse_in_one_sentence(site, tmp_path, capsys):
    call_command("backup", "--out", str(tmp_path / "site.tar.gz"))
    assert capsys.readouterr().out.startswith(f"Backed up to {tmp_path / 'site.tar.gz'}: the ")

    with pytest.raises(CommandError, match=r"The database already holds records"):
        call_command("restore", str(tmp_path / "site.tar.gz"))
    with pytest.raises(CommandError, match=r"is not a file: name a backup made by `widmonitor backup`"):
        call_command("restore", str(tmp_path / "nothing.tar.gz"))
    (tmp_path / "not-a-backup.tar.gz").write_bytes(b"plain text")
    with pytest.raises(CommandError, match=r"cannot be read as a widmonitor backup"):
        call_command("restore", str(tmp_path / "not-a-backup.tar.gz"))

    call_command("restore", str(tmp_path / "site.tar.gz"), "--force")
    assert f"and 1 file(s) of {len(HELD)} bytes" in capsys.readouterr().out
