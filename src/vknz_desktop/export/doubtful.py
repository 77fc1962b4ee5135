"""Doubtful words: capitalised words left in de-identified text that may still be a name.

A word is doubtful when it starts with a capital letter, is not at the start of a sentence,
is not one of the neutral tags, and is neither a common Dutch word (wordfreq's Dutch list,
which ships with the package; no network) nor in the known words (the Kijkwijzer vocabulary
and the words the user has kept). Lower-case words are never flagged: name lists hold words
such as "goed", "klein" and "groot", which would mark nearly every sentence.

The user decides each doubtful word: keep it (an accepted word) or remove it (an extra term).
Runs in the de-identification worker (wordfreq's list is a few megabytes in memory).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterable

__all__ = ["COMMON_ZIPF", "doubtful_words", "is_common_dutch"]

#: A word at least this frequent in Dutch (Zipf scale: 3 is once per million words) is an
#: ordinary word. First names and rare surnames are below it ("fenna" 2.9, "oosterbroek" 1.8).
COMMON_ZIPF = 3.2

# Abbreviations of Dutch public life that are not in the word list often enough.
_ADMINISTRATIVE = frozenset(
    [
        "bsn",
        "uwv",
        "digid",
        "iban",
        "aow",
        "ww",
        "wia",
        "wao",
        "svb",
        "cak",
        "ggd",
        "mbo",
        "hbo",
        "vmbo",
        "havo",
        "vwo",
        "kvk",
        "cv",
        "wmo",
        "avg",
        "brp",
        "duo",
        "ind",
        "coa",
        "ggz",
        "ocw",
        "szw",
        "vng",
        "pdf",
        "sms",
        "app",
    ]
)

_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\wÀ-ÖØ-öø-ÿ'’\-]*")
_TAG = re.compile(r"\[[a-z][a-z-]{1,30}\]")
# What ends a sentence or starts a new one (a list item, a quote, a colon).
_SENTENCE_BREAK = re.compile(r"(?:[.!?:;]['\"’”)]*|[\n•*\-–—(\"“‘'])\s*$")


@functools.cache
def _frequency() -> object:
    import wordfreq  # in the worker only

    return wordfreq


@functools.lru_cache(maxsize=50_000)
def is_common_dutch(word: str) -> bool:
    """Whether ``word`` (any case) is an ordinary Dutch word."""
    wordfreq = _frequency()
    lowered = word.lower().strip("'’-")
    if not lowered:
        return True
    zipf: float = wordfreq.zipf_frequency(lowered, "nl")  # type: ignore[attr-defined]
    if zipf >= COMMON_ZIPF:
        return True
    if "-" in lowered:  # "Noord-Holland", "ex-partner": every part ordinary
        parts = [p for p in lowered.split("-") if p]
        return bool(parts) and all(is_common_dutch(p) for p in parts)
    return False


def _sentence_start(text: str, position: int) -> bool:
    before = text[:position].rstrip(" \t")
    if not before:
        return True
    return bool(_SENTENCE_BREAK.search(text[max(0, position - 8) : position]))


def doubtful_words(texts: Iterable[str], known_words: Collection[str] = ()) -> list[str]:
    """Doubtful words in ``texts``, each once (first spelling seen), in order of appearance."""
    known = {w.casefold() for w in known_words} | _ADMINISTRATIVE
    found: dict[str, str] = {}
    for text in texts:
        tags = [(m.start(), m.end()) for m in _TAG.finditer(text)]
        for match in _WORD.finditer(text):
            word = match.group(0).rstrip("'’-")
            if not word[:1].isupper() or any(s <= match.start() < e for s, e in tags):
                continue
            key = word.casefold()
            if key in found or key in known or _sentence_start(text, match.start()):
                continue
            parts = [p for p in key.split("-") if p]
            if is_common_dutch(word) or all(p in known or is_common_dutch(p) for p in parts):
                continue
            found[key] = word
    return list(found.values())
