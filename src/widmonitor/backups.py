"""A site's backup: its database and the files it keeps in ``WIDMONITOR_HOME``, in one archive with a manifest.

The archive is a gzipped tar holding:

- ``manifest.json``: the format, widmonitor's version, the date, the database's vendor, its applied
  migrations, the rows of every table (by model) and the files, and the SHA-256 of every other member;
- the database: ``database.sqlite3``, a copy made with SQLite's online backup API, or ``database.sql``,
  PostgreSQL's ``pg_dump`` (plain SQL, without owners or privileges); the counts are taken from the
  same state (the copy; the dump's exported snapshot), so a site may keep running during a backup;
- ``files/``: what ``WIDMONITOR_HOME`` keeps besides the database: uploads held for confirmation and
  whatever else the platform stores there. Not the collected static files (``widmonitor setup``
  makes them again), the logs, earlier backups, nor the generated secret key: a leaked archive
  must not let anyone sign a session for the site.

The database is copied by its own tools rather than Django's dumpdata/loaddata: they copy what is
not a Django model too (the full-text search's tables and indexes), keep ids and sequences exactly,
stream instead of holding every row in memory, and restore in one transaction without sending any
model signal. The price is that an archive restores into a database of the same vendor only.

A restore reads and checks everything first (manifest, version, migrations, every member's hash and
the database copy's row counts), refuses a database that already holds records unless forced, then
replaces the database in one transaction (PostgreSQL: the wipe, the dump and a check of every count
in one ``psql --single-transaction``; SQLite: one backup-API step), then the files.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

import widmonitor

FORMAT = "widmonitor-backup 1"
MANIFEST = "manifest.json"
DATABASE_MEMBER = {"sqlite": "database.sqlite3", "postgresql": "database.sql"}
VENDOR_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
FILES = "files"
# In WIDMONITOR_HOME but not the site's data: made again, the server's own, or secret (see above).
NOT_BACKED_UP = {"static", "logs", "backups", "secret.key"}
STAGING_PREFIX = ".restore-"
MADE_BY_MIGRATIONS = {"contenttypes.contenttype", "auth.permission", "auth.group", "auth.group_permissions"}
CHUNK = 1 << 20


class BackupError(Exception):
    """The backup or the restore could not be made; nothing was changed. Its text says what to do."""


@dataclass
class Summary:
    path: Path
    manifest: dict
    behind: list = field(default_factory=list)  # migrations of this version the restored database lacks

    def __str__(self):
        manifest = self.manifest
        rows = sum(manifest["counts"].values())
        tables = sum(1 for count in manifest["counts"].values() if count)
        return (
            f"{self.path}: the {VENDOR_NAMES[manifest['database']['vendor']]} database of widmonitor {manifest['widmonitor']} "
            f"({rows} rows in {tables} tables) and {manifest['files']['count']} file(s) of {manifest['files']['bytes']} bytes, "
            f"made {manifest['created']}."
        )


def default_path():
    return settings.HOME_DIR / "backups" / f"widmonitor-{timezone.localtime():%Y%m%d-%H%M%S}.tar.gz"


def backup(path=None):
    """Write the site's database and files into the archive ``path`` (made readable by its owner only)."""
    path = Path(path or default_path()).resolve()
    partial = path.with_name(path.name + ".partial")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".widmonitor-backup-", dir=path.parent) as scratch:  # beside it: the disk it fills
            manifest = write_archive(path, partial, Path(scratch) / DATABASE_MEMBER[vendor()])
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise BackupError(f"The backup could not be written to {path} ({error}): choose another place with --out.") from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return Summary(path, manifest)


def write_archive(path, partial, database_file):
    counts, migrations = copy_database(database_file)
    files = site_files(exclude=path)
    manifest = {
        "format": FORMAT,
        "widmonitor": widmonitor.__version__,
        "created": timezone.now().isoformat(timespec="seconds"),
        "database": {"vendor": vendor(), "member": database_file.name},
        "migrations": migrations,
        "counts": counts,
        "files": {"count": len(files), "bytes": sum(file.stat().st_size for file in files.values())},
        "sha256": {database_file.name: sha256(database_file)} | {f"{FILES}/{name}": sha256(file) for name, file in files.items()},
    }
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as output, tarfile.open(fileobj=output, mode="w:gz") as archive:
        add_bytes(archive, MANIFEST, json.dumps(manifest, indent=1, sort_keys=True).encode())
        archive.add(database_file, arcname=database_file.name)
        for name, file in files.items():
            archive.add(file, arcname=f"{FILES}/{name}")
    os.replace(partial, path)
    return manifest


