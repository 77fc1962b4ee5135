"""The anonymised learning summary: the only thing that ever leaves the laptop.

:class:`LearningSummary` is the JSON format (``schema_version`` 1, documented in
``docs/summary-format.md``); Markdown, HTML and PDF are renderings of the same model. It holds
only de-identified free text, Kijkwijzer theme names, counts, statuses and months — never video,
audio, pictures, recording titles or ids, participant names, exact dates (unless chosen) or
times of day. The model is strict (unknown fields are refused), so the team learning agenda can
refuse anything that is not a summary.

Also here: pure helpers the builder and the renderers share (months in Dutch, replacement tags,
the user's extra terms). This module imports only the standard library and pydantic.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Sequence
from typing import Annotated, Final, Literal, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from vknz_desktop.domain.goals import GoalStatus

__all__ = [
    "MONTH_NAMES",
    "REPLACEMENT_TAGS",
    "SCHEMA_VERSION",
    "SUMMARY_KIND",
    "TAG_PATTERN",
    "BatchDeidentify",
    "CleanedTexts",
    "Deidentify",
    "LearningSummary",
    "SummaryEvidence",
    "SummaryGoal",
    "SummaryPeriod",
    "SummaryStore",
    "SummaryTheme",
    "TermMasker",
    "ThemeCount",
    "count_tags",
    "format_period",
    "format_when",
    "mask_terms",
    "month_code",
    "split_tags",
]

SCHEMA_VERSION: Final = 2  # 2: with vault_id; version 1 files are still read
SUMMARY_KIND: Final = "vknz-leersamenvatting"
TERM_TAG = "weggelaten"

# The neutral tags that replace personal data ([persoon], [adres], …); export.deidentify uses
# exactly these, and the user's extra terms become [weggelaten].
REPLACEMENT_TAGS: tuple[str, ...] = (
    "persoon",
    "adres",
    "postcode",
    "plaats",
    "datum",
    "tijd",
    "telefoonnummer",
    "e-mail",
    "url",
    "bsn",
    "iban",
    "instelling",
    "werkgever",
    "leeftijd",
    "nummer",
    "kenteken",
    TERM_TAG,
)

MONTH_NAMES = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

_MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")
_DAY = re.compile(r"(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")

ShortText = Annotated[str, Field(max_length=500)]
LongText = Annotated[str, Field(max_length=5000)]
Label = Annotated[str, Field(min_length=1, max_length=200)]


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True)


def _check_when(value: str) -> str:
    if not (_MONTH.fullmatch(value) or _DAY.fullmatch(value)):
        raise ValueError("verwacht een maand (JJJJ-MM) of een datum (JJJJ-MM-DD)")
    if _DAY.fullmatch(value):
        dt.date.fromisoformat(value)  # a real day
    return value


class SummaryTheme(_Strict):
    """A Kijkwijzer theme, by name (ids kept so summaries can be merged reliably)."""

    profile_id: Label
    profile: Label
    theme_id: Label
    title: Label


class SummaryEvidence(_Strict):
    """One observation or clip linked to a goal: only its de-identified text and theme."""

    kind: Literal["waarneming", "fragment"]
    theme: str | None = Field(default=None, max_length=200)
    question: str | None = Field(default=None, max_length=500)
    text: LongText


class SummaryGoal(_Strict):
    """A leerdoel as it leaves the laptop."""

    goal: ShortText
    why: LongText = ""
    next_time: LongText = ""
    status: GoalStatus
    theme: SummaryTheme | None = None
    created: str
    review: str | None = None
    evidence: list[SummaryEvidence] = Field(default_factory=list)

    @field_validator("created")
    @classmethod
    def _created_when(cls, value: str) -> str:
        return _check_when(value)

    @field_validator("review")
    @classmethod
    def _review_when(cls, value: str | None) -> str | None:
        return None if value is None else _check_when(value)


class ThemeCount(_Strict):
    """How many observations in the period answer a theme (``theme_id`` None: free notes)."""

    profile_id: str | None = Field(default=None, max_length=200)
    profile: str | None = Field(default=None, max_length=200)
    theme_id: str | None = Field(default=None, max_length=200)
    title: Label
    observations: int = Field(ge=0)


class SummaryPeriod(_Strict):
    """The period the summary covers: months, or days when the user chose exact dates."""

    start: str
    end: str

    @field_validator("start", "end")
    @classmethod
    def _month_or_day(cls, value: str) -> str:
        return _check_when(value)

    @model_validator(mode="after")
    def _ordered(self) -> SummaryPeriod:
        if len(self.start) != len(self.end):
            raise ValueError("begin en einde van de periode hebben dezelfde precisie nodig")
        if self.start > self.end:
            raise ValueError("het begin van de periode ligt na het einde")
        return self


class LearningSummary(_Strict):
    """An anonymised learning summary (JSON schema version 2; version 1 had no vault_id)."""

    schema_version: Literal[1, 2] = SCHEMA_VERSION
    kind: Literal["vknz-leersamenvatting"] = SUMMARY_KIND
    language: Literal["nl"] = "nl"
    # An opaque random id per vault (never derived from a name): the team agenda counts people
    # with it, and never shows or writes it.
    vault_id: str | None = Field(default=None, pattern=r"^[0-9a-f]{32}$")
    period: SummaryPeriod
    recordings: int | None = Field(default=None, ge=0)
    sessions: int | None = Field(default=None, ge=0)
    goals: list[SummaryGoal] = Field(default_factory=list, max_length=1000)
    theme_counts: list[ThemeCount] | None = None
    deidentified_with: str = Field(min_length=1, max_length=200)

    @property
    def exact_dates(self) -> bool:
        """Whether the summary carries days instead of months."""
        return bool(_DAY.fullmatch(self.period.start))

    def free_texts(self) -> list[str]:
        """Every free text in the summary (goals, reasons, plans, evidence)."""
        texts: list[str] = []
        for goal in self.goals:
            texts.extend((goal.goal, goal.why, goal.next_time))
            texts.extend(e.text for e in goal.evidence)
        return [t for t in texts if t]


@runtime_checkable
class Deidentify(Protocol):
    """``export.deidentify``: text with personal data replaced by neutral tags."""

    def __call__(self, text: str, names: Sequence[str] = ()) -> str: ...


class CleanedTexts(Protocol):
    """What a batch de-identification returns."""

    @property
    def texts(self) -> tuple[str, ...]: ...

    @property
    def replacements(self) -> int: ...

    @property
    def doubtful(self) -> tuple[str, ...]: ...


@runtime_checkable
class BatchDeidentify(Deidentify, Protocol):
    """``export.deidentify`` with its batch call: many texts in one round trip to the worker,
    the extra terms masked, and the doubtful words left (when ``known_words`` is given)."""

    def batch(
        self,
        texts: Sequence[str],
        names: Sequence[str] = (),
        terms: Sequence[str] = (),
        known_words: Collection[str] | None = None,
    ) -> CleanedTexts: ...


@runtime_checkable
class SummaryStore(Protocol):
    """What the vault keeps for summaries besides goals: the name register, the words the
    user kept, the vault's summary id and where fragment recordings came from."""

    def registered_names(self) -> list[str]: ...

    def register_names(self, names: Sequence[str]) -> None: ...

    def accepted_words(self) -> list[str]: ...

    def set_accepted_words(self, words: Sequence[str]) -> None: ...

    def vault_id(self) -> str | None: ...

    def fragment_sources(self) -> dict[str, str]: ...


