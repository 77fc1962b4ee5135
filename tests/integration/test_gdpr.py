"""Privacy requests for one participant: encrypted package, plain folder, erasure."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts

from vknz_desktop.domain.models import AuditAction, ConsentScope, Participant, Role
from vknz_desktop.media.probe import PyAvProber
from vknz_desktop.services.observations import ObservationService
from vknz_desktop.services.recordings import ImportRequest, RecordingService, make_consent
from vknz_desktop.storage.gdpr_repo import GdprRepository
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.vault import Vault


def _import(vault: Vault, source: Path, *names: str) -> str:
    request = ImportRequest(
        source=source,
        consent=make_consent(
            [ConsentScope.SELF], given_by=Role.KLANT, given_on=dt.date(2026, 11, 1)
        ),
        participants=tuple(Participant(display_name=n, role=Role.KLANT) for n in names),
    )
    return RecordingService(vault, PyAvProber()).import_recording(request).id


def _vault_with_two_clients(vault_dir: Path) -> tuple[str, str]:
    with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
        a = _import(vault, facts.VIDEO_MP4, "Klant Jansen")
        b = _import(vault, facts.AUDIO_WAV, "Klant Pieters")
        ObservationService(vault).create(a, 1000, text="Over Jansen")
        ObservationService(vault).create(b, 1000, text="Over Pieters")
    return a, b


def test_encrypted_access_package_opens_with_its_own_passphrase(
    vault_dir: Path, tmp_path: Path
) -> None:
    a, b = _vault_with_two_clients(vault_dir)
    package = tmp_path / "pakket"
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        found = GdprRepository(vault).export_encrypted(
            "klant jansen",
            package,
            "wachtwoord van de functionaris",
            role=Role.ONDERZOEKER,
            kdf_profile=TEST_PROFILE,
        )
        assert [r.id for r in found] == [a]
        assert vault.audit_entries()[-1].action == AuditAction.GDPR_ACCESS
    raw = b"".join(p.read_bytes() for p in package.rglob("*") if p.is_file())
    assert b"Over Jansen" not in raw and facts.VIDEO_MP4.read_bytes()[1000:1064] not in raw
    with Vault.open(package, "wachtwoord van de functionaris") as copy:
        assert [r.id for r in copy.recordings()] == [a]
        assert [o.text for o in copy.observations(a)] == ["Over Jansen"]
        with copy.open_media(a) as stream:
            assert stream.read() == facts.VIDEO_MP4.read_bytes()
        assert copy.verify() == []
        assert b not in {r.id for r in copy.recordings()}


def test_plain_folder_needs_typed_confirmation(vault_dir: Path, tmp_path: Path) -> None:
    _vault_with_two_clients(vault_dir)
    target = tmp_path / "inzage"
    env = dict(os.environ, VKNZ_PASSPHRASE=PASSPHRASE)
    base = [
        sys.executable,
        "-m",
        "vknz_desktop",
        "gdpr",
        "access",
        "Klant Pieters",
        "--out",
        str(target),
        "--plain",
    ]
    refused = subprocess.run(
        base, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL, check=False
    )
    assert refused.returncode == 2 and "ONVERSLEUTELD" in refused.stderr
    assert not target.exists() or not any(target.iterdir())
    done = subprocess.run(
        [*base, "--confirm", "ONVERSLEUTELD"],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads((target / "gegevens.json").read_text(encoding="utf-8"))
    assert [entry["waarnemingen"][0]["tekst"] for entry in data] == ["Over Pieters"]
    assert (target / data[0]["bestand"]).read_bytes() == facts.AUDIO_WAV.read_bytes()


def test_erasure_removes_everything_about_one_participant(vault_dir: Path) -> None:
    a, b = _vault_with_two_clients(vault_dir)
    with Vault.open(vault_dir, PASSPHRASE) as vault:
        GdprRepository(vault).erase("Klant Jansen", role=Role.ONDERZOEKER)
        assert [r.id for r in vault.recordings()] == [b]
        assert vault.search_observations("Jansen") == []
        assert not (vault_dir / "media" / f"{a}.vkm").exists()
        assert vault.audit_entries()[-1].action == AuditAction.GDPR_ERASURE
        assert vault.verify() == []
        assert [n for n, _ in GdprRepository(vault).participants()] == ["Klant Pieters"]
