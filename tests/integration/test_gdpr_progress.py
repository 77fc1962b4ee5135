"""GdprRepository's optional progress and cancel (used by the GUI's AVG-verzoek dialog)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts
from tests.integration.helpers import import_file

from vknz_desktop.domain.errors import ExportCancelledError, KnownError
from vknz_desktop.domain.models import AuditAction, Role
from vknz_desktop.domain.ports import CancelToken
from vknz_desktop.storage.gdpr_repo import GdprRepository
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.vault import Vault

NAME = "Klant Fictief"  # the participant import_file registers


@pytest.fixture
def vault(vault_dir: Path) -> Vault:
    created = Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE)
    import_file(created, facts.VIDEO_MP4)
    import_file(created, facts.AUDIO_WAV)
    return created


def seen_by(seen: list[tuple[int, int]]) -> Callable[[int, int], None]:
    return lambda done, total: seen.append((done, total))


def test_progress_reaches_the_total(vault: Vault, tmp_path: Path) -> None:
    repo = GdprRepository(vault, TEST_PROFILE)
    for export in ("encrypted", "plain"):
        seen: list[tuple[int, int]] = []
        target = tmp_path / export
        if export == "encrypted":
            repo.export_encrypted(
                NAME, target, "een ander wachtwoord", role=None, progress=seen_by(seen)
            )
        else:
            repo.export_plain(NAME, target, role=None, progress=seen_by(seen))
        assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1] > 0
        assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    erased: list[tuple[int, int]] = []
    repo.erase(NAME, role=Role.ONDERZOEKER, progress=lambda d, t: erased.append((d, t)))
    assert erased == [(1, 2), (2, 2)]
    vault.close()


@pytest.mark.parametrize("existed", [False, True])
def test_cancel_removes_what_was_written_and_audits_nothing(
    vault: Vault, tmp_path: Path, existed: bool
) -> None:
    repo = GdprRepository(vault, TEST_PROFILE)
    before = len(vault.audit_entries())
    for export in ("encrypted", "plain"):
        target = tmp_path / export
        if existed:
            target.mkdir()
        token = CancelToken()

        def cancel_halfway(done: int, total: int, token: CancelToken = token) -> None:
            if done > 0:
                token.cancel()

        with pytest.raises(ExportCancelledError):
            if export == "encrypted":
                repo.export_encrypted(
                    NAME,
                    target,
                    "een ander wachtwoord",
                    role=None,
                    progress=cancel_halfway,
                    cancel=token,
                )
            else:
                repo.export_plain(NAME, target, role=None, progress=cancel_halfway, cancel=token)
        assert target.exists() == existed
        assert not existed or list(target.iterdir()) == []
    assert len(vault.audit_entries()) == before
    vault.close()


def test_a_folder_that_is_not_empty_is_refused_untouched(vault: Vault, tmp_path: Path) -> None:
    target = tmp_path / "bezet"
    target.mkdir()
    (target / "van iemand anders.txt").write_text("blijft")
    repo = GdprRepository(vault, TEST_PROFILE)
    with pytest.raises(KnownError, match="niet leeg"):
        repo.export_plain(NAME, target, role=None)
    with pytest.raises(KnownError, match="niet leeg"):
        repo.export_encrypted(NAME, target, "een ander wachtwoord", role=None)
    assert [p.name for p in target.iterdir()] == ["van iemand anders.txt"]
    assert vault.audit_entries()[-1].action != AuditAction.GDPR_ACCESS
    vault.close()
