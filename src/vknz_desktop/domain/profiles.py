"""Kijkwijzer profiles: themes and questions that guide reviewing a recording.

A profile is a TOML file (see ``kijkwijzer_profiles/``) validated by the pydantic models below.
Every question is tagged with its *step*, so the side panel can lead from describing what happens
(waarnemen) via what it does to the other (betekenis) to what else I could do (alternatief):
describe before judging. Profiles never hold scores or grades of a person; a ``scale`` question
describes how often or how much something was observed.

Anything wrong in a profile becomes a :class:`ProfileError` with a Dutch message that names the
file and the field, e.g. ``mijn.toml: themes[1].questions[0].kind: onbekend soort 'slider'
(kies open, scale of choice)``.

This module imports only the standard library and pydantic (an import-linter contract).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Annotated, Any, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    ValidationError,
    field_validator,
    model_validator,
)

from vknz_desktop.domain.errors import KnownError

__all__ = [
    "QUESTION_KIND_LABELS",
    "STEP_LABELS",
    "STEP_ORDER",
    "STEP_PROMPTS",
    "Profile",
    "ProfileError",
    "Question",
    "QuestionKind",
    "ScaleAnchor",
    "Step",
    "Theme",
    "parse_profile",
]


class Step(StrEnum):
    """The three steps of reflection, in the order the panel walks through them."""

    WAARNEMEN = "waarnemen"  # wat gebeurt er?
    BETEKENIS = "betekenis"  # wat doet het met de ander?
    ALTERNATIEF = "alternatief"  # wat kan ik nog meer doen?


STEP_ORDER: tuple[Step, ...] = (Step.WAARNEMEN, Step.BETEKENIS, Step.ALTERNATIEF)

STEP_LABELS: dict[Step, str] = {
    Step.WAARNEMEN: "Waarnemen",
    Step.BETEKENIS: "Betekenis",
    Step.ALTERNATIEF: "Alternatief",
}

STEP_PROMPTS: dict[Step, str] = {
    Step.WAARNEMEN: "Wat gebeurt er? Beschrijf eerst, zonder oordeel.",
    Step.BETEKENIS: "Wat doet het met de ander?",
    Step.ALTERNATIEF: "Wat kan ik nog meer doen?",
}


class QuestionKind(StrEnum):
    """How a question is answered in the side panel."""

    OPEN = "open"  # vrije tekst
    SCALE = "scale"  # een punt op een schaal met benoemde ankers (hoe vaak / hoeveel)
    CHOICE = "choice"  # één van een paar opties


QUESTION_KIND_LABELS: dict[QuestionKind, str] = {
    QuestionKind.OPEN: "open vraag",
    QuestionKind.SCALE: "schaal",
    QuestionKind.CHOICE: "keuze",
}

_SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_COLOUR_RE = re.compile(r"#[0-9A-Fa-f]{6}")
_LANGUAGE_RE = re.compile(r"[a-z]{2,3}(?:-[A-Z]{2})?")


class _Problem(ValueError):
    """A validation error with a Dutch message, optionally pointing below the current field.

    ``sub`` is appended to the location pydantic reports, so a check on a whole list can point
    at the item that is wrong (e.g. ``themes[2].id``). Pydantic keeps the exception in the
    error's context, where :func:`_dutch_problem` finds it.
    """

    def __init__(self, message: str, *sub: str | int) -> None:
        super().__init__(message)
        self.message = message
        self.sub = sub


def _check_slug(value: str, what: str) -> str:
    if not _SLUG_RE.fullmatch(value):
        raise _Problem(
            f"{what} '{_short(value)}' mag alleen kleine letters, cijfers en streepjes bevatten "
            "(bijv. 'open-vragen')"
        )
    return value


#: Markup a Qt label could render as rich text: a tag (``<img src=…>``, ``<b>``, ``<!--``) or an
#: entity (``&lt;``). Labels of a profile are plain text, always.
_MARKUP_RE = re.compile(r"<\s*[A-Za-z!/?]|&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")


def _plain_text(value: str) -> str:
    if _MARKUP_RE.search(value):
        raise _Problem(
            f"'{_short(value)}' bevat opmaak (HTML-tags zoals <b> of <img>, of een code zoals "
            "&amp;); schrijf gewone tekst, want labels worden altijd als tekst getoond"
        )
    return value


PlainText = AfterValidator(_plain_text)


Slug = Annotated[str, Field(min_length=1, max_length=64)]
Text = Annotated[str, Field(min_length=1, max_length=200), PlainText]
LongText = Annotated[str, Field(min_length=1, max_length=2000), PlainText]


class _Frozen(BaseModel):
    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=True, hide_input_in_errors=True
    )


class ScaleAnchor(_Frozen):
    """One labelled point of a scale question, e.g. ``1 = "nooit"``."""

    value: StrictInt
    label: Annotated[str, Field(min_length=1, max_length=60), PlainText]


class Question(_Frozen):
    """One Kijkwijzer question, tagged with its step."""

    id: Slug
    text: Text
    kind: QuestionKind
    step: Step
    hint: Annotated[str, Field(min_length=1, max_length=300), PlainText] | None = None
    anchors: tuple[ScaleAnchor, ...] = ()
    options: tuple[Annotated[str, Field(min_length=1, max_length=100), PlainText], ...] = ()

    @field_validator("id")
    @classmethod
    def _id_is_slug(cls, value: str) -> str:
        return _check_slug(value, "vraag-id")

    @field_validator("anchors")
    @classmethod
    def _anchors_distinct(cls, value: tuple[ScaleAnchor, ...]) -> tuple[ScaleAnchor, ...]:
        seen_values: dict[int, int] = {}
        seen_labels: dict[str, int] = {}
        for index, anchor in enumerate(value):
            if anchor.value in seen_values:
                raise _Problem(
                    f"waarde {anchor.value} komt al voor bij anchors[{seen_values[anchor.value]}]; "
                    "elk anker heeft een eigen waarde nodig",
                    index,
                    "value",
                )
            label_key = anchor.label.casefold()
            if label_key in seen_labels:
                raise _Problem(
                    f"label '{_short(anchor.label)}' komt al voor bij "
                    f"anchors[{seen_labels[label_key]}]",
                    index,
                    "label",
                )
            seen_values[anchor.value] = index
            seen_labels[label_key] = index
        return tuple(sorted(value, key=lambda anchor: anchor.value))

    @field_validator("options")
    @classmethod
    def _options_distinct(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        seen: dict[str, int] = {}
        for index, option in enumerate(value):
            key = option.casefold()
            if key in seen:
                raise _Problem(
                    f"optie '{_short(option)}' komt al voor bij options[{seen[key]}]", index
                )
            seen[key] = index
        return value

    @model_validator(mode="after")
    def _fits_kind(self) -> Self:
        if self.kind is QuestionKind.SCALE:
            if len(self.anchors) < 2:
                raise _Problem(
                    "een schaalvraag heeft minstens twee ankers nodig, elk met een waarde en een "
                    "label (bijv. 1 = 'nooit', 2 = 'soms', 3 = 'vaak')",
                    "anchors",
                )
        elif self.anchors:
            raise _Problem("ankers horen alleen bij een vraag van soort 'scale'", "anchors")
        if self.kind is QuestionKind.CHOICE:
            if len(self.options) < 2:
                raise _Problem("een keuzevraag heeft minstens twee opties nodig", "options")
        elif self.options:
            raise _Problem("opties horen alleen bij een vraag van soort 'choice'", "options")
        return self


class Theme(_Frozen):
    """A theme of the profile (e.g. *werkrelatie*) with its questions."""

    id: Slug
    title: Annotated[str, Field(min_length=1, max_length=80), PlainText]
    colour: str
    explanation: Annotated[str, Field(min_length=1, max_length=500), PlainText]
    questions: tuple[Question, ...] = Field(min_length=1)

    @field_validator("id")
    @classmethod
    def _id_is_slug(cls, value: str) -> str:
        return _check_slug(value, "thema-id")

    @field_validator("colour")
    @classmethod
    def _colour_is_hex(cls, value: str) -> str:
        if not _COLOUR_RE.fullmatch(value):
            raise _Problem(
                f"kleur '{_short(value)}' is geen kleurcode; schrijf '#' en zes hexadecimale "
                "tekens (bijv. '#3A7BD5')"
            )
        return value.upper()

    @field_validator("questions")
    @classmethod
    def _question_ids_unique(cls, value: tuple[Question, ...]) -> tuple[Question, ...]:
        seen: dict[str, int] = {}
        for index, question in enumerate(value):
            if question.id in seen:
                raise _Problem(
                    f"vraag-id '{question.id}' komt al voor bij questions[{seen[question.id]}]; "
                    "elke vraag heeft een eigen id nodig",
                    index,
                    "id",
                )
            seen[question.id] = index
        return value

    def questions_in_order(self) -> tuple[Question, ...]:
        """The questions ordered waarnemen → betekenis → alternatief (stable within a step)."""
        return tuple(sorted(self.questions, key=lambda q: STEP_ORDER.index(q.step)))


class Profile(_Frozen):
    """A Kijkwijzer profile: a named set of themes with questions."""

    id: Slug
    name: Annotated[str, Field(min_length=1, max_length=80), PlainText]
    version: Annotated[str, Field(min_length=1, max_length=20), PlainText]
    language: str
    description: LongText
    themes: tuple[Theme, ...] = Field(min_length=1)

    @field_validator("id")
    @classmethod
    def _id_is_slug(cls, value: str) -> str:
        return _check_slug(value, "profiel-id")

    @field_validator("language")
    @classmethod
    def _language_code(cls, value: str) -> str:
        if not _LANGUAGE_RE.fullmatch(value):
            raise _Problem(f"taalcode '{_short(value)}' is onbekend; gebruik bijv. 'nl' of 'en'")
        return value

    @model_validator(mode="after")
    def _ids_unique(self) -> Self:
        theme_seen: dict[str, int] = {}
        question_seen: dict[str, tuple[int, int]] = {}
        for t_index, theme in enumerate(self.themes):
            if theme.id in theme_seen:
                raise _Problem(
                    f"thema-id '{theme.id}' komt al voor bij themes[{theme_seen[theme.id]}]; "
                    "elk thema heeft een eigen id nodig",
                    "themes",
                    t_index,
                    "id",
                )
            theme_seen[theme.id] = t_index
            for q_index, question in enumerate(theme.questions):
                if question.id in question_seen:
                    first_t, first_q = question_seen[question.id]
                    raise _Problem(
                        f"vraag-id '{question.id}' komt al voor bij "
                        f"themes[{first_t}].questions[{first_q}]; "
                        "elke vraag in een profiel heeft een eigen id nodig",
                        "themes",
                        t_index,
                        "questions",
                        q_index,
                        "id",
                    )
                question_seen[question.id] = (t_index, q_index)
        return self

    def theme(self, theme_id: str) -> Theme | None:
        """The theme with this id, or None (e.g. for a note made with an older profile)."""
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        return None

    def question(self, theme_id: str, question_id: str) -> Question | None:
        """The question with this id in this theme, or None."""
        theme = self.theme(theme_id)
        if theme is None:
            return None
        for question in theme.questions:
            if question.id == question_id:
                return question
        return None

    def questions_in_order(self) -> tuple[tuple[Theme, tuple[Question, ...]], ...]:
        """Per theme (in file order), its questions ordered waarnemen → betekenis → alternatief."""
        return tuple((theme, theme.questions_in_order()) for theme in self.themes)


# --------------------------------------------------------------------------------------------
# Errors


class ProfileError(KnownError):
    """A profile file that cannot be used, with the file, the field and a Dutch reason.

    ``message`` (shown to the user, also ``str(error)``) is ``"{source}: {field}: {reason}"``.
    ``details`` lists every ``(field, reason)`` found; the first one is ``field``/``reason``.
    """

    def __init__(
        self,
        source: str,
        field: str,
        message: str,
        *,
        details: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__(f"{source}: {field}: {message}")
        self.source = source
        self.field = field
        self.reason = message
        self.details: tuple[tuple[str, str], ...] = tuple(details) or ((field, message),)

    def all_messages(self) -> list[str]:
        """One line per problem found, each formatted like ``message``."""
        return [f"{self.source}: {field}: {reason}" for field, reason in self.details]


_MAX_PROFILE_CHARS = 1_000_000


def parse_profile(text: str, source: str) -> Profile:
    """Parse and validate the TOML ``text`` of a profile; ``source`` names it in messages.

    Raises :class:`ProfileError` for every problem (TOML syntax, missing or wrong fields);
    never any other exception for bad input.
    """
    if len(text) > _MAX_PROFILE_CHARS:
        raise ProfileError(source, "bestand", "het bestand is te groot voor een profiel")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        field, message = _toml_problem(str(exc), text)
        raise ProfileError(source, field, message) from None
    except (ValueError, RecursionError):
        # tomllib lets a few exotic inputs through as other errors (e.g. integers with
        # thousands of digits, or thousands of nested arrays).
        raise ProfileError(
            source, "bestand", "ongeldige TOML: de inhoud is te groot of te diep genest"
        ) from None
    if not data:
        raise ProfileError(source, "bestand", "het bestand is leeg")
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        details = [_dutch_problem(error) for error in _relevant(exc.errors())]
        if not details:  # pragma: no cover - pydantic always reports at least one error
            details = [("profiel", "ongeldig profiel")]
        field, message = details[0]
        raise ProfileError(source, field, message, details=details) from None
    except RecursionError:  # pragma: no cover - tomllib gives up on deep nesting first
        raise ProfileError(source, "bestand", "de inhoud is te diep genest") from None


# --- TOML syntax errors -----------------------------------------------------------------------

_TOML_AT_RE = re.compile(
    r"^(?P<msg>.*) \(at (?:line (?P<line>\d+), column (?P<col>\d+)|end of document)\)$", re.S
)

_TOML_MESSAGES: tuple[tuple[str, str], ...] = (
    ("Invalid statement", "ongeldige regel; verwacht 'sleutel = waarde' of een [tabel]"),
    ("Expected '=' after a key", "na een sleutel hoort een '='"),
    ("Cannot overwrite a value", "deze sleutel heeft al een waarde"),
    ("Cannot declare", "deze tabel komt twee keer voor"),
    ("Cannot redefine namespace", "deze tabel komt twee keer voor"),
    (
        "Cannot mutate immutable namespace",
        "deze tabel is al volledig gegeven en kan niet worden aangevuld",
    ),
    ("Duplicate inline table key", "deze sleutel komt twee keer voor in dezelfde { … }"),
    ("Expected ']]'", "de tabelnaam moet eindigen met ']]'"),
    ("Expected ']'", "de tabelnaam moet eindigen met ']'"),
    ("Invalid initial character for a key", "een sleutel begint met een ongeldig teken"),
    ("Unclosed array", "een lijst is niet afgesloten met ']'"),
    ("Unclosed inline table", "een { … } is niet afgesloten met '}'"),
    ("Unterminated string", "een tekst is niet afgesloten met een aanhalingsteken"),
    ("Unescaped '\\'", "een losse '\\' in een tekst; schrijf '\\\\'"),
    ("Invalid hex value", "ongeldige \\u-code in een tekst"),
    ("Escaped character is not a Unicode", "ongeldige \\u-code in een tekst"),
    ("Illegal character '\\n'", "een tekst is niet afgesloten voor het einde van de regel"),
    ("Illegal character", "een teken dat in een tekst niet mag (bijv. een tab of stuurteken)"),
    ("Found invalid character", "onverwacht teken na een waarde"),
    ("Invalid date or datetime", "ongeldige datum of tijd"),
    ("Invalid value", "ongeldige waarde; staat tekst tussen aanhalingstekens?"),
    ("Expected", "onverwacht teken of onverwacht einde"),
)


def _toml_problem(raw: str, text: str) -> tuple[str, str]:
    match = _TOML_AT_RE.match(raw)
    english = match.group("msg") if match else raw
    if match and match.group("line"):
        field = f"regel {match.group('line')}, kolom {match.group('col')}"
    elif match:
        last_line = text.count("\n") + 1
        field = f"einde van het bestand (regel {last_line})"
    else:
        field = "bestand"
    for prefix, dutch in _TOML_MESSAGES:
        if english.startswith(prefix):
            return field, f"ongeldige TOML: {dutch}"
    return field, "ongeldige TOML"


# --- pydantic validation errors ---------------------------------------------------------------

_ALLOWED_HINTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "kind": ("onbekend soort", tuple(kind.value for kind in QuestionKind)),
    "step": ("onbekende stap", tuple(step.value for step in STEP_ORDER)),
}

# Dutch nouns (singular, plural) for lists that must not be empty.
_LIST_NOUNS: dict[str, tuple[str, str]] = {
    "themes": ("thema", "thema's"),
    "questions": ("vraag", "vragen"),
    "anchors": ("anker", "ankers"),
    "options": ("optie", "opties"),
}


# How a list of tables is written in TOML, for a hint when someone wrote [themes].
_TABLE_ARRAYS: dict[str, str] = {"themes": "themes", "questions": "themes.questions"}
_TABLE_EXAMPLES: dict[str, str] = {
    "themes": "[[themes]]",
    "questions": "[[themes.questions]]",
    "anchors": '{ value = 1, label = "nooit" }',
}


def _short(value: object, limit: int = 40) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _or_list(values: Sequence[str]) -> str:
    if len(values) <= 1:
        return "".join(values)
    return ", ".join(values[:-1]) + " of " + values[-1]


def _format_loc(loc: Sequence[str | int]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "profiel"


def _last_name(loc: Sequence[str | int]) -> str:
    for part in reversed(loc):
        if isinstance(part, str):
            return part
    return ""


def _relevant(errors: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Leave out "list too short" when an item of that list already has its own error.

    Pydantic reports a list whose every item failed as too short as well; that only confuses.
    """

    def below(error: Mapping[str, Any], other: Mapping[str, Any]) -> bool:
        loc, other_loc = tuple(error.get("loc", ())), tuple(other.get("loc", ()))
        return len(other_loc) > len(loc) and other_loc[: len(loc)] == loc

    return [
        error
        for error in errors
        if error.get("type") != "too_short" or not any(below(error, other) for other in errors)
    ]


