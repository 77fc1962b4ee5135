"""After delete, AVG erasure and retention, nothing of what was removed can be decrypted.

The attack: someone holds the passphrase (so the raw database key) and a copy of the whole
vault folder. They decrypt every page of vault.db, every WAL frame (free pages and stale frames
included) and every backup, and read every other file. A vault made by an older version (schema
4, before FTS5 secure-delete and before pre-migration copies were removed) is upgraded first.
"""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts
from tests.integration.helpers import at_schema, import_file
from tests.privacy.pages import decrypt_file, find_secrets
from vknz_desktop.domain.models import AuditAction, Role
from vknz_desktop.services.recordings import RecordingService
from vknz_desktop.storage import gdpr_repo, migrations
from vknz_desktop.storage.gdpr_repo import GdprRepository
from vknz_desktop.storage.keyfile import TEST_PROFILE, read_key_file
from vknz_desktop.storage.name_register_repo import NameRegisterRepository
from vknz_desktop.storage.retention_repo import RetentionRepository
from vknz_desktop.storage.vault import Vault

ERASED_NAME = "Ottolien Zxwerda"
DELETED_NAME = "Yvonnea Qjkanarie"


def add_observation(vault: Vault, recording_id: str, text: str, author: str = "") -> str:
    observation_id = uuid.uuid4().hex
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with vault.writing() as conn:
        conn.execute(
            "INSERT INTO observations(id, recording_id, time_ms, text, author_role, author_name,"
            " created_at, edited_at) VALUES (?,?,?,?,?,?,?,?)",
            (observation_id, recording_id, 1000, text, "klantmanager", author, now, now),
        )
    return observation_id


class NoProber:
    def probe(self, path: Path) -> object:  # pragma: no cover - never called
        raise AssertionError


