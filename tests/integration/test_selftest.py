"""``vknz self-test`` in-process (the bundle itself is tested by ``make bundle-test``)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from vknz_desktop import selftest
from vknz_desktop.cli import run_command
from vknz_desktop.domain.errors import KnownError

pytestmark = pytest.mark.usefixtures("deduce_loaded")


def test_self_test_passes_and_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(selftest.tempfile, "tempdir", None)  # re-read TMPDIR
    real_vault = tmp_path / "vknz" / "vault"  # VKNZ_HOME's vault (conftest): never touched
    out = io.StringIO()

    assert run_command(["self-test"], out) == 0, capsys.readouterr().err

    lines = out.getvalue().splitlines()
    assert [line[:5] for line in lines[:7]] == [f"[{n}/7]" for n in range(1, 8)]
    assert "afgespeeld met libVLC" in lines[3] and "(0 beelden" not in lines[3]
    assert "gedecodeerd met PyAV" in lines[4]
    assert "leersamenvatting geschreven" in lines[5]
    assert lines[-1].startswith("Zelftest geslaagd")
    assert list(temp.iterdir()) == []
    assert not real_vault.exists()


def test_a_failing_step_is_named_and_cleaned_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def not_media(target: Path, *_args: object) -> None:
        target.write_bytes(b"dit is geen video")

    import vknz_desktop.media.synthetic as synthetic

    monkeypatch.setattr(synthetic, "write_test_recording", not_media)
    out = io.StringIO()
    with pytest.raises(KnownError, match="Zelftest mislukt bij 'testopname maken en importeren'"):
        selftest.run_self_test(out, temp_parent=tmp_path)
    assert list(tmp_path.glob("vknz-zelftest-*")) == []
    assert "[2/7]" in out.getvalue() and "[3/7]" not in out.getvalue()

    # Through the CLI: exit code 2 and one clear line on stderr.
    assert run_command(["self-test"], io.StringIO()) == 2
    assert capsys.readouterr().err.startswith("vknz: Zelftest mislukt bij 'testopname")
