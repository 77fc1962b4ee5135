"""Renderings of a learning summary: JSON, Markdown and self-contained, print-friendly HTML.

The HTML is written so that both a browser and Qt's rich-text engine (QTextDocument, used for
the preview and for PDF) lay it out well: plain block elements, a small style sheet, no
scripts, no external resources. With ``highlight=True`` every replacement tag is marked, for
the preview; the text itself is the same as what is written.
"""

from __future__ import annotations

import html
import json
import re

from vknz_desktop.domain.goals import GOAL_STATUS_LABELS
from vknz_desktop.domain.summary import (
    LearningSummary,
    SummaryGoal,
    format_period,
    format_when,
    split_tags,
)

__all__ = [
    "HEADINGS",
    "HIGHLIGHT_COLOUR",
    "render",
    "render_html",
    "render_json",
    "render_markdown",
    "summary_title",
]

HIGHLIGHT_COLOUR = "#FFE08A"

HEADINGS = {
    "title": "Leersamenvatting",
    "goals": "Leerdoelen",
    "why": "Waarom dit belangrijk is",
    "next_time": "Wat ik de volgende keer probeer",
    "evidence": "Waarnemingen bij dit leerdoel",
    "themes": "Thema's in de waarnemingen",
    "about": "Over deze samenvatting",
}

ABOUT_TEXT = (
    "Deze samenvatting is gemaakt om van te leren, niet om te beoordelen. Ze bevat geen "
    "beelden, geluid, titels van opnames of namen van deelnemers. Persoonsgegevens in de "
    "tekst zijn vervangen door neutrale aanduidingen zoals [persoon] en [adres]."
)


_DEDUCE_VERSION = re.compile(r"\bdeduce\s+([\w.]+)")


def method_sentence(deidentified_with: str) -> str:
    """How the text was de-identified, in words a coach understands (the technical value stays
    in the JSON's ``deidentified_with``)."""
    found = _DEDUCE_VERSION.search(deidentified_with)
    if found is None:
        return f"Persoonsgegevens zijn automatisch vervangen ({deidentified_with})."
    return (
        "Hoe de persoonsgegevens zijn weggehaald: automatisch, door een programma dat "
        "Nederlandse namen, adressen, datums en nummers herkent (deduce, versie "
        f"{found.group(1)}), aangevuld met de namen die in de kluis bekend zijn en met woorden "
        "die de klantmanager zelf liet weglaten."
    )


def summary_title(summary: LearningSummary) -> str:
    """'Leersamenvatting — oktober 2026'."""
    return f"{HEADINGS['title']} — {format_period(summary.period)}"


def _counts_line(summary: LearningSummary) -> str:
    parts = [f"Periode: {format_period(summary.period)}"]
    if summary.recordings is not None:
        parts.append(f"{summary.recordings} {'opname' if summary.recordings == 1 else 'opnames'}")
    if summary.sessions is not None:
        parts.append(f"{summary.sessions} {'sessie' if summary.sessions == 1 else 'sessies'}")
    parts.append(f"{len(summary.goals)} {'leerdoel' if len(summary.goals) == 1 else 'leerdoelen'}")
    return " · ".join(parts)


def _goal_facts(goal: SummaryGoal) -> list[tuple[str, str]]:
    facts = [("Status", GOAL_STATUS_LABELS[goal.status])]
    if goal.theme is not None:
        facts.append(("Thema", f"{goal.theme.title} ({goal.theme.profile})"))
    facts.append(("Aangemaakt", format_when(goal.created)))
    if goal.review:
        facts.append(("Volgende bespreking", format_when(goal.review)))
    return facts


def _goal_heading(index: int, goal: SummaryGoal) -> str:
    return f"{index}. {goal.goal.strip() or '(nog zonder omschrijving)'}"


# -- JSON -----------------------------------------------------------------------------------
def render_json(summary: LearningSummary) -> str:
    """The summary as JSON (UTF-8 text, two-space indent, fields in schema order)."""
    data = summary.model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# -- Markdown -------------------------------------------------------------------------------