def vendor():
    if connection.vendor not in DATABASE_MEMBER:
        raise BackupError(f"widmonitor backs up SQLite and PostgreSQL databases, not {connection.vendor}.")
    return connection.vendor


def copy_database(target):
    """Copy the database into the file ``target``; returns its rows per model and its applied migrations, as copied."""
    if vendor() == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            connection.connection.backup(copy)  # a consistent copy, page by page, while others keep writing
            return database_contents(copy.cursor())
        finally:
            copy.close()
    if connection.in_atomic_block:
        raise BackupError("A backup cannot run inside a transaction: its snapshot must be the first thing the transaction does.")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        contents = database_contents(cursor)  # the state the dump sees, whatever is written meanwhile
        run_postgres("pg_dump", "--no-owner", "--no-privileges", "--format=plain", f"--snapshot={snapshot}", f"--file={target}")
    return contents


def database_contents(cursor):
    cursor.execute("SELECT app, name FROM django_migrations")
    migrations = sorted(f"{app}.{name}" for app, name in cursor.fetchall())
    return {label: count_rows(cursor, table) for label, table in tables().items()}, migrations


def tables():
    """Every table of the installed apps' models (relations' tables too), by the model's label."""
    found = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            found[model._meta.label_lower] = model._meta.db_table
    return dict(sorted(found.items()))


def count_rows(cursor, table):
    cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
    return cursor.fetchone()[0]


def site_files(exclude=None):
    """The files of ``WIDMONITOR_HOME`` a backup keeps, by their path under it (POSIX form)."""
    home = Path(settings.HOME_DIR)
    found = {}
    for top in site_entries(home):
        for file in sorted(top.rglob("*")) if top.is_dir() else [top]:
            if file.is_file() and not file.is_symlink() and file.resolve() != exclude:
                found[file.relative_to(home).as_posix()] = file
    return found


def site_entries(home):
    """The files and folders directly in ``home`` that a backup keeps and a restore replaces."""
    skipped = set(NOT_BACKED_UP) | database_file_names(home)
    entries = sorted(home.iterdir()) if home.is_dir() else []
    return [entry for entry in entries if entry.name not in skipped and not entry.name.startswith(STAGING_PREFIX)]


def database_file_names(home):
    """The SQLite database's file and its journals, if they live in ``home``."""
    if connection.vendor != "sqlite":
        return set()
    database = Path(str(connection.settings_dict["NAME"]))
    if database.parent.resolve() != home.resolve():
        return set()
    return {database.name + suffix for suffix in ("", "-journal", "-wal", "-shm")}


def add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = len(data), 0o600, int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def restore(path, force=False):
    """Replace the site's database and files with those of the archive ``path``: all of it, or nothing.

    Returns the archive's Summary; its ``behind`` names the migrations this version has that the
    backup lacks (with ``force`` only), which `widmonitor setup` then applies.
    """
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} is not a file: name a backup made by `widmonitor backup`.")
    home = Path(settings.HOME_DIR)
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=home))  # beside the files it replaces: renames, not copies
    try:
        manifest = unpack(path, staging)
        behind = refuse_mismatch(manifest, force)
        if not force:
            refuse_records()
        database_file = staging / manifest["database"]["member"]
        if manifest["database"]["vendor"] == "sqlite":
            copy = sqlite3.connect(database_file)
            try:
                check_counts(database_contents(copy.cursor())[0], manifest)
            finally:
                copy.close()
        with files_swapped(home, staging / FILES, staging / "replaced"):
            if manifest["database"]["vendor"] == "sqlite":
                restore_sqlite(database_file)
            else:
                restore_postgres(database_file, manifest)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    cache.clear()  # pages and counters cached from the database as it was
    return Summary(path, manifest, behind)


