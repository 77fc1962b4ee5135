"""Reading learning-summary files for the team learning agenda, and writing the agenda.

A file that is not a valid summary is refused with one clear Dutch message naming the file
and the first problem; the same summary given twice is counted once (so nobody can lift a
small group over the threshold by copying a file). The agenda itself never names a file.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import stat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.summary import (
    SCHEMA_VERSION,
    SUMMARY_KIND,
    BatchDeidentify,
    LearningSummary,
    format_period,
    split_tags,
)
from vknz_desktop.domain.team_agenda import TeamAgenda, merge_summaries

__all__ = [
    "MAX_SUMMARY_BYTES",
    "LoadedSummaries",
    "SummaryFileError",
    "build_agenda",
    "load_summaries",
    "load_summary",
    "load_summary_files",
    "recheck",
    "render_agenda",
    "render_agenda_html",
]

MAX_SUMMARY_BYTES = 5 * 1024 * 1024


class SummaryFileError(KnownError):
    """A file that is not a valid learning summary."""


@dataclass(frozen=True)
class LoadedSummaries:
    """The valid summaries and one message per refused file."""

    summaries: tuple[LearningSummary, ...]
    problems: tuple[str, ...]


_PYDANTIC_DUTCH = {
    "missing": "ontbreekt",
    "extra_forbidden": "onbekend veld (hoort niet in een leersamenvatting)",
    "literal_error": "onverwachte waarde",
    "enum": "onbekende waarde",
    "string_type": "moet tekst zijn",
    "int_type": "moet een geheel getal zijn",
    "int_parsing": "moet een geheel getal zijn",
    "list_type": "moet een lijst zijn",
    "dict_type": "moet een object zijn",
    "model_type": "moet een object zijn",
    "string_too_long": "is te lang",
    "string_too_short": "is te kort",
    "greater_than_equal": "mag niet negatief zijn",
    "too_long": "heeft te veel onderdelen",
    "bool_type": "moet waar of onwaar zijn",
}


def _location(loc: Sequence[str | int]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "bestand"


def _dutch(error: Mapping[str, Any]) -> str:
    kind = str(error.get("type", ""))
    reason = _PYDANTIC_DUTCH.get(kind)
    if reason is None:
        message = str(error.get("msg", ""))
        reason = message.removeprefix("Value error, ") if kind == "value_error" else "ongeldig"
    return f"veld {_location(error.get('loc', ()))}: {reason}"


MAX_JSON_DEPTH = 16
MAX_INT_DIGITS = 15
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_BRACKET = re.compile(r"[\[\]{}]")


def _read_limited(path: Path) -> bytes:
    """The file's bytes, at most MAX_SUMMARY_BYTES of what is actually read: only a regular
    file is opened (never a FIFO, which would hang, or a device such as /dev/zero)."""
    name = path.name
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise SummaryFileError(f"{name}: is een map, geen bestand.")
        if not stat.S_ISREG(info.st_mode):
            raise SummaryFileError(f"{name}: is geen gewoon bestand.")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError as error:
        raise SummaryFileError(f"{name}: bestand niet gevonden.") from error
    except OSError as error:
        raise SummaryFileError(f"{name}: kan niet gelezen worden ({error.strerror}).") from error
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # replaced between stat and open
            raise SummaryFileError(f"{name}: is geen gewoon bestand.")
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_SUMMARY_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_SUMMARY_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise SummaryFileError(f"{name}: kan niet gelezen worden ({error.strerror}).") from error
    finally:
        os.close(fd)
    if size > MAX_SUMMARY_BYTES:
        raise SummaryFileError(
            f"{name}: te groot voor een leersamenvatting (meer dan {MAX_SUMMARY_BYTES} bytes)."
        )
    return b"".join(chunks)


def _json_depth(text: str) -> int:
    depth = deepest = 0
    for bracket in _BRACKET.findall(_JSON_STRING.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def _bounded_int(value: str) -> int:
    if len(value.lstrip("-")) > MAX_INT_DIGITS:
        raise ValueError("te groot getal")
    return int(value)


def _no_constant(value: str) -> None:
    raise ValueError(f"{value} is geen getal")


def load_summary(path: Path) -> LearningSummary:
    """One summary file, validated; raises :class:`SummaryFileError` with a Dutch message."""
    name = path.name
    raw = _read_limited(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SummaryFileError(f"{name}: geen tekstbestand (geen UTF-8).") from error
    if _json_depth(text) > MAX_JSON_DEPTH:
        raise SummaryFileError(f"{name}: te diep geneste JSON voor een leersamenvatting.")
    try:
        data = json.loads(text, parse_int=_bounded_int, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise SummaryFileError(
            f"{name}: geen geldige JSON (regel {error.lineno}, kolom {error.colno})."
        ) from error
    except (ValueError, RecursionError) as error:
        raise SummaryFileError(f"{name}: bevat een te groot of ongeldig getal.") from error
    if not isinstance(data, dict) or data.get("kind") != SUMMARY_KIND:
        raise SummaryFileError(f"{name}: geen VKNZ-leersamenvatting.")
    version = data.get("schema_version")
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise SummaryFileError(
            f"{name}: gemaakt met een nieuwere versie van VKNZ (schema {version}); werk de app bij."
        )
    try:
        return LearningSummary.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        more = len(error.errors()) - 1
        extra = f" (en nog {more} probleem{'en' if more > 1 else ''})" if more else ""
        raise SummaryFileError(
            f"{name}: geen geldige leersamenvatting: {_dutch(first)}{extra}."
        ) from error


# Fields of a summary whose text reaches the agenda: de-identified again on arrival.
_TEXT_FIELDS = frozenset(["goal", "why", "next_time", "text", "theme", "question", "title"])
_TEXT_FIELDS |= {"profile"}


def recheck(
    summaries: Sequence[LearningSummary], deidentify: BatchDeidentify
) -> tuple[list[LearningSummary], int]:
    """Every text of every incoming summary through the same de-identification again (a
    hand-edited file may hold a name, an address or a number): (summaries, replacements)."""
    dumps = [s.model_dump(mode="json") for s in summaries]
    places: list[tuple[dict[str, Any], str]] = []

    def collect(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in _TEXT_FIELDS and isinstance(value, str) and value.strip():
                    places.append((node, key))
                else:
                    collect(value)
        elif isinstance(node, list):
            for item in node:
                collect(item)

    for dump in dumps:
        collect(dump)
    if not places:
        return list(summaries), 0
    result = deidentify.batch([node[key] for node, key in places])
    for (node, key), cleaned in zip(places, result.texts, strict=True):
        node[key] = cleaned if cleaned else node[key]
    return [LearningSummary.model_validate(d) for d in dumps], result.replacements


def load_summaries(paths: Sequence[Path]) -> LoadedSummaries:
    """Every valid summary once; one message per file that is refused."""
    summaries: list[LearningSummary] = []
    problems: list[str] = []
    seen: set[str] = set()
    for path in paths:
        try:
            summary = load_summary(path)
        except SummaryFileError as error:
            problems.append(error.message)
            continue
        digest = hashlib.sha256(
            json.dumps(summary.model_dump(mode="json"), sort_keys=True).encode()
        ).hexdigest()
        if digest in seen:
            problems.append(
                f"{path.name}: dezelfde samenvatting als een eerder bestand; één keer meegeteld."
            )
            continue
        seen.add(digest)
        summaries.append(summary)
    return LoadedSummaries(tuple(summaries), tuple(problems))


def build_agenda(
    summaries: Sequence[LearningSummary], deidentify: BatchDeidentify | None = None
) -> TeamAgenda:
    """The merged agenda (see :func:`vknz_desktop.domain.team_agenda.merge_summaries`), every
    incoming text de-identified again first (by the worker process unless given)."""
    if deidentify is None:
        from vknz_desktop.export.deidentifier import deidentify as process_deidentify

        deidentify = process_deidentify
    checked, replacements = recheck(summaries, deidentify)
    return replace(merge_summaries(checked), replacements=replacements)


_STYLE = """
body { font-family: 'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif; font-size: 10.5pt;
       color: #1d232b; line-height: 1.4; max-width: 48em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 20pt; font-weight: 600; color: #1f4e79; margin: 0 0 4pt 0; }
h2 { font-size: 13.5pt; font-weight: 600; color: #1f4e79; margin: 16pt 0 4pt 0;
     border-bottom: 1px solid #c9d3de; padding-bottom: 2pt; }
h3 { font-size: 10.5pt; font-weight: 600; margin: 8pt 0 2pt 0; color: #3d4b5c; }
p { margin: 0 0 6pt 0; }
.meta, .facts, .about { color: #4a5563; }
.facts { font-size: 9.5pt; }
ul { margin-top: 2pt; margin-bottom: 6pt; }
li { margin-bottom: 3pt; }
.tag { color: #5b4a00; }
@page { size: A4; margin: 18mm; }
@media print { body { margin: 0; max-width: none; } }
"""


def _text(text: str) -> str:
    return "".join(
        f'<span class="tag">{html.escape(piece)}</span>' if is_tag else html.escape(piece)
        for piece, is_tag in split_tags(" ".join(text.split()))
    )


def render_agenda_html(agenda: TeamAgenda) -> str:
    """The team learning agenda as one self-contained, print-friendly HTML page."""
    period = format_period(agenda.period) if agenda.period else "—"
    meta = (
        f"Periode: {period} · samengevoegd uit {agenda.summaries} leersamenvattingen van "
        f"{agenda.people} {'persoon' if agenda.people == 1 else 'mensen'}"
    )
    if agenda.unknown:
        meta += f" (en {agenda.unknown} oudere samenvatting(en) zonder kenmerk, niet meegeteld)"
    if agenda.total_goals is not None:
        meta += f" · {agenda.total_goals} leerdoelen, waarvan {agenda.total_reached} bereikt"
    out = [
        "<!DOCTYPE html>",
        '<html lang="nl">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>Teamleeragenda — {html.escape(period)}</title>",
        '<meta name="generator" content="VKNZ">',
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        "<h1>Teamleeragenda</h1>",
        f'<p class="meta">{html.escape(meta)}</p>',
        '<p class="about">Wat het team wil leren, per thema van de Kijkwijzer. Om te leren, '
        "niet om te beoordelen: er staat niet in van wie een leerdoel komt, en thema's waar "
        f"minder dan {agenda.min_group_size} mensen aan werken worden alleen genoemd, zonder "
        "aantallen of voorbeelden.</p>",
    ]
    meta_checked = (
        f"Alle tekst is bij het samenvoegen opnieuw geanonimiseerd: {agenda.replacements} "
        f"{'vervanging' if agenda.replacements == 1 else 'vervangingen'}."
    )
    out.insert(out.index("<h1>Teamleeragenda</h1>") + 2, f'<p class="facts">{meta_checked}</p>')
    if agenda.people < agenda.min_group_size:
        out.append(
            f"<p><b>Te weinig mensen om aantallen te tonen</b> (minder dan "
            f"{agenda.min_group_size}).</p>"
        )
    for group in agenda.groups:
        profile = f" ({html.escape(group.profile)})" if group.profile else ""
        out.append(f"<h2>{html.escape(group.title)}{profile}</h2>")
        unknown = f" (en {group.unknown} zonder kenmerk)" if group.unknown else ""
        out.append(
            f'<p class="facts">{group.people} mensen werken hieraan{unknown} · {group.goals} '
            f"{'leerdoel' if group.goals == 1 else 'leerdoelen'} · {group.reached} bereikt</p>"
        )
        if group.examples:
            out.append("<h3>Voorbeelden van leerdoelen</h3><ul>")
            out += [f"<li>{_text(text)}</li>" for text in group.examples]
            out.append("</ul>")
        if group.next_steps:
            out.append("<h3>Wat collega's de volgende keer proberen</h3><ul>")
            out += [f"<li>{_text(text)}</li>" for text in group.next_steps]
            out.append("</ul>")
    if agenda.small_groups:
        out.append("<h2>Ook aan gewerkt</h2>")
        out.append(
            f'<p class="facts">Door minder dan {agenda.min_group_size} mensen; daarom zonder '
            "aantallen of voorbeelden.</p><ul>"
        )
        out += [f"<li>{html.escape(title)}</li>" for title in agenda.small_groups]
        out.append("</ul>")
    if not agenda.groups and not agenda.small_groups:
        out.append("<p>Er staan nog geen leerdoelen in de samenvattingen.</p>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def load_summary_files(paths: Sequence[Path]) -> tuple[list[LearningSummary], list[str]]:
    """(valid summaries, one message per refused file) — the GUI's port."""
    loaded = load_summaries(paths)
    return list(loaded.summaries), list(loaded.problems)


def render_agenda(summaries: Sequence[LearningSummary]) -> str:
    """The merged agenda of ``summaries`` as HTML (texts de-identified again first)."""
    return render_agenda_html(build_agenda(summaries))