# Brackets too: "![…](url)" and "[…](url)" would make a viewer fetch an image or show a link.
_MD_SPECIAL = re.compile(r"([\\`*_#|<>\[\]])")


def _md(text: str) -> str:
    """Free text made safe inside a Markdown line (no accidental tables, HTML or emphasis)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _md_block(text: str) -> str:
    """Free text as Markdown paragraphs; a line never turns into a heading or a list."""
    lines = []
    for line in text.strip().splitlines():
        escaped = _MD_SPECIAL.sub(r"\\\1", line.strip())
        lines.append(re.sub(r"^([-+]|\d+\.)(\s)", r"\\\1\2", escaped))
    return "\n".join(lines)


def render_markdown(summary: LearningSummary) -> str:
    """The summary as Markdown with Dutch headings."""
    lines = [f"# {HEADINGS['title']}", "", _counts_line(summary), ""]
    lines += [f"## {HEADINGS['goals']}", ""]
    if not summary.goals:
        lines += ["Er zijn geen leerdoelen gekozen voor deze samenvatting.", ""]
    for index, goal in enumerate(summary.goals, start=1):
        lines += [f"### {_md(_goal_heading(index, goal))}", ""]
        lines += [" · ".join(f"**{label}:** {_md(value)}" for label, value in _goal_facts(goal))]
        lines.append("")
        for key, text in (("why", goal.why), ("next_time", goal.next_time)):
            if text.strip():
                lines += [f"#### {HEADINGS[key]}", "", _md_block(text), ""]
        if goal.evidence:
            lines += [f"#### {HEADINGS['evidence']}", ""]
            for item in goal.evidence:
                label = "Fragment" if item.kind == "fragment" else (item.theme or "Vrij")
                prefix = f"*{_md(label)}*"
                if item.question:
                    prefix += f" ({_md(item.question)})"
                lines.append(f"- {prefix}: {_md(item.text)}")
            lines.append("")
    if summary.theme_counts:
        lines += [f"## {HEADINGS['themes']}", ""]
        lines += ["| Kijkwijzer | Thema | Waarnemingen |", "|---|---|---:|"]
        for count in summary.theme_counts:
            lines.append(
                f"| {_md(count.profile or '—')} | {_md(count.title)} | {count.observations} |"
            )
        lines.append("")
    lines += [f"## {HEADINGS['about']}", "", ABOUT_TEXT, ""]
    lines += [_md(method_sentence(summary.deidentified_with)), ""]
    return "\n".join(lines)


# -- HTML -----------------------------------------------------------------------------------
_STYLE = """
body { font-family: 'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif; font-size: 10.5pt;
       color: #1d232b; line-height: 1.4; max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 20pt; font-weight: 600; color: #1f4e79; margin: 0 0 4pt 0; }
h2 { font-size: 14pt; font-weight: 600; color: #1f4e79; margin: 20pt 0 6pt 0;
     border-bottom: 1px solid #c9d3de; padding-bottom: 2pt; }
h3 { font-size: 12pt; font-weight: 600; margin: 14pt 0 3pt 0; color: #1d232b; }
h4 { font-size: 10.5pt; font-weight: 600; margin: 8pt 0 2pt 0; color: #3d4b5c; }
p { margin: 0 0 6pt 0; }
.meta { color: #4a5563; margin-bottom: 10pt; }
.facts { color: #4a5563; font-size: 9.5pt; margin-bottom: 4pt; }
.label { color: #6a7584; }
ul { margin-top: 2pt; margin-bottom: 6pt; }
li { margin-bottom: 3pt; }
.theme { color: #1f4e79; font-weight: 600; }
.question { color: #6a7584; }
.tag { color: #5b4a00; }
table { border-collapse: collapse; margin-top: 4pt; }
th, td { padding-top: 3pt; padding-bottom: 3pt; padding-left: 4pt; padding-right: 12pt;
         border-bottom: 1px solid #dde3ea; text-align: left; vertical-align: top; }
th { color: #3d4b5c; font-weight: 600; }
td.number { text-align: right; }
.about { color: #4a5563; font-size: 9.5pt; }
@page { size: A4; margin: 18mm; }
@media print { body { margin: 0; max-width: none; } h3 { page-break-after: avoid; } }
"""


def _text(text: str, highlight: bool) -> str:
    """Escaped free text with replacement tags marked (and highlighted in the preview)."""
    parts: list[str] = []
    for piece, is_tag in split_tags(text):
        escaped = html.escape(piece, quote=False)
        if is_tag:
            style = f' style="background-color: {HIGHLIGHT_COLOUR};"' if highlight else ""
            parts.append(f'<span class="tag"{style}>{escaped}</span>')
        else:
            parts.append(escaped)
    return "".join(parts)


def _paragraphs(text: str, highlight: bool) -> str:
    blocks = [b for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    return "".join(
        "<p>" + "<br>".join(_text(line, highlight) for line in block.splitlines()) + "</p>"
        for block in blocks
    )


def render_html(summary: LearningSummary, *, highlight: bool = False) -> str:
    """The summary as one self-contained HTML page (print-friendly)."""
    title = html.escape(summary_title(summary))
    out = [
        "<!DOCTYPE html>",
        '<html lang="nl">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{title}</title>",
        '<meta name="generator" content="VKNZ">',
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{HEADINGS['title']}</h1>",
        f'<p class="meta">{html.escape(_counts_line(summary))}</p>',
        f"<h2>{HEADINGS['goals']}</h2>",
    ]
    if not summary.goals:
        out.append("<p>Er zijn geen leerdoelen gekozen voor deze samenvatting.</p>")
    for index, goal in enumerate(summary.goals, start=1):
        out.append(f"<h3>{_text(_goal_heading(index, goal), highlight)}</h3>")
        facts = " &nbsp;·&nbsp; ".join(
            f'<span class="label">{label}:</span> {html.escape(value)}'
            for label, value in _goal_facts(goal)
        )
        out.append(f'<p class="facts">{facts}</p>')
        for key, text in (("why", goal.why), ("next_time", goal.next_time)):
            if text.strip():
                out.append(f"<h4>{HEADINGS[key]}</h4>")
                out.append(_paragraphs(text, highlight))
        if goal.evidence:
            out.append(f"<h4>{HEADINGS['evidence']}</h4>")
            out.append("<ul>")
            for item in goal.evidence:
                label = "Fragment" if item.kind == "fragment" else (item.theme or "Vrij")
                question = (
                    f' <span class="question">({html.escape(item.question)})</span>'
                    if item.question
                    else ""
                )
                body = _text(" ".join(item.text.split()), highlight)
                out.append(
                    f'<li><span class="theme">{html.escape(label)}</span>{question}: {body}</li>'
                )
            out.append("</ul>")
    if summary.theme_counts:
        out.append(f"<h2>{HEADINGS['themes']}</h2>")
        out.append('<table width="100%" cellspacing="0" cellpadding="5">')
        out.append("<tr><th>Kijkwijzer</th><th>Thema</th><th>Waarnemingen</th></tr>")
        for count in summary.theme_counts:
            out.append(
                f"<tr><td>{html.escape(count.profile or '—')}</td>"
                f"<td>{html.escape(count.title)}</td>"
                f'<td class="number" align="right">{count.observations}</td></tr>'
            )
        out.append("</table>")
    out.append(f"<h2>{HEADINGS['about']}</h2>")
    out.append(f'<p class="about">{html.escape(ABOUT_TEXT)}</p>')
    out.append(f'<p class="about">{html.escape(method_sentence(summary.deidentified_with))}</p>')
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def render(summary: LearningSummary, file_format: str, highlight: bool = False) -> str:
    """The summary as ``json``, ``md`` or ``html`` text (highlight: for the preview only)."""
    if file_format == "json":
        return render_json(summary)
    if file_format == "md":
        return render_markdown(summary)
    if file_format == "html":
        return render_html(summary, highlight=highlight)
    raise ValueError(f"unknown text format {file_format!r}")
