"""The Logboek: every action has a Dutch name, details and times in plain Dutch."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pytestqt.qtbot import QtBot


def test_every_audit_action_has_a_dutch_label_in_the_log() -> None:
    from vknz_desktop.domain.models import AuditAction
    from vknz_desktop.ui.features.privacy.audit_log_dialog import ACTION_LABELS

    assert set(ACTION_LABELS) == set(AuditAction)


def _entry(action: str, details: dict[str, int | str], role: str | None = "klantmanager") -> Any:
    from vknz_desktop.domain.models import AuditEntry

    return AuditEntry(
        id=1,
        at=dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC),
        action=action,
        role=role,
        recording_id=None,
        details=details,
    )


def test_details_are_plain_dutch(qtbot: QtBot) -> None:
    from vknz_desktop.ui.features.privacy.audit_log_dialog import AuditLogDialog

    imported = _entry(
        "import", {"bytes": 83_221, "scopes": "onderzoeker,zelf", "keep_until": "2027-12-07"}
    )
    dialog = AuditLogDialog([imported], [])
    qtbot.addWidget(dialog)
    text = dialog.table.item(0, 1).text()
    assert text == (
        "Opname geïmporteerd (83 kB, toestemming: samen met onderzoeker/trainer, alleen zelf"
        " terugkijken, bewaren tot: 7 dec. 2027)"
    )
    assert dialog.table.item(0, 2).text() == "Klantmanager"
    assert "bytes" not in text and "scopes" not in text


def test_a_failed_unlock_shows_its_own_time(qtbot: QtBot) -> None:
    from vknz_desktop.ui.features.privacy.audit_log_dialog import AuditLogDialog

    failed = _entry(
        "failed_unlock",
        {"attempts": 2, "first": "2026-12-06T20:00:00Z", "last": "2026-12-06T20:01:30Z"},
        role=None,
    )
    dialog = AuditLogDialog([failed], [])
    qtbot.addWidget(dialog)
    own = dt.datetime(2026, 12, 6, 20, 1, 30, tzinfo=dt.UTC).astimezone()
    assert dialog.table.item(0, 0).text() == own.strftime("%d-%m-%Y %H:%M:%S")
    assert dialog.table.item(0, 1).text().startswith("Mislukte ontgrendeling (2 pogingen, eerste")


@pytest.mark.parametrize(
    ("size", "shown"),
    [(512, "512 B"), (83_221, "83 kB"), (12_500_000, "12,5 MB"), (250_000_000, "250 MB")],
)
def test_sizes_for_people(size: int, shown: str) -> None:
    from vknz_desktop.ui.common.formatting import format_size

    assert format_size(size) == shown


def test_an_onderzoekers_registration_counts_in_dutch(qtbot: QtBot) -> None:
    from vknz_desktop.ui.features.privacy.audit_log_dialog import AuditLogDialog

    registered = _entry("onderzoeker_registered", {"onderzoeker": "fecad5a3", "sealed": 2})
    dialog = AuditLogDialog([registered], [])
    qtbot.addWidget(dialog)
    text = dialog.table.item(0, 1).text()
    assert "feedback verzegeld: 2" in text and "sealed" not in text
