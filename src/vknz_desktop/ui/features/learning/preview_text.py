"""The summary preview's text: replacements highlighted, doubtful words marked.

Pure string work (no widgets), so that it runs on the preview's background job: the GUI thread
only shows the result.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from vknz_desktop.domain.summary import split_tags

__all__ = ["DOUBTFUL", "HIGHLIGHT", "highlighted_text", "mark_doubtful"]

#: The background of a replacement ("[persoon]") in the preview.
HIGHLIGHT = "#FFE08A"
#: The background of a doubtful word (a capitalised word that may be a name) in the preview.
DOUBTFUL = "#FFB3B3"

_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")


def _doubtful_pattern(words: Sequence[str]) -> re.Pattern[str] | None:
    """Whole words, as escaped HTML text (a word never matches inside a longer word)."""
    cleaned = sorted({html.escape(w, quote=False) for w in words if w.strip()}, key=len)
    if not cleaned:
        return None
    alternatives = "|".join(re.escape(w) for w in reversed(cleaned))
    return re.compile(rf"(?<![\w&])(?:{alternatives})(?!\w)")


def _mark(pattern: re.Pattern[str], text: str) -> str:
    return pattern.sub(
        lambda m: (
            f'<span style="background-color: {DOUBTFUL}; text-decoration: underline;">'
            f"{m.group(0)}</span>"
        ),
        text,
    )


def mark_doubtful(document: str, words: Sequence[str]) -> str:
    """``document`` (HTML) with every doubtful word marked, in text only (never inside a
    tag, an attribute or the style sheet)."""
    pattern = _doubtful_pattern(words)
    if pattern is None:
        return document
    head, separator, body = document.partition("<body")
    if not separator:
        head, body = "", document
    parts = _TAG_OR_TEXT.split(body)
    marked = [part if part.startswith("<") else _mark(pattern, part) for part in parts]
    return head + separator + "".join(marked)


def highlighted_text(text: str, doubtful: Sequence[str] = ()) -> str:
    """Plain text (JSON, Markdown) as preformatted HTML: every tag highlighted, every
    doubtful word marked."""
    pattern = _doubtful_pattern(doubtful)
    parts = []
    for piece, is_tag in split_tags(text):
        escaped = html.escape(piece, quote=False)
        if is_tag:
            parts.append(f'<span style="background-color: {HIGHLIGHT};">{escaped}</span>')
        else:
            parts.append(_mark(pattern, escaped) if pattern is not None else escaped)
    return (
        "<pre style=\"font-family: 'DejaVu Sans Mono', monospace; "
        f'white-space: pre-wrap;">{"".join(parts)}</pre>'
    )