def unpack(path, staging):
    """Read the archive into ``staging``, checking its manifest and every member's hash; returns the manifest."""
    try:
        with tarfile.open(path, mode="r:gz") as archive:
            manifest = read_manifest(archive, path)
            expected = dict(manifest["sha256"])
            for member in archive:
                if member.name == MANIFEST:
                    continue
                if member.name not in expected or not member.isfile():
                    raise BackupError(f"{path} holds {member.name!r}, which its manifest does not list: it is not a widmonitor backup, or was altered.")
                target = staging.joinpath(*PurePosixPath(member.name).parts)
                for folder in reversed(target.relative_to(staging).parents[:-1]):  # each made for the platform only
                    (staging / folder).mkdir(mode=0o700, exist_ok=True)
                digest = hashlib.sha256()
                with archive.extractfile(member) as source, open(os.open(target, os.O_WRONLY | os.O_CREAT, 0o600), "wb") as output:
                    while chunk := source.read(CHUNK):
                        digest.update(chunk)
                        output.write(chunk)
                if digest.hexdigest() != expected.pop(member.name):
                    raise BackupError(f"{path} is damaged: {member.name} is not what was backed up (its SHA-256 differs).")
    except (tarfile.TarError, EOFError, OSError) as error:
        raise BackupError(f"{path} cannot be read as a widmonitor backup ({error}).") from error
    if expected:
        raise BackupError(f"{path} is incomplete: {len(expected)} member(s) are missing, e.g. {sorted(expected)[0]}.")
    return manifest


def read_manifest(archive, path):
    try:
        member = archive.getmember(MANIFEST)
        manifest = json.loads(archive.extractfile(member).read())
    except (KeyError, ValueError) as error:
        raise BackupError(f"{path} has no readable {MANIFEST}: it is not a widmonitor backup.") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        found = manifest.get("format") if isinstance(manifest, dict) else None
        raise BackupError(f"{path} is of the format {found!r}, which this version does not read ({FORMAT!r}).")
    database = manifest.get("database")
    missing = [key for key in ("widmonitor", "created", "migrations", "counts", "files", "sha256") if key not in manifest]
    if not (isinstance(database, dict) and {"vendor", "member"} <= database.keys()):
        missing.append("database")
    if missing:
        raise BackupError(f"{path} has an incomplete manifest (no {missing[0]}): it is not a widmonitor backup, or was altered.")
    member_name = DATABASE_MEMBER.get(database["vendor"])
    if database["member"] != member_name or any(
        PurePosixPath(name).is_absolute() or ".." in PurePosixPath(name).parts or not (name == member_name or name.startswith(f"{FILES}/"))
        for name in manifest["sha256"]
    ):
        raise BackupError(f"{path} names members outside a backup's layout: it is not a widmonitor backup, or was altered.")
    return manifest


def refuse_mismatch(manifest, force):
    if manifest["database"]["vendor"] != connection.vendor:
        raise BackupError(
            f"This backup holds a {VENDOR_NAMES[manifest['database']['vendor']]} database and this site uses "
            f"{VENDOR_NAMES.get(connection.vendor, connection.vendor)}: "
            "restore it into a site with the same database (WIDMONITOR_DATABASE_URL)."
        )
    backed_up = set(manifest["migrations"])
    known = {f"{app}.{name}" for app, name in MigrationLoader(None, ignore_no_migrations=True).graph.nodes}
    unknown = sorted(backed_up - known)
    if unknown:
        raise BackupError(
            f"This backup was made by widmonitor {manifest['widmonitor']}, whose database has migrations this version "
            f"({widmonitor.__version__}) does not know ({', '.join(unknown[:3])}{', ...' if len(unknown) > 3 else ''}): "
            "restore it with that version."
        )
    older = sorted(known - backed_up)
    if force:
        return older
    if manifest["widmonitor"] != widmonitor.__version__ or older:
        tables = (
            f"its database lacks {len(older)} migration(s) of this version, which `widmonitor setup` applies after the restore"
            if older
            else "its tables are those of this version"
        )
        raise BackupError(
            f"This backup was made by widmonitor {manifest['widmonitor']} and this is {widmonitor.__version__} ({tables}): "
            "restore it with that version, or add --force to restore it here."
        )
    return older


