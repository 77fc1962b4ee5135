"""Dutch display helpers: times (from ``domain.timefmt``), dates, consent scopes, roles, sizes.

No locale is consulted: dates and numbers always come out the same, whatever the system is set
to. Words go through Qt's translation functions (context ``"Formatting"``), so an English
translation can replace them later; without a translator installed they are Dutch.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from PySide6.QtCore import QCoreApplication

from vknz_desktop.domain.models import CONSENT_SCOPE_LABELS, Consent, ConsentScope, Role
from vknz_desktop.domain.timefmt import (
    format_clip_time,
    format_duration,
    format_position,
    format_ruler_label,
    format_time,
)

KeepUntilState = Literal["ok", "soon", "expired"]

#: How many days before the keep-until date a recording counts as "verloopt binnenkort".
SOON_DAYS = 14


def month_abbreviation(month: int) -> str:
    """The Dutch abbreviation of ``month`` (1–12), e.g. ``"nov."``; May is simply ``"mei"``."""
    # Literal context and text in every call, so lupdate can collect them for a translation.
    names = (
        QCoreApplication.translate("Formatting", "jan."),
        QCoreApplication.translate("Formatting", "feb."),
        QCoreApplication.translate("Formatting", "mrt."),
        QCoreApplication.translate("Formatting", "apr."),
        QCoreApplication.translate("Formatting", "mei"),
        QCoreApplication.translate("Formatting", "jun."),
        QCoreApplication.translate("Formatting", "jul."),
        QCoreApplication.translate("Formatting", "aug."),
        QCoreApplication.translate("Formatting", "sep."),
        QCoreApplication.translate("Formatting", "okt."),
        QCoreApplication.translate("Formatting", "nov."),
        QCoreApplication.translate("Formatting", "dec."),
    )
    if not 1 <= month <= 12:
        raise ValueError(f"month out of range: {month}")
    return names[month - 1]


def format_date(day: dt.date | None) -> str:
    """A date as people write it in Dutch, e.g. ``"28 nov. 2026"``; ``"–"`` when unknown."""
    if day is None:
        return "–"
    return f"{day.day} {month_abbreviation(day.month)} {day.year}"


def scope_label(scope: ConsentScope) -> str:
    """The Dutch label of one consent scope (the texts of ``CONSENT_SCOPE_LABELS``)."""
    labels = {
        ConsentScope.SELF: QCoreApplication.translate("Formatting", "alleen zelf terugkijken"),
        ConsentScope.RESEARCHER: QCoreApplication.translate(
            "Formatting", "samen met onderzoeker/trainer"
        ),
        ConsentScope.COLLEAGUES: QCoreApplication.translate(
            "Formatting", "met collega's (intervisie)"
        ),
        ConsentScope.CLIENT: QCoreApplication.translate("Formatting", "klant kijkt mee"),
    }
    return labels.get(scope, CONSENT_SCOPE_LABELS.get(scope, str(scope)))


def scope_labels(consent: Consent, separator: str = ", ") -> str:
    """The consent's scopes as Dutch labels, in a fixed order (that of ``ConsentScope``)."""
    return separator.join(scope_label(scope) for scope in ConsentScope if scope in consent.scopes)


def role_label(role: Role) -> str:
    """The Dutch name of a role, capitalised for lists and combo boxes."""
    labels = {
        Role.KLANTMANAGER: QCoreApplication.translate("Formatting", "Klantmanager"),
        Role.KLANT: QCoreApplication.translate("Formatting", "Klant"),
        Role.ONDERZOEKER: QCoreApplication.translate("Formatting", "Onderzoeker of trainer"),
        Role.COLLEGA: QCoreApplication.translate("Formatting", "Collega"),
        Role.LEIDINGGEVENDE: QCoreApplication.translate("Formatting", "Leidinggevende"),
    }
    return labels.get(role, str(role))


def keep_until_state(consent: Consent, today: dt.date) -> KeepUntilState:
    """``"expired"`` after the keep-until date, ``"soon"`` within 14 days of it, else ``"ok"``.

    The keep-until day itself still counts as allowed (``"soon"``), as in
    ``RecordingService.expired``.
    """
    days_left = (consent.keep_until - today).days
    if days_left < 0:
        return "expired"
    if days_left <= SOON_DAYS:
        return "soon"
    return "ok"


def _separators() -> tuple[str, str]:
    """(thousands, decimal) separators of the UI language: Dutch ``.`` and ``,``; an English
    translation swaps them (they are translated like words, so no system locale is used)."""
    return (
        QCoreApplication.translate("Formatting", ".", "thousands separator"),
        QCoreApplication.translate("Formatting", ",", "decimal separator"),
    )


def format_number(value: int) -> str:
    """A whole number the Dutch way: ``1234`` → ``"1.234"`` (``"1,234"`` in English)."""
    thousands, _ = _separators()
    return f"{int(value):,}".replace(",", thousands)


def format_decimal(value: float, decimals: int = 1) -> str:
    """A decimal number the Dutch way: ``1234.5`` → ``"1.234,5"`` (``"1,234.5"`` in English)."""
    thousands, decimal = _separators()
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


def format_megabytes(size_bytes: int) -> str:
    """A size in megabytes (10^6 bytes) with one decimal: ``"12,5"``, ``"1.234,5"``."""
    return format_decimal(size_bytes / 1_000_000, 1)


def format_size(size_bytes: int) -> str:
    """A file size for people: ``"512 B"``, ``"83 kB"``, ``"12,5 MB"``, ``"1,2 GB"`` (10^3
    steps, as file managers show them; one decimal below 100 from MB up)."""
    value = float(size_bytes)
    for unit in ("B", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            break
        value /= 1000
    if unit in ("B", "kB") or value >= 100:
        return f"{format_number(round(value))} {unit}"
    return f"{format_decimal(value, 1)} {unit}"


def media_kind_label(has_video: bool) -> str:
    """``"Video"`` or ``"Alleen geluid"``."""
    if has_video:
        return QCoreApplication.translate("Formatting", "Video")
    return QCoreApplication.translate("Formatting", "Alleen geluid")


__all__ = [
    "SOON_DAYS",
    "KeepUntilState",
    "format_clip_time",
    "format_date",
    "format_decimal",
    "format_duration",
    "format_megabytes",
    "format_number",
    "format_position",
    "format_ruler_label",
    "format_size",
    "format_time",
    "keep_until_state",
    "media_kind_label",
    "month_abbreviation",
    "role_label",
    "scope_label",
    "scope_labels",
]
