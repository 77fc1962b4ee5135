"""Random summary files for the team agenda, and a really full disk during import."""

from __future__ import annotations

import json
import os
import subprocess
import wave
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts
from tests.integration.helpers import import_file
from vknz_desktop.domain.errors import DiskFullError, KnownError
from vknz_desktop.export.team_agenda import load_summaries
from vknz_desktop.storage.keyfile import TEST_PROFILE
from vknz_desktop.storage.vault import Vault

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=20,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(document=_JSON, raw=st.binary(max_size=200), use_raw=st.booleans())
def test_random_summary_files_are_refused_clearly(
    tmp_path: Path, document: object, raw: bytes, use_raw: bool
) -> None:
    path = tmp_path / "samenvatting.json"
    path.write_bytes(raw if use_raw else json.dumps(document).encode())
    try:
        loaded = load_summaries([path])
    except KnownError as error:
        assert error.message
        return
    # Refused files are reported one by one, with a Dutch message each.
    for problem in getattr(loaded, "problems", []):
        assert str(problem)


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a tmpfs needs root (CI runs as root)")
def test_a_really_full_disk_during_import(tmp_path: Path) -> None:
    mount_point = tmp_path / "klein"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount_point)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.fail(f"could not mount a tmpfs: {mounted.stderr.decode()}")
    try:
        vault_dir = mount_point / "vault"
        big = tmp_path / "groot.wav"
        with wave.open(str(big), "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(16000)
            wav.writeframes(os.urandom(6 * 1024 * 1024))
        with Vault.create(vault_dir, PASSPHRASE, kdf_profile=TEST_PROFILE) as vault:
            kept = import_file(vault, facts.AUDIO_WAV)
            with pytest.raises(DiskFullError, match="schijf is vol"):
                import_file(vault, big)
            assert [r.id for r in vault.recordings()] == [kept.id]
            assert [p.name for p in vault.media_dir.iterdir()] == [f"{kept.id}.vkm"]
        with Vault.open(vault_dir, PASSPHRASE) as vault:
            assert vault.verify() == []
    finally:
        subprocess.run(["umount", str(mount_point)], check=False)
