"""The name register (schema 6): names of recordings, review sessions, note authors, the user's
own name and extra terms are registered where they are written, survive deletion, are filled
in from existing rows by the migration, and are forgotten only on request. End to end through
the CLI: a goal that names a deleted recording's participant still goes out without the name."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts
from tests.integration.helpers import at_schema, import_file

from vknz_desktop.cli import run_command
from vknz_desktop.domain.fragments import ReviewSession
from vknz_desktop.domain.models import Participant, Role
from vknz_desktop.services.goals import GoalService
from vknz_desktop.services.observations import ObservationService
from vknz_desktop.storage.fragments_repo import FragmentsRepository
from vknz_desktop.storage.goals_repo import GoalRepository
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.name_register_repo import NameRegisterRepository
from vknz_desktop.storage.vault import Vault

pytestmark = pytest.mark.usefixtures("deduce_loaded")

T0 = dt.datetime(2026, 10, 1, 12, 0, tzinfo=dt.UTC)
GOAL = "Gesprek met fenna: mevrouw Oosterbroek eerst laten uitpraten"
WHY = "zwanenburg zei dat ik te snel advies gaf, en Stolk vond dat ook."


def _cli(vault_dir: Path, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = run_command(["--vault", str(vault_dir), *args], out)
    return code, out.getvalue()


def test_names_are_removed_after_their_recording_and_session_are_deleted(
    vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VKNZ_PASSPHRASE", PASSPHRASE)
    Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE).close()
    code, output = _cli(
        vault_dir,
        "import",
        str(facts.VIDEO_MP4),
        "--consent-scope",
        "onderzoeker",
        "--participant",
        "Fenna Oosterbroek:klant",
    )
    assert code == 0, output
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        recording = vault.recordings()[0]
        note = ObservationService(vault).create(
            recording.id, 1000, text="Ik gaf te snel advies.", author_name="Marit Stolk"
        )
        GoalService(GoalRepository(vault)).create_from_observations([note], goal=GOAL, why=WHY)
        sessions = FragmentsRepository(vault)
        session = ReviewSession(
            id="sessie1",
            title="Terugkijken",
            participants=(Participant(display_name="Joost Zwanenburg", role=Role.ONDERZOEKER),),
            created_at=T0,
            edited_at=T0,
        )
        sessions.save_session(session)
        sessions.delete_session(session.id)
        vault.delete_observation(note.id)
    code, output = _cli(vault_dir, "delete", recording.id, "--yes")
    assert code == 0, output

    target = tmp_path / "samenvatting.json"
    code, output = _cli(vault_dir, "summary", "--out", str(target))
    assert code == 0, output
    text = target.read_text(encoding="utf-8").lower()
    for name in ("fenna", "oosterbroek", "zwanenburg", "stolk", "joost", "marit"):
        assert name not in text, name
    goal = json.loads(target.read_text(encoding="utf-8"))["goals"][0]
    assert goal["goal"] == "Gesprek met [persoon]: [persoon] eerst laten uitpraten"
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        register = NameRegisterRepository(vault)
        assert {"Fenna Oosterbroek", "Joost Zwanenburg", "Marit Stolk"} <= set(register.names())


def test_own_name_and_terms_join_the_register_and_forget_removes_a_name(vault_dir: Path) -> None:
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        register = NameRegisterRepository(vault)
        assert register.register(["Eigen Naam", "  ", "eigen naam"]) == 1
        assert register.register(["Eigen Naam"]) == 0
        goals = GoalService(GoalRepository(vault))
        goals.add_term("Bakkerij Korstjes")
        assert "Eigen Naam" in register.names() and register.terms() == ["Bakkerij Korstjes"]
        goals.remove_term("Bakkerij Korstjes")  # the user's choice: forgotten
        assert register.terms() == []
        assert register.forget("EIGEN NAAM") and "Eigen Naam" not in register
        assert not register.forget("Eigen Naam")
        # An observation saved again (an upsert) with a new author registers that name too.
        import_file(vault, facts.VIDEO_MP4)
        notes = ObservationService(vault)
        note = notes.create(vault.recordings()[0].id, 10, text="x", author_name="Sam")
        notes.update(note, text="y", author_name="Sam Uiterwijk")
        assert {"Sam", "Sam Uiterwijk", "Klant Fictief"} <= set(register.names())


def test_migration_6_fills_the_register_from_existing_rows(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A vault from before schema 6: its names are registered when it is opened."""
    at_schema(monkeypatch, 5)
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        with vault.writing() as conn:
            conn.execute(
                "INSERT INTO recordings(id, title, container, duration_ms, has_video, has_audio,"
                " size_bytes, sha256, chunk_size, imported_at) VALUES"
                " ('r1', 'Oud', 'mp4', 1000, 1, 1, 10, 'abc', 1048576, '2025-01-01T00:00:00')"
            )
            conn.execute(
                "INSERT INTO participants(recording_id, position, display_name, role)"
                " VALUES ('r1', 0, ' Hendrika Pluim ', 'klant')"
            )
            conn.execute("INSERT INTO export_terms(term, added_at) VALUES ('Kwekerij X', 'x')")
    monkeypatch.undo()
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        register = NameRegisterRepository(vault)
        assert register.names() == ["Hendrika Pluim"]
        assert register.terms() == ["Kwekerij X"]
        vault_id = GoalRepository(vault).vault_id()
        assert vault_id is not None and len(vault_id) == 32
        with vault.writing() as conn:
            conn.execute("DELETE FROM recordings WHERE id = 'r1'")  # participants go with it
        assert register.names() == ["Hendrika Pluim"]  # survives the deletion


def test_after_an_avg_erasure_the_name_stays_until_the_officer_forgets_it(
    vault_dir: Path,
) -> None:
    """The register keeps the name itself (encrypted in the vault), not a hash: when the
    privacy officer chooses to keep it at an erasure, old goals stay de-identified; forget()
    removes it. Without that choice the erasure forgets it at once."""
    from vknz_desktop.storage.gdpr_repo import GdprRepository

    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        import_file(vault, facts.VIDEO_MP4)  # participant "Klant Fictief"
        erased = GdprRepository(vault).erase(
            "Klant Fictief", role=Role.ONDERZOEKER, keep_in_register=True
        )
        assert erased
        assert vault.recordings() == []
        register = NameRegisterRepository(vault)
        assert register.names() == ["Klant Fictief"]
        assert register.forget("Klant Fictief") and register.names() == []


def test_an_avg_erasure_forgets_the_name_unless_the_officer_keeps_it(vault_dir: Path) -> None:
    from vknz_desktop.storage.gdpr_repo import GdprRepository

    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        import_file(vault, facts.VIDEO_MP4)  # participant "Klant Fictief"
        GdprRepository(vault).erase("Klant Fictief", role=Role.ONDERZOEKER)
        assert NameRegisterRepository(vault).names() == []
