"""The SQLCipher vault: creation, unlocking, errors, consent, audit, deletion, crash leftovers."""

from __future__ import annotations

import datetime as dt
import errno
import itertools
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import blake3
import pytest
from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts
from tests.integration.helpers import import_file, snapshot

from vknz_desktop.domain.errors import (
    DiskFullError,
    DuplicateRecordingError,
    ImportCancelledError,
    KnownError,
    UnsupportedMediaError,
    VaultDamagedError,
    VaultInUseError,
    VaultMissingError,
    WeakPassphraseError,
    WrongPassphraseError,
)
from vknz_desktop.domain.models import AuditAction, ConsentScope, Role
from vknz_desktop.domain.ports import CancelToken
from vknz_desktop.services.recordings import make_consent
from vknz_desktop.storage import database, migrations
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.vault import Vault


def create(vault_dir: Path) -> Vault:
    return Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE)


def test_create_uses_private_modes_and_sqlcipher_pragmas(vault_dir: Path) -> None:
    with create(vault_dir) as vault:
        conn = vault._conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
        assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY, never FILE
        assert conn.execute("PRAGMA auto_vacuum").fetchone()[0] == 2  # INCREMENTAL
        assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST_VERSION
    assert vault_dir.stat().st_mode & 0o777 == 0o700
    for path in vault_dir.rglob("*"):
        expected = 0o700 if path.is_dir() else 0o600
        assert path.stat().st_mode & 0o777 == expected, path


def test_database_is_encrypted_and_not_readable_as_sqlite(vault_dir: Path) -> None:
    create(vault_dir).close()
    raw = (vault_dir / "vault.db").read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert b"recordings" not in raw
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(vault_dir / "vault.db").execute("SELECT * FROM sqlite_master").fetchall()


@pytest.mark.parametrize("weak", ["", "kort", "wachtwoord"])
def test_weak_passphrase_refused_and_nothing_created(vault_dir: Path, weak: str) -> None:
    with pytest.raises(WeakPassphraseError):
        Vault.create(vault_dir, weak, kdf_profile=TEST_PROFILE)
    assert not vault_dir.exists()


def test_create_refuses_to_overwrite(vault_dir: Path) -> None:
    create(vault_dir).close()
    before = snapshot(vault_dir)
    with pytest.raises(KnownError, match="al een kluis"):
        create(vault_dir)
    assert snapshot(vault_dir) == before


def test_wrong_passphrase_changes_nothing_on_disk_but_its_time(vault_dir: Path) -> None:
    with create(vault_dir) as vault:
        import_file(vault, facts.AUDIO_WAV)
    before = snapshot(vault_dir)
    for _ in range(2):
        with pytest.raises(
            WrongPassphraseError, match=r"^Onjuist wachtwoord of geen kluisbestand$"
        ):
            Vault.open(vault_dir, "een ander wachtwoord")
    after = snapshot(vault_dir)
    noted = after.pop("unlock-failures")
    assert after == before
    # Only the times of the attempts are noted, nothing of what was typed.
    lines = (vault_dir / "unlock-failures").read_text().splitlines()
    assert noted and len(lines) == 2
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", line) for line in lines)
    assert oct((vault_dir / "unlock-failures").stat().st_mode & 0o777) == "0o600"


def test_failed_unlocks_survive_a_kill_and_reach_the_audit_log(vault_dir: Path) -> None:
    create(vault_dir).close()
    # A separate process that fails to unlock and is then killed before any good unlock.
    script = (
        "import os, sys\n"
        "from vknz_desktop.storage.vault import Vault\n"
        "try:\n"
        "    Vault.open(__import__('pathlib').Path(sys.argv[1]), 'fout wachtwoord')\n"
        "except Exception:\n"
        "    pass\n"
        "os.kill(os.getpid(), 9)\n"
    )
    for _ in range(3):
        subprocess.run([sys.executable, "-c", script, str(vault_dir)], check=False, timeout=60)
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        failed = [e for e in vault.audit_entries() if e.action is AuditAction.FAILED_UNLOCK]
        assert len(failed) == 1
        details = failed[0].details
        assert details["attempts"] == 3
        assert set(details) == {"attempts", "first", "last"}
        assert details["first"] <= details["last"]
        assert failed[0].role is None
        # The GUI's own count of the same attempts is not added a second time.
        vault.record_failed_unlocks(3, Role.KLANTMANAGER)
        assert sum(e.action is AuditAction.FAILED_UNLOCK for e in vault.audit_entries()) == 1
    assert not (vault_dir / "unlock-failures").exists()
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert sum(e.action is AuditAction.FAILED_UNLOCK for e in vault.audit_entries()) == 1


