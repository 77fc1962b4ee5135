"""Proof by running the real app: no residue on disk, no network, no content in the logs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.fixtures import media_facts as facts
from tests.integration.helpers import distinctive_blocks, files_containing

SCRIPT = Path(__file__).with_name("full_session.py")


@pytest.mark.timeout(600)
def test_full_session_leaves_no_residue_opens_no_network_and_logs_no_content(
    tmp_path: Path,
) -> None:
    sandbox = tmp_path / "sandbox"
    for sub in ("home", "tmp", "data", "config", "cache", "state", "runtime"):
        (sandbox / sub).mkdir(parents=True)
    (sandbox / "runtime").chmod(0o700)
    canary = f"KANARIE-{uuid.uuid4().hex}"
    export_file = sandbox / "export" / "samenvatting.md"
    export_file.parent.mkdir()
    audit_out = sandbox / "audit.txt"
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("XDG_", "VKNZ_")) and key not in ("HOME", "TMPDIR")
    }
    env.update(
        HOME=str(sandbox / "home"),
        TMPDIR=str(sandbox / "tmp"),
        XDG_DATA_HOME=str(sandbox / "data"),
        XDG_CONFIG_HOME=str(sandbox / "config"),
        XDG_CACHE_HOME=str(sandbox / "cache"),
        XDG_STATE_HOME=str(sandbox / "state"),
        XDG_RUNTIME_DIR=str(sandbox / "runtime"),
        VKNZ_HOME=str(sandbox / "vknz"),
        VKNZ_PASSPHRASE=PASSPHRASE,
        QT_QPA_PLATFORM="offscreen",
        VKNZ_AUDIT_OUT=str(audit_out),
    )
    command = [sys.executable, str(SCRIPT), str(facts.VIDEO_MP4), canary, str(export_file)]
    strace = shutil.which("strace")
    trace = sandbox / "strace.txt"
    if strace:
        command = [
            strace,
            "-f",
            "-qq",
            "-e",
            "trace=socket,connect,execve",
            "-o",
            str(trace),
            *command,
        ]
    started = time.time()
    result = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=540, cwd=sandbox, check=False
    )
    assert "SESSION-DONE" in result.stdout, result.stdout + result.stderr[-4000:]
    assert "Traceback" not in result.stderr

    # 1. No network: not from Python (audit hook), not from libVLC or Qt (strace).
    audited = audit_out.read_text() if audit_out.exists() else ""
    assert audited == "", f"Python opened network sockets:\n{audited}"
    assert strace, "strace is installed by `make test` (system-test-deps)"
    syscalls = trace.read_text()
    assert "execve(" in syscalls, "strace did not trace the session"
    inet = [line for line in syscalls.splitlines() if re.search(r"AF_INET6?\b", line)]
    sockets = len([line for line in syscalls.splitlines() if "socket(" in line])
    print(f"strace: {sockets} socket() calls, {len(inet)} with AF_INET/AF_INET6")
    assert inet == []

    # 2. No residue: no 64-byte slice of the media, no canary, anywhere but the vault's ciphertext.
    media_blocks = distinctive_blocks(facts.VIDEO_MP4.read_bytes())
    canary_bytes = {canary.encode()[i : i + 32] for i in range(0, len(canary) - 31)}
    export_text = export_file.read_text(encoding="utf-8")
    scanned = [p for p in sandbox.rglob("*") if p.is_file()]
    hits = [
        h
        for h in files_containing(media_blocks | canary_bytes, [sandbox])
        + files_containing(
            media_blocks | canary_bytes, [Path(tempfile.gettempdir())], changed_since=started
        )
        if not h.startswith(str(sandbox / "export"))
        and not h.startswith(str(tmp_path) + "/sandbox/strace")
    ]
    print(
        f"scanned {len(scanned)} sandbox files for {len(media_blocks)} media blocks and the "
        f"canary: {len(hits)} with plaintext"
    )
    assert hits == [], f"plaintext found in: {hits}"
    assert canary not in export_text, "the export holds the raw canary (with a registered name)"
    assert "Kanarie Klant" not in export_text and "Titel Kanarie" not in export_text
    assert "[persoon]" in export_text or canary.lower() not in export_text.lower()

    # 3. Logs: ids and counts only.
    logs = [p for p in (sandbox / "vknz" / "logs").rglob("*") if p.is_file()]
    assert logs, "the session writes a log"
    log_text = "".join(p.read_text(encoding="utf-8", errors="replace") for p in logs)
    for secret in (canary, "Kanarie", "Titel", PASSPHRASE):
        assert secret not in log_text, secret
    print(f"log: {len(log_text.splitlines())} lines, none with content")