def records():
    """The rows of every table that migrations do not fill by themselves, by model, where there are any."""
    with connection.cursor() as cursor:
        present = set(connection.introspection.table_names(cursor))
        return {
            label: count
            for label, table in tables().items()
            if label not in MADE_BY_MIGRATIONS and table in present and (count := count_rows(cursor, table))
        }


def refuse_records():
    found = records()
    if found:
        examples = ", ".join(f"{count} {label}" for label, count in sorted(found.items(), key=lambda item: -item[1])[:3])
        raise BackupError(
            f"The database already holds records ({examples}, ...): add --force to replace everything in it with the backup."
        )


def restore_sqlite(database_file):
    connection.ensure_connection()
    if connection.in_atomic_block:
        raise BackupError("A restore cannot run inside a transaction.")
    copy = sqlite3.connect(database_file)
    try:
        copy.backup(connection.connection)  # one step: the database is all the copy, or as it was
    except sqlite3.Error as error:
        raise BackupError(f"SQLite could not replace the database, and nothing was changed: {error} (stop the server first).") from error
    finally:
        copy.close()


def check_counts(counts, manifest):
    for label, expected in manifest["counts"].items():
        if counts.get(label) != expected:
            raise BackupError(
                f"The backup's database holds {counts.get(label)} rows of {label} where its manifest says {expected}: "
                "it was altered, and nothing was restored."
            )


def restore_postgres(dump, manifest):
    """Wipe, load and check in one transaction: any error (a count that differs too) leaves the database as it was."""
    wipe = dump.with_name("wipe.sql")
    wipe.write_text(
        "DO $$ DECLARE r record; BEGIN\n"
        "  FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP\n"
        "    EXECUTE 'DROP TABLE IF EXISTS ' || quote_ident(r.tablename) || ' CASCADE';\n"
        "  END LOOP;\n"
        "  FOR r IN SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = current_schema() LOOP\n"
        "    EXECUTE 'DROP SEQUENCE IF EXISTS ' || quote_ident(r.sequence_name) || ' CASCADE';\n"
        "  END LOOP;\n"
        "END $$;\n"
    )
    verify = dump.with_name("verify.sql")
    tables_of = tables()
    verify.write_text(
        "RESET search_path;\nDO $$ DECLARE found bigint; BEGIN\n"
        + "".join(
            f"  SELECT COUNT(*) INTO found FROM {connection.ops.quote_name(tables_of[label])};\n"
            f"  IF found <> {int(expected)} THEN RAISE EXCEPTION 'the backup holds % rows of {label} where its manifest says {int(expected)}', found; END IF;\n"
            for label, expected in manifest["counts"].items()
            if label in tables_of
        )
        + "END $$;\n"
    )
    connection.close()  # nothing of this process holds a table the wipe drops
    run_postgres("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", "-f", str(wipe), "-f", str(dump), "-f", str(verify))


def run_postgres(program, *args):
    """Run a PostgreSQL client program (pg_dump, psql) on this site's database; its error becomes a BackupError."""
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(f"{program} is not installed: install PostgreSQL's client programs (Debian: apt-get install postgresql-client).")
    database = connection.settings_dict
    environment = {
        **os.environ,
        "PGHOST": database["HOST"] or "",
        "PGPORT": str(database["PORT"] or ""),
        "PGUSER": database["USER"] or "",
        "PGPASSWORD": database["PASSWORD"] or "",
        "PGDATABASE": database["NAME"],
        "PGOPTIONS": "-c client_min_messages=warning",
    }
    result = subprocess.run([executable, *args], env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        message = " ".join(result.stderr.split())[:500] or f"exit status {result.returncode}"
        raise BackupError(f"{program} failed, and nothing was changed: {message}")
    return result.stdout


@contextmanager
def files_swapped(home, staged, aside):
    """The backup's files in place of the site's; if the block fails, the site's back as they were."""
    aside.mkdir(mode=0o700)
    moved, placed = [], []
    try:
        for entry in site_entries(home):
            os.replace(entry, aside / entry.name)
            moved.append(entry.name)
        for entry in sorted(staged.iterdir()) if staged.is_dir() else []:
            os.replace(entry, home / entry.name)
            placed.append(entry.name)
        yield
    except BaseException:
        for name in placed:
            os.replace(home / name, staged / name)
        for name in moved:
            os.replace(aside / name, home / name)
        raise