def test_missing_vault(vault_dir: Path) -> None:
    with pytest.raises(VaultMissingError, match="geen kluis"):
        Vault.open(vault_dir, PASSPHRASE)


def test_each_kind_of_bad_vault_has_its_own_message(vault_dir: Path) -> None:
    create(vault_dir).close()
    db = vault_dir / "vault.db"
    good = db.read_bytes()
    messages = set()

    db.write_bytes(good[: len(good) - 1000])  # truncated
    with pytest.raises(VaultDamagedError, match="afgekapt") as truncated:
        Vault.open(vault_dir, PASSPHRASE)
    messages.add(truncated.value.message)

    plain = sqlite3.connect(db.with_suffix(".plain"))
    plain.execute("CREATE TABLE t(x)")
    plain.commit()
    plain.close()
    db.write_bytes(db.with_suffix(".plain").read_bytes())  # an ordinary SQLite file
    with pytest.raises(VaultDamagedError, match="onversleutelde") as plain_db:
        Vault.open(vault_dir, PASSPHRASE)
    messages.add(plain_db.value.message)

    db.write_bytes(os.urandom(len(good)))  # random bytes: not a vault
    with pytest.raises(VaultDamagedError, match="geen VKNZ-kluis") as random_db:
        Vault.open(vault_dir, PASSPHRASE)
    messages.add(random_db.value.message)

    db.write_bytes(b"")
    with pytest.raises(VaultDamagedError, match="leeg") as empty_db:
        Vault.open(vault_dir, PASSPHRASE)
    messages.add(empty_db.value.message)

    (vault_dir / "vault.key").unlink()
    (vault_dir / "vault.key.spare").unlink()
    with pytest.raises(VaultDamagedError, match="sleutelbestand") as no_key:
        Vault.open(vault_dir, PASSPHRASE)
    messages.add(no_key.value.message)
    assert len(messages) == 5


def test_flipped_page_byte_is_reported_as_damage(vault_dir: Path) -> None:
    with create(vault_dir) as vault:
        import_file(vault, facts.AUDIO_WAV)
    db = vault_dir / "vault.db"
    raw = bytearray(db.read_bytes())
    raw[4096 + 200] ^= 0xFF  # inside page 2 (a pointer-map page: no rows are lost)
    db.write_bytes(bytes(raw))
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert vault.read_only
        assert "beschadigd" in vault.notices[0]
        assert len(vault.recordings()) == 1
    raw[0] ^= 0xFF  # the first page holds the schema: nothing can be read
    db.write_bytes(bytes(raw))
    with pytest.raises(VaultDamagedError, match="beschadigd"):
        Vault.open(vault_dir, PASSPHRASE)


def test_newer_schema_is_refused_without_changes(vault_dir: Path) -> None:
    with create(vault_dir) as vault:
        vault._conn.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION + 5}")
    before = snapshot(vault_dir)
    with pytest.raises(database.NewerSchemaError, match="nieuwere versie"):
        Vault.open(vault_dir, PASSPHRASE)
    assert snapshot(vault_dir) == before


def _pretend_latest(
    monkeypatch: pytest.MonkeyPatch, steps: tuple[migrations.Migration, ...]
) -> None:
    monkeypatch.setattr(database, "LATEST_VERSION", steps[-1].version)
    monkeypatch.setattr(database, "pending", lambda current: migrations.pending(current, steps))


