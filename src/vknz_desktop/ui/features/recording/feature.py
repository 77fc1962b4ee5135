"""Recording in the app: Bestand → Opnemen… (Ctrl+R) and the Opnemen page.

Installed through the shell's Host like the other features. The page gets the vault's
``LiveRecordingService`` (built once per unlock by the composition root). After an unlock,
recordings that were stopped but not finished (a lock or quit while recording) or interrupted
(a crash) are finished in the background (``finish_pending``) and join the library.

While a recording runs the vault does not lock for want of input (the conversation is the
activity; ``host.hold_inactivity_lock``), the window title says so, and the page stays in
front: another page asked for is refused with a status message until the recording stops.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from vknz_desktop.domain.models import Recording
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.common.jobs import BackgroundJob
from vknz_desktop.ui.features.recording.page import RecordingPage
from vknz_desktop.ui.shell.actions import ActionSpec, KeyHint
from vknz_desktop.ui.shell.host import Host
from vknz_desktop.ui.shell.session import VaultSession
from vknz_desktop.ui.shell.shell_actions import FILE, FILE_PAGES, OVERLAY_PAGES

log = logging.getLogger(__name__)


class RecordingFeature(QObject):
    """Bestand → Opnemen…, the Opnemen page, and finishing recordings left at the last lock."""

    def __init__(self, host: Host) -> None:
        super().__init__(host.dialog_parent())
        self.host = host
        self.page = RecordingPage()
        host.add_page(self.page, title=self.page.title)
        self._pending: BackgroundJob[object] | None = None
        host.registry.add(
            ActionSpec(
                "record.page",
                self.tr("&Opnemen…"),
                self.show_page,
                ("Ctrl+R",),
                FILE,
                FILE_PAGES,
                order=10,
                available=self._available,
                overlay=OVERLAY_PAGES,
            )
        )
        for keys, meaning in (
            ("M", self.tr("Raakmoment markeren (tijdens het opnemen)")),
            ("1–7", self.tr("Soort raakmoment markeren (tijdens het opnemen)")),
            ("P", self.tr("Opname pauzeren of hervatten")),
        ):
            host.registry.add_hint(KeyHint(keys, meaning, OVERLAY_PAGES + 1))
        host.events.vaultOpened.connect(self._on_vault_opened)
        host.events.pageChanged.connect(self._on_page_changed)
        self.page.stateChanged.connect(self._on_state_changed)
        self.page.recorded.connect(lambda recording: host.recordings_added([recording]))
        self.page.openRequested.connect(host.open_recording)
        self.page.libraryRequested.connect(host.show_library)

    # -- the action ----------------------------------------------------------------------------
    def _available(self) -> str | None:
        reason = self.host.needs_vault()
        session = self.host.session
        if reason is not None or session is None:
            return reason
        if session.live_recording is None:
            return self.tr("Opnemen is in deze uitvoering niet beschikbaar.")
        if session.vault.read_only:
            return self.tr("De kluis is alleen te lezen; er kan niet in worden opgenomen.")
        return None

    def show_page(self) -> None:
        """Bestand → Opnemen…: the page, at the consent form (or the running recording)."""
        if self._available() is not None:
            return
        self.host.leave_workspace()
        self.host.show_page(self.page)
        if not self.page.recording():
            self.page.start_over()
            if self.page.details is not None:
                self.page.details.focus_title()

    # -- the vault ---------------------------------------------------------------------------
    def _on_vault_opened(self, session: VaultSession) -> None:
        service = session.live_recording
        if service is None or session.vault.read_only:
            return
        titles = [r.title for r in session.vault.recordings()]
        self.page.open_session(service, session.identity, titles)
        role = session.identity.role
        problems: list[str] = []
        job: BackgroundJob[object] = BackgroundJob(
            lambda _handle: service.finish_pending(role=role, problems=problems),
            name="vknz-record-pending",
            parent=self,
        )
        job.succeeded.connect(lambda finished: self._on_pending_done(finished, problems))
        job.failed.connect(lambda error: log.warning("finishing recordings: %r", error))
        job.finished.connect(lambda: self._forget_pending(job))
        self._pending = job
        job.start()

    def _on_pending_done(self, finished: object, problems: list[str]) -> None:
        listed = finished if isinstance(finished, list) else []
        done = [r for r in listed if isinstance(r, Recording)]
        if done:
            self.host.recordings_added(done)
            messages.status(
                self.tr(
                    "Een opname die nog niet was afgerond, staat nu in de bibliotheek: {0}."
                ).format(", ".join(r.title for r in done)),
                15_000,
            )
        for problem in problems:
            messages.notify(self.host.dialog_parent(), self.tr("Opnemen"), problem)

    def _forget_pending(self, job: BackgroundJob[object]) -> None:
        if self._pending is job:
            self._pending = None
        job.deleteLater()

    def wait_idle(self, timeout_ms: int = 30_000) -> bool:
        """Until the recordings left at the last lock are finished (for tests)."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        deadline = QDeadlineTimer(timeout_ms)
        while self._pending is not None:
            if deadline.hasExpired():
                return False
            QCoreApplication.processEvents()
        return self.page.wait_idle(max(1, int(deadline.remainingTime())))

    # -- while recording ----------------------------------------------------------------------
    def _on_state_changed(self) -> None:
        recording = self.page.recording()
        self.host.hold_inactivity_lock(recording)
        if self.host.current_page() is self.page:
            self.host.show_page(self.page)  # the window title follows the state
        self.host.registry.update()

    def _on_page_changed(self, page: object) -> None:
        if page is self.page or not self.page.recording() or self.host.session is None:
            return
        messages.status(self.tr("Er wordt opgenomen: stop eerst de opname."), 8_000)
        QTimer.singleShot(0, lambda: self.host.show_page(self.page))

    def shutdown(self) -> None:
        """Lock or quit: a running recording stops and is kept (finished at the next unlock);
        the devices close; the lock may count again."""
        if self._pending is not None:
            self._pending.shutdown()
            self._pending = None
        self.page.shutdown()
        self.host.hold_inactivity_lock(False)


__all__ = ["RecordingFeature"]
