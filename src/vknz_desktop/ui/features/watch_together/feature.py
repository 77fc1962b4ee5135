"""Afspelen → Samen kijken: the view as a page of the main window, the marker in the vault."""

from __future__ import annotations

from PySide6.QtCore import QObject

from vknz_desktop.domain import visibility
from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.models import Role
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.features.watch_together.view import SamenKijkenView
from vknz_desktop.ui.shell.actions import ActionSpec
from vknz_desktop.ui.shell.host import Host
from vknz_desktop.ui.shell.shell_actions import OVERLAY_WORKSPACE, PLAY

#: The text stored with a marker (data in the vault, so not translated).
MARKER_TEXT = "Hier wil ik iets over zeggen"


class SamenKijkenFeature(QObject):
    """Samen kijken with the klant: a page without the menu bar, markers as klant feedback."""

    def __init__(self, host: Host) -> None:
        super().__init__(host.dialog_parent())
        self.host = host
        self.view = SamenKijkenView(host.controller, host.dialog_parent())
        self._hidden_markers = 0  # stored this visit, not visible to the person at the keyboard
        host.add_page(self.view, title=lambda: self.tr("Samen kijken — VKNZ"), menu_bar=False)
        self.view.leaveRequested.connect(self.leave)
        self.view.markRequested.connect(self.store_marker)
        host.events.pageChanged.connect(self._on_page_changed)
        self.action = host.registry.add(
            ActionSpec(
                "watch_together.enter",
                self.tr("&Samen kijken met de klant"),
                self.enter,
                ("Ctrl+Shift+S",),
                PLAY,
                50,
                available=self.refusal,
                status_tip=self.tr("Groot beeld en grote knoppen, om samen met de klant te kijken"),
                overlay=OVERLAY_WORKSPACE + 10,
            )
        )

    @property
    def active(self) -> bool:
        """Whether the view is showing."""
        return self.host.current_page() is self.view

    def refusal(self) -> str | None:
        """Why Samen kijken can't start now (None: it can): no recording open, or its consent
        does not let the klant watch (the one consent policy, ``domain.visibility``)."""
        reason = self.host.needs_recording()
        recording = self.host.workspace.recording
        if reason is not None or recording is None:
            return reason
        allowed = visibility.samen_kijken(recording)
        return None if allowed.allowed else allowed.reason

    def enter(self) -> None:
        """Show the open recording in the Samen kijken view."""
        recording = self.host.workspace.recording
        if self.host.session is None or recording is None or self.active:
            return
        allowed = visibility.samen_kijken(recording)  # the one consent policy
        if not allowed.allowed:
            messages.show_known_error(self.host.dialog_parent(), KnownError(allowed.reason))
            return
        self.host.workspace.save_pending_observation()
        self.view.activate(not recording.media.has_video)
        self.host.show_page(self.view)
        controller = self.host.controller
        if not controller.playing:
            controller.seek(controller.position_ms())  # the picture of this moment, at once
        self.view.play_button.setFocus()

    def leave(self) -> None:
        """Back to the normal workspace (saying how many markers the user will not see)."""
        if not self.active:
            return
        self.host.show_workspace()
        hidden, self._hidden_markers = self._hidden_markers, 0
        if hidden:
            messages.status(
                self.tr(
                    "%n moment(en) van de klant bewaard. Je ziet ze niet in de lijst: alleen de "
                    "klant en de onderzoeker zien ze, tot de klant ze wil delen.",
                    "",
                    hidden,
                ),
                15_000,
            )
        if self.host.workspace.recording is None:
            return
        self.host.workspace.reload_observations()
        controller = self.host.controller
        if not controller.playing:
            controller.seek(controller.position_ms())

    def store_marker(self, position_ms: int) -> None:
        """Store "Hier wil ik iets over zeggen" at ``position_ms`` as the klant's feedback."""
        session = self.host.session
        recording = self.host.workspace.recording
        if session is None or recording is None:
            return
        try:
            session.observations.create(
                recording.id, position_ms, text=MARKER_TEXT, author_role=Role.KLANT
            )
        except KnownError as error:  # e.g. the consent does not cover the klant
            messages.show_known_error(self.host.dialog_parent(), error)
            return
        # The sharing rule: klant feedback is hidden from anyone but the klant and the
        # onderzoeker until the klant agrees to share it. Say so, here and when leaving, so the
        # klantmanager does not look for the marker in vain.
        hidden = session.identity.role not in visibility.SHARING_ROLES
        if hidden:
            self._hidden_markers += 1
        self.view.show_saved(hidden_from_user=hidden)

    def _on_page_changed(self, page: object) -> None:
        if page is not self.view and self.view.active:
            self.view.deactivate()

    def shutdown(self) -> None:
        """Before the vault closes: put the pictures and messages of the view away."""
        self._hidden_markers = 0
        if self.view.active:
            self.view.deactivate()


__all__ = ["MARKER_TEXT", "SamenKijkenFeature"]