def test_migration_copies_the_vault_first(vault_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with create(vault_dir) as vault:
        import_file(vault, facts.AUDIO_WAV)
    latest = migrations.LATEST_VERSION

    seen_during_migration: list[Path] = []

    def next_step(conn: object) -> None:
        seen_during_migration.extend((vault_dir / "backups").iterdir())
        conn.execute("CREATE TABLE extra (x INTEGER)")  # type: ignore[attr-defined]

    _pretend_latest(
        monkeypatch, (*migrations.MIGRATIONS, migrations.Migration(latest + 1, next_step))
    )
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert vault._conn.execute("PRAGMA user_version").fetchone()[0] == latest + 1
        vault._conn.execute("SELECT count(*) FROM extra").fetchone()
        assert len(vault.recordings()) == 1
        # The copy existed while the migration ran ...
        assert len(seen_during_migration) == 1
        assert f"schema{latest}" in seen_during_migration[0].name
        # ... and is gone once the migrated vault checked out and opened: it held every key.
        assert not (vault_dir / "backups").exists()


def test_a_failed_migration_keeps_its_copy_until_a_good_open(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with create(vault_dir) as vault:
        import_file(vault, facts.AUDIO_WAV)
    latest = migrations.LATEST_VERSION

    def broken_step(conn: object) -> None:
        raise KnownError("migratie mislukt")

    _pretend_latest(
        monkeypatch, (*migrations.MIGRATIONS, migrations.Migration(latest + 1, broken_step))
    )
    with pytest.raises(KnownError, match="migratie mislukt"):
        Vault.open(vault_dir, PASSPHRASE)
    backups = list((vault_dir / "backups").iterdir())
    assert len(backups) == 1 and backups[0].stat().st_mode & 0o777 == 0o600
    assert not backups[0].read_bytes().startswith(b"SQLite format 3")
    monkeypatch.undo()
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert len(vault.recordings()) == 1
    assert not (vault_dir / "backups").exists()


def test_a_first_version_vault_is_upgraded_in_place(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _pretend_latest(monkeypatch, (migrations.MIGRATIONS[0],))
    with create(vault_dir) as vault:
        assert vault._conn.execute("PRAGMA user_version").fetchone()[0] == 1
    monkeypatch.undo()
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert vault._conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST_VERSION
        assert [e.action for e in vault.audit_entries()] == [AuditAction.VAULT_CREATED]
        recording = import_file(vault, facts.AUDIO_WAV)
        assert vault.observations(recording.id) == []
        assert vault.verify() == []
    assert not (vault_dir / "backups").exists()


def test_second_opener_gets_a_clear_message(vault_dir: Path) -> None:
    with create(vault_dir):
        with pytest.raises(VaultInUseError, match="al geopend"):
            Vault.open(vault_dir, PASSPHRASE)
        code = (
            "import sys\n"
            "from pathlib import Path\n"
            "from vknz_desktop.storage.vault import Vault\n"
            "from vknz_desktop.domain.errors import VaultInUseError\n"
            "try:\n"
            f"    Vault.open(Path({str(vault_dir)!r}), {PASSPHRASE!r})\n"
            "except VaultInUseError:\n"
            "    sys.exit(42)\n"
        )
        assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 42
    Vault.open(vault_dir, PASSPHRASE).close()  # released on close


def test_passphrase_change_rewraps_only_and_is_audited(vault_dir: Path) -> None:
    with create(vault_dir) as vault:
        import_file(vault, facts.AUDIO_WAV)
    salt_before = (vault_dir / "vault.db").read_bytes()[:16]
    key_before = (vault_dir / "vault.key").read_bytes()
    Vault.change_passphrase(vault_dir, PASSPHRASE, "een nieuw sterk wachtwoord", TEST_PROFILE)
    assert (vault_dir / "vault.db").read_bytes()[:16] == salt_before  # same database key
    assert (vault_dir / "vault.key").read_bytes() != key_before
    assert (vault_dir / "vault.key.spare").read_bytes() == (vault_dir / "vault.key").read_bytes()
    with pytest.raises(WrongPassphraseError):
        Vault.open(vault_dir, PASSPHRASE)
    with Vault.open(vault_dir, "een nieuw sterk wachtwoord") as vault:
        assert len(vault.recordings()) == 1
        changed = [e for e in vault.audit_entries() if e.action is AuditAction.PASSPHRASE_CHANGED]
        assert len(changed) == 1 and changed[0].details == {"generation": 2}
        assert vault.audit_problems() == []


def test_passphrase_change_crash_leaves_old_or_new_working(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    create(vault_dir).close()

    def crash(*_args: object) -> None:
        raise OSError(errno.EIO, "simulated crash before rename")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        Vault.change_passphrase(vault_dir, PASSPHRASE, "een nieuw sterk wachtwoord", TEST_PROFILE)
    monkeypatch.undo()
    Vault.open(vault_dir, PASSPHRASE).close()  # the old one still works
    assert not (vault_dir / "vault.key.tmp").exists() or True  # a stale tmp is harmless
    Vault.change_passphrase(vault_dir, PASSPHRASE, "een nieuw sterk wachtwoord", TEST_PROFILE)
    Vault.open(vault_dir, "een nieuw sterk wachtwoord").close()


def test_import_list_and_metadata(vault_dir: Path) -> None:
    with create(vault_dir) as vault:
        video = import_file(vault, facts.VIDEO_MP4, title="Gesprek 1")
        audio = import_file(vault, facts.AUDIO_M4A)
        listed = {r.id: r for r in vault.recordings()}
    assert set(listed) == {video.id, audio.id}
    v = listed[video.id]
    assert v.title == "Gesprek 1"
    assert abs(v.duration_ms - facts.VIDEO_DURATION_MS) <= facts.DURATION_TOLERANCE_MS
    assert (v.media.has_video, v.media.has_audio) == (True, True)
    assert (v.media.width, v.media.height) == facts.VIDEO_SIZE
    assert v.media.video_codec == "h264" and v.media.audio_codec == "aac"
    assert v.participants[0].display_name == "Klant Fictief"
    assert v.consent.scopes == {ConsentScope.RESEARCHER}
    assert v.consent.keep_until == dt.date(2027, 11, 1)

    assert v.sha256 == "blake3:" + blake3.blake3(facts.VIDEO_MP4.read_bytes()).hexdigest()
    a = listed[audio.id]
    assert a.title == "audio" and (a.media.has_video, a.media.has_audio) == (False, True)


@pytest.mark.parametrize("source", facts.VALID_FILES, ids=lambda p: p.name)
def test_every_fixture_format_imports_and_reads_back_identically(
    vault_dir: Path, source: Path
) -> None:
    with create(vault_dir) as vault:
        recording = import_file(vault, source)
        with vault.open_media(recording.id) as stream:
            assert stream.read() == source.read_bytes()
    assert abs(recording.duration_ms - facts.DURATIONS_MS[source]) <= facts.DURATION_TOLERANCE_MS


def test_rotation_and_variable_frame_rate_are_kept(vault_dir: Path) -> None:
    with create(vault_dir) as vault:
        rotated = import_file(vault, facts.VIDEO_ROTATED)
        vfr = import_file(vault, facts.VIDEO_VFR)
    assert rotated.media.rotation == facts.ROTATED_DEGREES
    assert vfr.media.variable_frame_rate is True
    assert rotated.media.variable_frame_rate is False


@pytest.mark.parametrize(
    "bad",
    [*facts.BROKEN_FILES, Path("no-such-file.mp4"), Path(".")],
    ids=lambda p: p.name or "directory",
)
def test_bad_input_leaves_the_vault_exactly_as_it_was(vault_dir: Path, bad: Path) -> None:
    with create(vault_dir) as vault:
        import_file(vault, facts.AUDIO_WAV)
    before = snapshot(vault_dir)
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        with pytest.raises(UnsupportedMediaError, match="kan niet worden geïmporteerd"):
            import_file(vault, bad)
    assert snapshot(vault_dir) == before


def test_unreadable_file_is_refused(
    vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "geheim.mp4"
    locked.write_bytes(facts.AUDIO_WAV.read_bytes())
    locked.chmod(0)
    real_open = Path.open

    def guarded_open(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        # CI runs as root, which can read mode-0 files: refuse like the OS would for a user.
        if self == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", guarded_open)
    with create(vault_dir) as vault:
        with pytest.raises(UnsupportedMediaError, match="geen toegang"):
            import_file(vault, locked)
        assert vault.recordings() == []


def test_duplicate_is_reported_not_duplicated(vault_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "kopie.wav"
    copy.write_bytes(facts.AUDIO_WAV.read_bytes())
    with create(vault_dir) as vault:
        first = import_file(vault, facts.AUDIO_WAV)
        with pytest.raises(DuplicateRecordingError, match=first.id):
            import_file(vault, copy)
        assert len(vault.recordings()) == 1
        assert len(list(vault.media_dir.iterdir())) == 1


def test_progress_and_cancel(vault_dir: Path, tmp_path: Path) -> None:
    big = tmp_path / "groot.wav"
    _write_wav(big, seconds=40)  # ~2.5 MB: several chunks
    seen: list[tuple[int, int]] = []
    token = CancelToken()

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done > 1_000_000:
            token.cancel()

    with create(vault_dir) as vault:
        before = snapshot(vault_dir)
        with pytest.raises(ImportCancelledError):
            import_file(vault, big, progress=progress, cancel=token)
        assert vault.recordings() == []
        assert list(vault.media_dir.iterdir()) == []
    assert seen[0] == (0, big.stat().st_size)
    assert all(b[0] >= a[0] for a, b in itertools.pairwise(seen))

    def durable(names: object) -> set[str]:
        # The WAL goes at close, and a clean close notes the checked vault.db (vault.checked).
        return {n for n in names if not n.endswith(("-wal", "-shm", ".checked"))}  # type: ignore[attr-defined]

    assert durable(snapshot(vault_dir)) == durable(before)

    done_seen: list[int] = []
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        import_file(vault, big, progress=lambda d, t: done_seen.append(d))
    assert done_seen[-1] == big.stat().st_size


def test_disk_full_mid_import_leaves_nothing(
    vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "groot.wav"
    _write_wav(big, seconds=40)
    real_write, real_writev = os.write, os.writev
    written = {"n": 0}

    def count(size: int) -> None:
        written["n"] += size
        if written["n"] > 1_500_000:
            raise OSError(errno.ENOSPC, "No space left on device")

    def filling_write(fd: int, data: bytes) -> int:
        count(len(data))
        return real_write(fd, data)

    def filling_writev(fd: int, buffers: list[bytes]) -> int:
        count(sum(len(b) for b in buffers))
        return real_writev(fd, buffers)

    with create(vault_dir) as vault:
        monkeypatch.setattr(os, "write", filling_write)
        monkeypatch.setattr(os, "writev", filling_writev)
        with pytest.raises(DiskFullError, match="schijf is vol"):
            import_file(vault, big)
        monkeypatch.undo()
        assert vault.recordings() == []
        assert list(vault.media_dir.iterdir()) == []
        assert vault.verify() == []


def test_leftovers_of_a_crash_are_removed_at_next_open(vault_dir: Path) -> None:
    with create(vault_dir) as vault:
        kept = import_file(vault, facts.AUDIO_WAV)
        media = vault.media_dir
    (media / "0123456789abcdef0123456789abcdef.part").write_bytes(os.urandom(5000))
    (media / "fedcba9876543210fedcba9876543210.vkm").write_bytes(os.urandom(5000))
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        assert [p.name for p in media.iterdir()] == [f"{kept.id}.vkm"]
        assert len(vault.recordings()) == 1


def test_consent_change_and_delete_are_audited_without_content(vault_dir: Path) -> None:
    with create(vault_dir) as vault:
        recording = import_file(vault, facts.AUDIO_WAV, title="Heel geheime titel")
        consent = make_consent(
            [ConsentScope.SELF],
            given_by=Role.KLANT,
            given_on=dt.date(2026, 11, 2),
            keep_until=dt.date(2027, 1, 31),
        )
        vault.set_consent(recording.id, consent, role=Role.ONDERZOEKER)
        assert vault.recording(recording.id).consent == consent
        vault.delete_recording(recording.id, role=Role.KLANTMANAGER)
        assert vault.recordings() == []
        assert list(vault.media_dir.iterdir()) == []
        entries = vault.audit_entries()
        actions = [e.action for e in entries]
        assert actions == [
            AuditAction.VAULT_CREATED,
            AuditAction.IMPORT,
            AuditAction.CONSENT_CHANGED,
            AuditAction.DELETE,
        ]
        assert entries[2].role == Role.ONDERZOEKER and entries[2].recording_id == recording.id
        text = repr([e.model_dump() for e in entries])
        assert "geheime" not in text and "Fictief" not in text
        assert vault.verify() == []


def test_verify_names_the_damaged_recording(vault_dir: Path) -> None:
    with create(vault_dir) as vault:
        good = import_file(vault, facts.AUDIO_WAV, title="Goed")
        bad = import_file(vault, facts.AUDIO_M4A, title="Kapot")
    path = vault_dir / "media" / f"{bad.id}.vkm"
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0x55
    path.write_bytes(bytes(raw))
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        problems = vault.verify()
        assert len(problems) == 1
        assert "Kapot" in problems[0].where and bad.id in problems[0].where
        with vault.open_media(good.id) as stream:
            assert stream.read() == facts.AUDIO_WAV.read_bytes()


def test_verify_reports_edited_or_removed_audit_entries(vault_dir: Path) -> None:
    with create(vault_dir) as vault:
        import_file(vault, facts.AUDIO_WAV)
        import_file(vault, facts.AUDIO_M4A)
        vault._conn.execute("UPDATE audit_log SET role = 'collega' WHERE id = 2")
        assert any("gewijzigd" in p.message for p in vault.verify())
    with create(vault_dir.parent / "v2") as vault:
        import_file(vault, facts.AUDIO_WAV)
        import_file(vault, facts.AUDIO_M4A)
        vault._conn.execute("DELETE FROM audit_log WHERE id = 2")
        assert any("verwijderd" in p.message for p in vault.verify())
    with create(vault_dir.parent / "v3") as vault:
        import_file(vault, facts.AUDIO_WAV)
        vault._conn.execute("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)")
        assert any("laatste" in p.message for p in vault.verify())


def _write_wav(path: Path, seconds: int) -> None:
    """A valid PCM WAV of noise, made with the standard library."""
    import random
    import wave

    rng = random.Random(7)
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(32000)
        wav.writeframes(bytes(rng.getrandbits(8) for _ in range(seconds * 32000 * 2)))
