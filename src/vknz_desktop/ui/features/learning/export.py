"""Exporting the learning summary: the export adapter's functions (``LearningBackend``), deduce
loaded in the background (``DeidentifierLoader``) and one export session (``SummaryExport``).

The adapters (``export.deidentify``, renderers, summary files) are injected by app.py through
``LearningBackend``; this module never imports them.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.models import Role
from vknz_desktop.domain.summary import Deidentify, LearningSummary
from vknz_desktop.services.goals import GoalService
from vknz_desktop.services.summary import BuiltSummary, SummaryOptions, SummaryService
from vknz_desktop.ui.common.jobs import BackgroundJob, JobHandle

log = logging.getLogger(__name__)

#: File formats of the learning summary: code → (label, file suffix).
FORMATS: dict[str, tuple[str, str]] = {
    "pdf": ("PDF", "pdf"),
    "html": ("HTML (webpagina)", "html"),
    "md": ("Markdown", "md"),
    "json": ("JSON (voor de teamleeragenda)", "json"),
}


def _nothing() -> None:
    """A backend without a worker process (tests): nothing to start or stop."""


@dataclass(frozen=True)
class LearningBackend:
    """What app.py injects: the export adapter's functions (deduce, renderers, summary files).

    ``start_in_background`` starts the de-identification worker process at low priority and
    returns at once (after an unlock); ``stop`` ends it (before the vault closes: a lock or
    quit); ``preload`` waits until it has loaded (on a background job, never the GUI thread).
    """

    deidentify: Deidentify
    preload: Callable[[], None]
    is_loaded: Callable[[], bool]
    method: Callable[[], str]
    render: Callable[[LearningSummary, str, bool], str]  # summary, json|md|html, highlight
    load_summaries: Callable[[Sequence[Path]], tuple[Sequence[LearningSummary], Sequence[str]]]
    render_agenda: Callable[[Sequence[LearningSummary]], str]
    start_in_background: Callable[[], None] = _nothing
    #: Ends the de-identification worker (at lock: it holds texts and names it was given).
    stop: Callable[[], None] = _nothing
    #: ``preload`` with a ``progress(seconds)`` callback it calls while it waits: raising
    #: there ends the wait (the loader's job is cancelled at lock and quit).
    preload_waiting: Callable[[Callable[[float], None]], None] | None = None


class PreloadCancelled(Exception):
    """The wait for the de-identification worker was cancelled (lock, quit): not a failure."""


class DeidentifierLoader(QObject):
    """Loads deduce's lookup tables once, in a background job (it takes seconds)."""

    loaded = Signal()
    failed = Signal(str)

    def __init__(
        self,
        preload: Callable[[], None],
        is_loaded: Callable[[], bool],
        parent: QObject,
        preload_waiting: Callable[[Callable[[float], None]], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._preload = preload
        self._preload_waiting = preload_waiting
        self._is_loaded = is_loaded
        self._job: BackgroundJob[None] | None = None
        self._started_at: float | None = None
        self.error: str | None = None

    @property
    def ready(self) -> bool:
        """Whether de-identifying can start at once."""
        return self._is_loaded()

    @property
    def busy(self) -> bool:
        """Whether the background load is running."""
        return self._job is not None and self._job.running

    def seconds_waited(self) -> float:
        """Seconds since the load started."""
        return 0.0 if self._started_at is None else time.monotonic() - self._started_at

    def start(self) -> None:
        """Start loading in the background (no-op when loaded or already loading)."""
        if self.ready or self.busy:
            return
        self.error = None
        self._started_at = time.monotonic()
        job: BackgroundJob[None] = BackgroundJob(self._wait, name="vknz-deduce", parent=self)
        job.succeeded.connect(self._on_loaded)
        job.failed.connect(self._on_failed)
        self._job = job
        job.start()
        log.info("deidentifier preload started")

    def _wait(self, handle: JobHandle) -> None:
        if self._preload_waiting is None:
            self._preload()
            return

        def check(_seconds: float) -> None:
            if handle.cancelled:
                raise PreloadCancelled

        self._preload_waiting(check)

    def cancel(self) -> None:
        """Stop waiting (lock, quit); the worker process itself goes on loading."""
        if self._job is not None:
            self._job.cancel()

    def _on_loaded(self, _result: object) -> None:
        log.info("deidentifier preload done")
        self.loaded.emit()

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, PreloadCancelled):
            return
        # any failure is reported (logged and as a reason), never raised
        log.error("deidentifier preload failed", exc_info=error)
        self.error = type(error).__name__
        self.failed.emit(self.error)


class SummaryExport:
    """One export session: builds, renders and writes summaries for the open vault."""

    def __init__(
        self,
        service: SummaryService,
        goals: GoalService,
        backend: LearningBackend,
        role: Role,
        extra_names: Sequence[str] = (),
    ) -> None:
        self.service = service
        self.goals = goals
        self._backend = backend
        self._role = role
        self._extra_names = tuple(n for n in extra_names if n.strip())

    def build(self, options: SummaryOptions) -> BuiltSummary:
        """The summary for ``options`` with the vault's extra terms and the user's name."""
        terms = tuple(self.goals.extra_terms())
        names = (*options.extra_names, *self._extra_names)
        return self.service.build(
            replace(options, extra_terms=(*options.extra_terms, *terms), extra_names=names)
        )

    def render(self, built: BuiltSummary, file_format: str, highlight: bool = False) -> str:
        """The text of a format (PDF: the HTML it is printed from)."""
        kind = "html" if file_format == "pdf" else file_format
        return self._backend.render(built.summary, kind, highlight)

    def data(self, built: BuiltSummary, file_format: str) -> bytes:
        """The bytes that will be written."""
        if file_format == "pdf":
            from vknz_desktop.ui.features.learning.pdf_writer import pdf_bytes

            return pdf_bytes(self.render(built, "html"), "Leersamenvatting")
        return self.render(built, file_format).encode("utf-8")

    def save(self, built: BuiltSummary, file_format: str, path: Path) -> None:
        """Write the summary (atomically, readable by the user only: 0600) and record the
        export in the audit log."""
        from vknz_desktop.files import write_atomically

        try:
            write_atomically(path, self.data(built, file_format))
        except OSError as error:
            raise KnownError(
                f"De samenvatting kon niet worden opgeslagen in {path} ({error.strerror})."
            ) from error
        self.service.record_export(built, file_format, self._role)
        log.info("summary exported (%s, %d goals)", file_format, len(built.summary.goals))


def default_file_name(summary: LearningSummary, file_format: str) -> str:
    """'leersamenvatting-2026-10.pdf' (the last month of the period)."""
    suffix = FORMATS[file_format][1]
    return f"leersamenvatting-{summary.period.end[:7]}.{suffix}"


__all__ = [
    "FORMATS",
    "DeidentifierLoader",
    "LearningBackend",
    "SummaryExport",
    "default_file_name",
]
