"""The GUI process never imports deduce (issue 17): a process that imports every GUI module and
the app's leerdoelen backend, and builds a summary through it, has de-identified text and no
deduce (or docdeid) among its modules. Only the worker process loads them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import datetime as dt, importlib, pkgutil, sys
import vknz_desktop.ui as ui
from PySide6.QtWidgets import QApplication

app = QApplication(["vknz"])
for info in pkgutil.walk_packages(ui.__path__, "vknz_desktop.ui."):
    importlib.import_module(info.name)
from vknz_desktop.app import learning_backend
from vknz_desktop.domain.models import Role
from vknz_desktop.services.goals import GoalService
from vknz_desktop.services.summary import SummaryService
from tests.fixtures.learning_fakes import MemoryGoals, MemorySource, observation, recording

backend = learning_backend()
store = MemoryGoals()
rec = recording("r1", "Gesprek", dt.date(2026, 9, 1), [("Wendelien Okkerse", Role.KLANT)])
obs = observation("o1", "r1", "Wendelien belde me op 06-12345678 over haar baan.")
GoalService(store).create_from_observations([obs], goal="Okkerse laten uitpraten")
service = SummaryService(store, MemorySource([rec], [obs]), [], backend.deidentify)
built = service.build()
print("GOAL=" + built.summary.goals[0].goal)
print("EVIDENCE=" + built.summary.goals[0].evidence[0].text)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("deduce", "docdeid"))
print("DEDUCE=" + ",".join(loaded))
"""


def test_gui_process_builds_a_summary_without_importing_deduce(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = dict(line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)
    assert lines["GOAL"] == "[persoon] laten uitpraten"
    assert "Wendelien" not in lines["EVIDENCE"] and "12345678" not in lines["EVIDENCE"]
    assert "[telefoonnummer]" in lines["EVIDENCE"]
    assert lines["DEDUCE"] == ""  # deduce ran in the worker process only
