"""De-identification of Dutch free text, for everything that leaves the vault.

Every text that leaves the vault goes through :data:`deidentify`. It finds spans with

* ``deduce`` (names, places, streets, institutions, numeric dates, ages, phone numbers, e-mail
  addresses, URLs, BSN and other identifiers), configured so that it never merges two findings
  across the end of a sentence;
* our own recognisers (``export.recognisers``) for what deduce alone misses: registered names
  (always, whole or in parts, any case), addresses, postcodes, IBAN, BSN, phone numbers,
  written dates, times, ages, licence plates, employers and organisations, names after titles
  and relation words, and a capitalised word right after a name;

and replaces each (merged) span by a neutral tag such as ``[persoon]`` or ``[adres]``.

All of it runs in a worker process (``export.deid_worker``): this process never imports
deduce. The functions here keep the simple API the callers had: :func:`preload` (wait until
the worker has loaded), :func:`is_loaded` (never blocks), ``deidentify(text, names)`` and, for
many texts in one round trip, ``deidentify.batch(...)``. :func:`start_in_background` starts
the worker at low priority (after unlocking); :func:`stop` ends it (at lock).
"""

from __future__ import annotations

import atexit
from collections.abc import Collection, Sequence

from vknz_desktop.export.deid_engine import CleanResult
from vknz_desktop.export.deid_worker import DeidWorker, Progress
from vknz_desktop.export.recognisers import TAGS, Span, apply_spans

__all__ = [
    "TAGS",
    "CleanResult",
    "ProcessDeidentifier",
    "Span",
    "apply_spans",
    "deidentify",
    "find_spans",
    "is_loaded",
    "load_seconds",
    "method_description",
    "preload",
    "seconds_waited",
    "start_in_background",
    "stop",
    "worker",
]

_worker = DeidWorker()
atexit.register(_worker.stop)


def worker() -> DeidWorker:
    """The process-wide worker client."""
    return _worker


def preload(progress: Progress | None = None) -> None:
    """Start the worker if needed and wait until deduce is loaded (seconds; about a minute the
    very first time). ``progress(seconds_waited)`` is called meanwhile. Thread-safe."""
    _worker.wait_ready(progress)


def start_in_background() -> None:
    """Start the worker at low priority and return at once (after unlocking)."""
    _worker.start(low_priority=True)


def is_loaded() -> bool:
    """Whether de-identifying is instant now (the worker has loaded). Never blocks."""
    return _worker.ready


def seconds_waited() -> float:
    """Seconds since the worker was started."""
    return _worker.seconds_waited()


def load_seconds() -> float | None:
    """How long the worker took to load deduce (None before it has)."""
    return _worker.load_seconds


def stop() -> None:
    """End the worker (at lock); the next request starts a new one."""
    _worker.stop()


def stop_if_used() -> None:
    """End the worker at lock when it was given any text since it started (see
    ``DeidWorker.stop_if_used``)."""
    _worker.stop_if_used()


def method_description() -> str:
    """What the summaries say they were de-identified with."""
    try:
        from importlib.metadata import version

        deduce_version = version("deduce")
    except Exception:  # pragma: no cover - metadata missing in an odd install
        deduce_version = "?"
    return f"deduce {deduce_version} + eigen herkenning + geregistreerde namen + eigen termen"


def find_spans(text: str, names: Sequence[str] = ()) -> list[Span]:
    """The merged, non-overlapping spans to replace in ``text``, in text order."""
    if not text.strip():
        return []
    return [Span(*item) for item in _worker.request("spans", text, tuple(names))]


class ProcessDeidentifier:
    """``deidentify(text, names)``, answered by the worker process."""

    def __call__(self, text: str, names: Sequence[str] = ()) -> str:
        """``text`` with personal data replaced by neutral tags such as ``[persoon]``.

        ``names`` are the registered names: always removed, also in parts ("Fatima" and
        "El Idrissi" of "Fatima El Idrissi"), in any letter case.
        """
        if not text.strip():
            return text
        return apply_spans(text, find_spans(text, names))

    def batch(
        self,
        texts: Sequence[str],
        names: Sequence[str] = (),
        terms: Sequence[str] = (),
        known_words: Collection[str] | None = None,
    ) -> CleanResult:
        """Many texts in one round trip: each stripped and de-identified with ``names``, then
        ``terms`` masked as ``[weggelaten]``; with ``known_words``, the doubtful words left."""
        known = None if known_words is None else frozenset(known_words)
        result: CleanResult = _worker.request(
            "clean", tuple(texts), tuple(names), tuple(terms), known
        )
        return result

    def doubtful_words(self, texts: Sequence[str], known_words: Collection[str]) -> list[str]:
        """Capitalised words in ``texts`` that may be names (see ``export.doubtful``)."""
        words: list[str] = _worker.request("doubtful", tuple(texts), frozenset(known_words))
        return words


deidentify = ProcessDeidentifier()