def build_old_vault(vault_dir: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A schema-4 vault with four recordings, notes, a goal, a session, a clip and a term;
    one note deleted under schema 4 (its words stay in the old full-text index), and an old
    pre-migration copy in backups/ as the old version left it."""
    at_schema(monkeypatch, 4)
    ids: dict[str, str] = {}
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        assert vault._conn.execute("PRAGMA user_version").fetchone()[0] == 4
        deleted = import_file(vault, facts.VIDEO_MP4, title="Titel qjalfatitel")
        erased = import_file(vault, facts.AUDIO_WAV, title="Titel xqbravotitel")
        expired = import_file(vault, facts.AUDIO_MP3, title="Titel bewaartermijn")
        kept = import_file(vault, facts.AUDIO_OGG, title="Titel zxdeltatitel")
        ids.update(deleted=deleted.id, erased=erased.id, expired=expired.id, kept=kept.id)
        with vault.writing() as conn:
            conn.execute(
                "UPDATE participants SET display_name = ? WHERE recording_id = ?",
                (DELETED_NAME, deleted.id),
            )
            conn.execute(
                "UPDATE participants SET display_name = ? WHERE recording_id = ?",
                (ERASED_NAME, erased.id),
            )
        add_observation(vault, deleted.id, "Notitie qjalfakanarie over het gesprek")
        add_observation(vault, erased.id, "Notitie xqbravokanarie, klant wil verhuizen")
        add_observation(vault, expired.id, "Notitie yvcharliekanarie bij de termijn")
        add_observation(vault, kept.id, "Notitie zxdeltakanarie blijft staan")
        add_observation(vault, kept.id, f"Gesprek met {ERASED_NAME} over werk")
        gone = add_observation(vault, kept.id, "Notitie qvweggekanarie onder schema vier")
        vault.delete_observation(gone)
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with vault.writing() as conn:
            conn.execute(
                "INSERT INTO learning_goals(id, goal, why, next_time, status, created_at,"
                " updated_at) VALUES ('g1', 'Beter luisteren', ?, '', 'actief', ?, ?)",
                (f"Bij {ERASED_NAME} merkte ik het", now, now),
            )
            conn.execute(
                "INSERT INTO export_terms(term, added_at) VALUES (?, ?)", (ERASED_NAME, now)
            )
            conn.execute(
                "INSERT INTO review_sessions(id, title, left_perspective, right_perspective,"
                " created_at, edited_at) VALUES ('s1', ?, 'onderzoeker', 'klantmanager', ?, ?)",
                (f"Terugkijken met {ERASED_NAME}", now, now),
            )
            conn.execute(
                "INSERT INTO review_session_participants(session_id, position, display_name,"
                " role) VALUES ('s1', 0, ?, 'klant')",
                (ERASED_NAME,),
            )
            conn.execute(
                "INSERT INTO clips(id, recording_id, start_ms, end_ms, title, note, created_at,"
                " edited_at) VALUES ('c1', ?, 0, 500, ?, ?, ?, ?)",
                (kept.id, f"Fragment {ERASED_NAME}", f"{ERASED_NAME} knikt hier", now, now),
            )
    backups = vault_dir / "backups"
    backups.mkdir(mode=0o700)
    shutil.copyfile(vault_dir / "vault.db", backups / "vault-schema3-20250101-120000.db")
    monkeypatch.undo()
    return ids


def test_delete_erase_and_retention_leave_nothing_decryptable(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = build_old_vault(vault_dir, monkeypatch)
    raw_key = read_key_file(vault_dir / "vault.key").unwrap(PASSPHRASE)
    # Before anything is removed, the attacker's tools find everything (they work).
    before, _ = find_secrets(
        vault_dir, raw_key, {"old note": "qvweggekanarie", "name": ERASED_NAME}
    )
    assert {f.label for f in before} == {"old note", "name"}

    with Vault.open(vault_dir, PASSPHRASE) as vault:  # upgraded to the newest schema
        assert vault._conn.execute("PRAGMA user_version").fetchone()[0] == (
            migrations.LATEST_VERSION
        )
        keys = {
            row[0]: bytes(row[1])
            for row in vault._conn.execute("SELECT id, media_key FROM recordings").fetchall()
        }
        RecordingService(vault, NoProber()).delete(ids["deleted"], role=Role.KLANTMANAGER)  # type: ignore[arg-type]
        repo = GdprRepository(vault, TEST_PROFILE)
        repo.erase(ERASED_NAME, role=Role.ONDERZOEKER)
        assert repo.remaining(ERASED_NAME) == []
        RetentionRepository(vault).shred_media(
            ids["expired"],
            role=None,
            action=AuditAction.RETENTION_DELETE,
            remove_observations=True,
        )
        # By design the name register keeps the names of deleted recordings, so summaries
        # still remove them; the erasure forgot the erased person's name (the default).
        register = NameRegisterRepository(vault)
        assert DELETED_NAME in register.names()
        assert ERASED_NAME not in register.names()
        assert not any("Zxwerda" in entry for entry in register.names() + register.terms())
        # The attacker's scan below must then find the deleted name nowhere: the register was
        # the only place left, and forgetting it there (as an erasure does) leaves nothing.
        register.forget(DELETED_NAME)
        # What stays is still there and still plays.
        titles = {r.title for r in vault.recordings()}
        assert titles == {"Titel bewaartermijn", "Titel zxdeltatitel"}
        with vault.open_media(ids["kept"]) as stream:
            assert stream.read(16)

    secrets: dict[str, bytes | str] = {
        "media key (deleted)": keys[ids["deleted"]],
        "media key (erased)": keys[ids["erased"]],
        "media key (retention)": keys[ids["expired"]],
        "title (deleted)": "qjalfatitel",
        "title (erased)": "xqbravotitel",
        "name (deleted)": DELETED_NAME,
        "name part (deleted)": "Qjkanarie",
        "name (erased)": ERASED_NAME,
        "name part (erased)": "Zxwerda",
        "first name (erased)": "Ottolien",
        "note (deleted)": "qjalfakanarie",
        "note (erased)": "xqbravokanarie",
        "note (retention)": "yvcharliekanarie",
        "note deleted under schema 4": "qvweggekanarie",
    }
    controls: dict[str, bytes | str] = {
        "media key (kept)": keys[ids["kept"]],
        "title (kept)": "zxdeltatitel",
        "note (kept)": "zxdeltakanarie",
    }
    found, pages = find_secrets(vault_dir, raw_key, {**secrets, **controls})
    assert pages > 10
    leaks = [f for f in found if f.label in secrets]
    assert leaks == [], leaks
    # The same scan does see what was kept: the key of the kept recording, its note (also
    # in the full-text index) and its title.
    assert {f.label for f in found} == set(controls)
    # No pre-migration copy is left, the WAL is empty, and no media file of a removed key.
    assert not (vault_dir / "backups").exists()
    wal = vault_dir / "vault.db-wal"
    assert not wal.exists() or decrypt_file(wal, raw_key) == []
    media = {p.name for p in (vault_dir / "media").iterdir()}
    assert media == {f"{ids['kept']}.vkm"}


def test_page_reader_sees_deleted_rows_a_logical_export_would_miss(vault_dir: Path) -> None:
    """The helper itself: without secure delete a deleted row stays on its page, and the
    reader finds it although no query can (so a clean scan means something)."""
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        vault._conn.execute("PRAGMA secure_delete = OFF")
        with vault.writing() as conn:
            conn.execute("INSERT INTO settings(key, value) VALUES ('x', 'zqverlorenwaarde')")
        with vault.writing() as conn:
            conn.execute("DELETE FROM settings WHERE key = 'x'")
        assert vault.setting("x") is None
    raw_key = read_key_file(vault_dir / "vault.key").unwrap(PASSPHRASE)
    found, pages = find_secrets(vault_dir, raw_key, {"deleted": "zqverlorenwaarde"})
    assert pages and [f.label for f in found] == ["deleted"]
    assert all(p.authentic for p in decrypt_file(vault_dir / "vault.db", raw_key))


def test_participant_rows_are_named_in_remaining_until_erased(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = build_old_vault(vault_dir, monkeypatch)
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        repo = GdprRepository(vault, TEST_PROFILE)
        places = {r.where for r in repo.remaining(ERASED_NAME)}
        assert places == {
            "deelnemer aan opname",
            "deelnemer aan terugkijksessie",
            "waarneming",
            "fragment",
            "terugkijksessie",
            "leerdoel",
            "extra term voor anonimiseren",
            gdpr_repo.REGISTER_PLACE,
        }
        assert (ERASED_NAME, "klant") in repo.participants()
        repo.erase(ERASED_NAME, role=None)
        assert repo.remaining(ERASED_NAME) == []
        assert all(name != ERASED_NAME for name, _ in repo.participants())
        with vault.reading() as conn:
            title = conn.execute("SELECT title FROM review_sessions").fetchone()[0]
            why = conn.execute("SELECT why FROM learning_goals").fetchone()[0]
        assert title == "Terugkijken met [verwijderd]"
        assert why == "Bij [verwijderd] merkte ik het"
        hits = vault.search_observations("Ottolien")
        assert hits == []
        erasure = [e for e in vault.audit_entries() if e.action is AuditAction.GDPR_ERASURE]
        assert erasure[-1].details == {
            "recordings": 1,
            "mentions": 6,
            "register": "vergeten",
            "register_entries": 1,  # one entry: the extra term is the same name
        }
        assert ids["kept"] in {r.id for r in vault.recordings()}


def test_erasure_can_keep_the_name_in_the_register_and_says_so(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The privacy officer's choice: keep the erased name so old goals stay de-identified.
    Then the register is the one place left, and ``remaining`` names it."""
    build_old_vault(vault_dir, monkeypatch)
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        repo = GdprRepository(vault, TEST_PROFILE)
        repo.erase(ERASED_NAME, role=None, keep_in_register=True)
        assert ERASED_NAME in NameRegisterRepository(vault).names()
        left = repo.remaining(ERASED_NAME)
        assert {r.where for r in left} == {gdpr_repo.REGISTER_PLACE}
        erasure = [e for e in vault.audit_entries() if e.action is AuditAction.GDPR_ERASURE]
        assert erasure[-1].details["register"] == "bewaard"
