"""The de-identification engine: deduce plus our recognisers. Runs in the worker process.

Only ``export.deid_worker``'s child process (and build or test helpers that mean to) import
this module's :func:`engine`, which imports deduce: deduce's lookup structures take seconds
to load and about a gigabyte of memory, and loading them holds the interpreter lock, so they
never live in the process that plays video (see ``export.deidentifier``).

deduce builds its lookup structures on first use (about a minute) and caches them in its
package folder (or, when that is read-only, in a cache folder of ours); later loads take
seconds.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import tempfile
import threading
import time
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vknz_desktop.domain.summary import TermMasker, count_tags
from vknz_desktop.export.recognisers import Span, apply_spans, deduce_tag, find_spans

log = logging.getLogger(__name__)

__all__ = ["CleanResult", "clean_texts", "engine", "load_seconds", "spans"]

_lock = threading.Lock()
_engine: Any = None
_load_seconds: float | None = None
_CACHE_DIR_ENV = "VKNZ_DEDUCE_CACHE"


def load_seconds() -> float | None:
    """How long loading deduce took in this process (None before it is loaded)."""
    return _load_seconds


@contextlib.contextmanager
def _quiet_root_logger() -> Iterator[None]:
    """deduce calls ``logging.basicConfig(stream=sys.stdout, level=DEBUG)`` when imported and
    logs to the root logger: undo that so it never writes to our stdout or lowers levels."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        yield
    finally:
        for handler in list(root.handlers):
            if handler not in handlers:
                root.removeHandler(handler)
        root.setLevel(level)


def _fallback_cache_dir() -> Path:
    override = os.environ.get(_CACHE_DIR_ENV)
    if override:
        return Path(override)
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except RuntimeError:  # no home directory
        base = Path(tempfile.gettempdir())
    return base / "vknz" / "deduce"


def engine() -> Any:
    """deduce, loaded once per process (seconds; about a minute the very first time)."""
    global _engine, _load_seconds
    if _engine is not None:
        return _engine
    with _lock:
        if _engine is not None:
            return _engine
        started = time.perf_counter()
        with _quiet_root_logger():
            from deduce import Deduce  # deduce only here (import-linter)

            # No merging across '. ': two findings in adjacent sentences stay two findings,
            # so the sentence in between (and its full stop) is kept.
            config = {"adjacent_annotations_slack": "[ \\-]?"}
            try:
                loaded = Deduce(config=config)
            except OSError:
                # The package folder is read-only (system install): cache in a folder of ours.
                import deduce

                package_lookup = Path(deduce.__file__).parent / "data" / "lookup"
                cache = _fallback_cache_dir()
                cache.mkdir(parents=True, exist_ok=True)
                loaded = Deduce(config=config, lookup_data_path=package_lookup, cache_path=cache)
        # deduce's lookup structures are millions of long-lived objects: keep them out of the
        # garbage collector's generations (a full collection took 3.4 s and every process
        # exit 11 s; with freeze 0.04 s).
        gc.collect()
        gc.freeze()
        _load_seconds = time.perf_counter() - started
        log.info("deduce loaded in %.1f s", _load_seconds)
        _engine = loaded
        return loaded


def _deduce_spans(text: str) -> Iterator[Span]:
    document = engine().deidentify(text)
    for annotation in document.annotations:
        yield Span(
            annotation.start_char,
            annotation.end_char,
            deduce_tag(annotation.tag, annotation.text),
            "deduce",
        )


def spans(text: str, names: Sequence[str] = ()) -> list[Span]:
    """Every span to replace in ``text`` (deduce's and ours, merged)."""
    if not text.strip():
        return []
    return find_spans(text, names, _deduce_spans(text))


def deidentify(text: str, names: Sequence[str] = ()) -> str:
    """``text`` with personal data replaced by neutral tags (in this process)."""
    return apply_spans(text, spans(text, names))


# The preview rebuilds the summary at every option change with mostly the same texts: results
# are kept per set of names (in this process's memory only, which is not dumpable and ends at
# lock), so a change costs only the texts that are new.
_MAX_CACHED_TEXTS = 20_000
_cache: dict[tuple[str, ...], dict[str, str]] = {}


def _done_for(names: tuple[str, ...]) -> dict[str, str]:
    done = _cache.get(names)
    if done is None:
        _cache.clear()  # other names: every earlier result may be wrong now
        done = _cache[names] = {}
    elif len(done) > _MAX_CACHED_TEXTS:
        done.clear()
    return done


@dataclass(frozen=True)
class CleanResult:
    """De-identified texts, how many replacements were made, and the doubtful words left."""

    texts: tuple[str, ...]
    replacements: int
    doubtful: tuple[str, ...] = ()


def clean_texts(
    texts: Sequence[str],
    names: Sequence[str] = (),
    terms: Sequence[str] = (),
    known_words: Collection[str] | None = None,
) -> CleanResult:
    """De-identify every text: deduce and our recognisers with ``names``, then ``terms`` masked
    as ``[weggelaten]``. With ``known_words`` (not None) the doubtful words left in the results
    are listed too (see ``export.doubtful``)."""
    masker = TermMasker(terms)
    cleaned: list[str] = []
    replacements = 0
    done = _done_for(tuple(sorted(set(names))))
    for text in texts:
        stripped = text.strip()
        if not stripped:
            cleaned.append(stripped)
            continue
        found = done.get(stripped)
        if found is None:
            found = done[stripped] = deidentify(stripped, names)
        result = masker(found)
        replacements += max(0, count_tags(result) - count_tags(stripped))
        cleaned.append(result)
    doubtful: tuple[str, ...] = ()
    if known_words is not None:
        from vknz_desktop.export.doubtful import doubtful_words

        doubtful = tuple(doubtful_words(cleaned, known_words))
    return CleanResult(tuple(cleaned), replacements, doubtful)
