"""Bulk writes are one transaction: keeping only the fragments moves every observation inside
them (and the clips) with a single commit, however many there are."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts
from tests.integration.helpers import import_file

from vknz_desktop.domain.models import Role
from vknz_desktop.media.remux import PyAvRemuxer
from vknz_desktop.services.clips import ClipService
from vknz_desktop.services.keep_fragments import KeepFragmentsService
from vknz_desktop.services.observations import ObservationService
from vknz_desktop.storage.fragments_repo import FragmentsRepository
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.vault import Vault

INSIDE = 120


def test_keeping_fragments_moves_all_observations_in_one_commit(vault_dir: Path) -> None:
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        recording = import_file(vault, facts.VIDEO_MP4)
        repo = FragmentsRepository(vault)
        ClipService(repo).create(recording.id, 1000, 3000)
        ClipService(repo).create(recording.id, 4000, 5000)
        notes = ObservationService(vault)
        for index in range(INSIDE):
            notes.create(recording.id, 1000 + index * 10, text=f"Binnen {index}")
        notes.create(recording.id, 3500, text="Erbuiten")
        statements: list[str] = []
        vault._conn.set_trace_callback(statements.append)
        try:
            KeepFragmentsService(vault, repo, PyAvRemuxer()).run(
                recording.id, role=Role.KLANTMANAGER
            )
        finally:
            vault._conn.set_trace_callback(None)
        moves = [s for s in statements if s.startswith("UPDATE observations SET recording_id")]
        commits = [s for s in statements if s.strip().upper() == "COMMIT"]
        assert len({s.rsplit("WHERE id = ", 1)[-1] for s in moves}) == INSIDE
        assert len(commits) == 1, commits
