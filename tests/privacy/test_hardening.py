"""The process is hardened at start: no core dumps, private files, and (Linux) not dumpable, so
another process of the same user cannot read its memory through /proc/PID/mem."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="prctl and /proc/PID/mem are Linux"
)

#: The target: optionally hardened, holds a canary in memory, says where it is, then waits.
_TARGET = textwrap.dedent(
    """
    import ctypes, sys
    from vknz_desktop.hardening import harden_process, is_dumpable
    if sys.argv[1] == "hardened":
        harden_process()
    canary = bytearray(b"VKNZ-CANARY-" + b"x" * 20)
    address = ctypes.addressof((ctypes.c_char * len(canary)).from_buffer(canary))
    print(address, len(canary), int(bool(is_dumpable())), flush=True)
    sys.stdin.read()
    """
)

#: The reader (same user): starts the target as its own child, so no ptrace scope rule stands
#: in the way, then tries to read the canary from /proc/PID/mem.
_READER = textwrap.dedent(
    """
    import subprocess, sys
    target = subprocess.Popen(
        [sys.executable, "-c", sys.argv[1], sys.argv[2]],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    address, length, dumpable = (int(x) for x in target.stdout.readline().split())
    try:
        with open(f"/proc/{target.pid}/mem", "rb") as mem:
            mem.seek(address)
            print("READ", mem.read(length).decode(errors="replace"), dumpable)
    except OSError as error:
        print("DENIED", error.errno, dumpable)
    target.stdin.close()
    target.wait(10)
    """
)


def _without_ptrace_capability() -> list[str]:
    """As root (CI), the reader must not hold CAP_SYS_PTRACE, which overrides the setting:
    it then runs with an empty capability set, still as the same user."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    assert setpriv, "setpriv (util-linux) is needed to drop root's capabilities"
    return [setpriv, "--inh-caps=-all", "--bounding-set=-all"]


def _read_memory(kind: str) -> list[str]:
    out = subprocess.run(
        [*_without_ptrace_capability(), sys.executable, "-c", _READER, _TARGET, kind],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return out.stdout.split()


def test_another_process_of_the_same_user_cannot_read_our_memory() -> None:
    control = _read_memory("plain")
    assert control[0] == "READ" and control[1].startswith("VKNZ-CANARY-"), control  # possible…
    assert control[-1] == "1"
    hardened = _read_memory("hardened")
    assert hardened[0] == "DENIED", hardened  # … until the process is hardened
    assert hardened[-1] == "0"


def test_no_core_dumps_and_private_files() -> None:
    code = textwrap.dedent(
        """
        import os, resource, tempfile
        from vknz_desktop.hardening import harden_process
        harden_process()
        print(resource.getrlimit(resource.RLIMIT_CORE)[1])
        path = tempfile.mktemp()
        open(path, "w").close()
        print(oct(os.stat(path).st_mode & 0o777))
        os.unlink(path)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert out.stdout.split() == ["0", "0o600"]