# -- pure helpers ----------------------------------------------------------------------------
def month_code(day: dt.date) -> str:
    """``2026-10`` for any day in October 2026."""
    return f"{day.year:04d}-{day.month:02d}"


def format_when(value: str) -> str:
    """'oktober 2026' for '2026-10'; '12 oktober 2026' for '2026-10-12'."""
    day = _DAY.fullmatch(value)
    if day:
        return f"{int(day.group(3))} {MONTH_NAMES[int(day.group(2)) - 1]} {day.group(1)}"
    month = _MONTH.fullmatch(value)
    if month:
        return f"{MONTH_NAMES[int(month.group(2)) - 1]} {month.group(1)}"
    return value


def format_period(period: SummaryPeriod) -> str:
    """'oktober 2026' or 'september 2026 – november 2026'."""
    if period.start == period.end:
        return format_when(period.start)
    return f"{format_when(period.start)} – {format_when(period.end)}"


TAG_PATTERN = re.compile(
    r"\[(?:"
    + "|".join(re.escape(n) for n in sorted(REPLACEMENT_TAGS, key=len, reverse=True))
    + r")\]"
)


def count_tags(text: str) -> int:
    """How many replacement tags (``[persoon]``, ``[adres]``, …) ``text`` holds."""
    return len(TAG_PATTERN.findall(text))


def split_tags(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, is_tag) pieces, for highlighting replacements."""
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in TAG_PATTERN.finditer(text):
        if match.start() > position:
            pieces.append((text[position : match.start()], False))
        pieces.append((match.group(0), True))
        position = match.end()
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces


class TermMasker:
    """Replaces the user's extra terms (any letter case, whole words) by ``[weggelaten]``.

    The pattern is built once, so masking many texts costs one pass per text.
    """

    def __init__(self, terms: Sequence[str]) -> None:
        cleaned = sorted({t.strip() for t in terms if t and t.strip()}, key=len, reverse=True)
        alternatives = "|".join(r"\s+".join(re.escape(w) for w in t.split()) for t in cleaned)
        self._pattern = (
            re.compile(rf"(?<![\w\[])(?:{alternatives})(?![\w\]])", re.IGNORECASE)
            if cleaned
            else None
        )

    def __call__(self, text: str) -> str:
        if self._pattern is None or not text:
            return text
        return self._pattern.sub(f"[{TERM_TAG}]", text)


def mask_terms(text: str, terms: Sequence[str]) -> str:
    """Replace the user's extra terms (any letter case, whole words) by ``[weggelaten]``."""
    return TermMasker(terms)(text)