def _dutch_problem(error: Mapping[str, Any]) -> tuple[str, str]:
    """The (field, Dutch message) for one pydantic error."""
    kind = str(error.get("type", ""))
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    loc: list[str | int] = list(error.get("loc", ()))
    cause = ctx.get("error")
    if isinstance(cause, _Problem):
        loc.extend(cause.sub)
        return _format_loc(loc), cause.message
    name = _last_name(loc)
    given = error.get("input")
    return _format_loc(loc), _dutch_message(kind, ctx, name, given)


def _dutch_message(kind: str, ctx: dict[str, Any], name: str, given: object) -> str:
    if kind == "missing":
        table = _TABLE_ARRAYS.get(name)
        if table:
            return f"ontbreekt; voeg minstens één {_LIST_NOUNS[name][0]} toe met [[{table}]]"
        return "ontbreekt"
    if kind == "extra_forbidden":
        return "onbekend veld (controleer de spelling)"
    if kind == "enum":
        label, allowed = _ALLOWED_HINTS.get(name, ("onbekende waarde", ()))
        if not allowed:
            expected = str(ctx.get("expected", ""))
            allowed = tuple(re.findall(r"'([^']*)'", expected))
        return f"{label} '{_short(given)}' (kies {_or_list(allowed)})"
    if kind == "string_type":
        return "moet tekst zijn (tussen aanhalingstekens)"
    if kind == "string_too_short":
        return "mag niet leeg zijn"
    if kind == "string_too_long":
        return f"is te lang (hoogstens {ctx.get('max_length')} tekens)"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return "moet een geheel getal zijn"
    if kind in {"list_type", "tuple_type"}:
        table = _TABLE_ARRAYS.get(name)
        if table and isinstance(given, dict):
            return f"moet een lijst van tabellen zijn: schrijf [[{table}]] in plaats van [{table}]"
        return "moet een lijst zijn, bijv. [ ... ]"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        example = _TABLE_EXAMPLES.get(name, "{ sleutel = waarde }")
        return f"moet een tabel zijn, bijv. {example}"
    if kind == "too_short":
        minimum = int(ctx.get("min_length", 1))
        singular, plural = _LIST_NOUNS.get(name, ("item", "items"))
        return f"moet minstens {minimum} {singular if minimum == 1 else plural} bevatten"
    if kind == "too_long":
        return f"bevat te veel items (hoogstens {ctx.get('max_length')})"
    if kind in {"value_error", "assertion_error"}:
        return str(ctx.get("error", "ongeldige waarde"))
    return f"ongeldige waarde ({kind})"
