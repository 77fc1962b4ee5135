"""The audit log's details in plain Dutch: "83 kB, toestemming: alleen zelf terugkijken"
instead of "bytes: 83221, scopes: zelf". Ids and counts only, as stored; never content."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from vknz_desktop.domain.models import AuditEntry, ConsentScope
from vknz_desktop.ui.common.formatting import (
    format_date,
    format_number,
    format_size,
    scope_label,
)

#: The stored form of the failed unlocks' times (storage/vault.py writes them in UTC).
_STORED_TIME = "%Y-%m-%dT%H:%M:%SZ"


def local_time(at: dt.datetime) -> str:
    """``07-12-2026 10:15:03`` in the computer's time zone."""
    return at.astimezone().strftime("%d-%m-%Y %H:%M:%S")


def stored_time(text: str) -> dt.datetime | None:
    """A time as the vault notes failed unlocks (UTC), or None."""
    try:
        return dt.datetime.strptime(text, _STORED_TIME).replace(tzinfo=dt.UTC)
    except ValueError:
        return None


def entry_time(entry: AuditEntry) -> dt.datetime:
    """When it happened: a failed unlock is written at the next unlock, so it shows the time
    of its own (last) attempt, not that of the unlock that wrote it."""
    noted = stored_time(str(entry.details.get("last", "")))
    return noted if noted is not None else entry.at


def _scopes(value: str) -> str:
    labels = []
    for code in value.split(","):
        try:
            labels.append(scope_label(ConsentScope(code)))
        except ValueError:
            labels.append(code)
    return ", ".join(labels) if labels else "—"


def _seconds(value: int) -> str:
    minutes, seconds = divmod(round(value / 1000), 60)
    return f"{minutes}:{seconds:02d}"


def _yes_no(value: int | str) -> str:
    return (
        QCoreApplication.translate("AuditDetails", "ja")
        if str(value) not in ("0", "", "False")
        else QCoreApplication.translate("AuditDetails", "nee")
    )


def _when(value: str) -> str:
    at = stored_time(value)
    return local_time(at) if at is not None else value


def _day(value: str) -> str:
    try:
        return format_date(dt.date.fromisoformat(value))
    except ValueError:
        return value


def _attempts(count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("AuditDetails", "1 poging")
    return QCoreApplication.translate("AuditDetails", "{0} pogingen").format(format_number(count))


_Format = Callable[[int | str], str]


def _formats() -> dict[str, tuple[str, _Format]]:
    """Per detail key: its Dutch name ('' = the value says it all) and how to show it."""
    number: _Format = lambda v: format_number(int(v)) if str(v).isdigit() else str(v)  # noqa: E731
    plain: _Format = str
    return {
        "bytes": ("", lambda v: format_size(int(v))),
        "scopes": (
            QCoreApplication.translate("AuditDetails", "toestemming"),
            lambda v: _scopes(str(v)),
        ),
        "was": (QCoreApplication.translate("AuditDetails", "eerder"), lambda v: _scopes(str(v))),
        "keep_until": (
            QCoreApplication.translate("AuditDetails", "bewaren tot"),
            lambda v: _day(str(v)),
        ),
        "ms": (QCoreApplication.translate("AuditDetails", "duur"), lambda v: _seconds(int(v))),
        "attempts": (
            "",
            lambda v: _attempts(int(v)),
        ),
        "first": (QCoreApplication.translate("AuditDetails", "eerste"), lambda v: _when(str(v))),
        "last": (QCoreApplication.translate("AuditDetails", "laatste"), lambda v: _when(str(v))),
        "via": (QCoreApplication.translate("AuditDetails", "via"), plain),
        "kind": (QCoreApplication.translate("AuditDetails", "soort"), plain),
        "format": (QCoreApplication.translate("AuditDetails", "bestandsvorm"), plain),
        "goals": (QCoreApplication.translate("AuditDetails", "leerdoelen"), number),
        "evidence": (QCoreApplication.translate("AuditDetails", "voorbeelden"), number),
        "replacements": (QCoreApplication.translate("AuditDetails", "vervangen namen"), number),
        "recordings": (QCoreApplication.translate("AuditDetails", "opnames"), number),
        "mentions": (QCoreApplication.translate("AuditDetails", "vermeldingen weggehaald"), number),
        "register": (QCoreApplication.translate("AuditDetails", "naamregister"), plain),
        "register_entries": (
            QCoreApplication.translate("AuditDetails", "regels uit het naamregister"),
            number,
        ),
        "generation": (QCoreApplication.translate("AuditDetails", "sleutelbestand versie"), number),
        "fragments": (QCoreApplication.translate("AuditDetails", "fragmenten"), number),
        "clips": (QCoreApplication.translate("AuditDetails", "stukjes"), number),
        "observations_moved": (
            QCoreApplication.translate("AuditDetails", "waarnemingen verplaatst"),
            number,
        ),
        "source": (QCoreApplication.translate("AuditDetails", "uit opname"), plain),
        "from": (QCoreApplication.translate("AuditDetails", "uit opname"), plain),
        "removable_media": (
            QCoreApplication.translate("AuditDetails", "verwisselbare schijf"),
            _yes_no,
        ),
        "observation": (QCoreApplication.translate("AuditDetails", "waarneming"), plain),
        "onderzoekers": (QCoreApplication.translate("AuditDetails", "onderzoekers"), number),
        "onderzoeker": (QCoreApplication.translate("AuditDetails", "onderzoeker"), plain),
        "sealed": (QCoreApplication.translate("AuditDetails", "feedback verzegeld"), number),
        "sealed_included": (
            QCoreApplication.translate("AuditDetails", "verzegelde feedback meegegeven"),
            number,
        ),
        "sealed_left_out": (
            QCoreApplication.translate("AuditDetails", "verzegelde feedback niet meegegeven"),
            number,
        ),
        "reason": (QCoreApplication.translate("AuditDetails", "reden"), plain),
    }


def describe_details(details: dict[str, int | str]) -> str:
    """The details of one entry, in plain Dutch, in a fixed order."""
    formats = _formats()
    parts = []
    order = list(formats)
    for key in sorted(details, key=lambda k: (order.index(k) if k in order else len(order), k)):
        name, show = formats.get(key, (key, str))
        value = show(details[key])
        parts.append(f"{name}: {value}" if name else value)
    return ", ".join(parts)


__all__ = ["describe_details", "entry_time", "local_time"]
