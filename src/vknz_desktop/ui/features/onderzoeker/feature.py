"""The onderzoeker's part of the app, installed through the shell's Host.

Menu *Onderzoeker*: the klant's feedback (a page), opening and closing the onderzoeker's own
key, and registering an onderzoeker. While a key is open the status bar says whose, and
``keyChanged`` carries the ``OnderzoekerSession`` (None once closed); the composition root
connects it to the review feature, whose sessions then show and share the sealed items. The
key is closed with *Sleutel sluiten*, and always before the vault closes (lock, quit).

Without a key nothing here shows a word of the klant's unshared feedback: the page then says
why it is sealed, how many items there are, and how to open them.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.models import Observation, Role, SharingState
from vknz_desktop.domain.passphrase import PassphraseEstimator
from vknz_desktop.domain.sealing import Onderzoeker
from vknz_desktop.domain.visibility import Audience, is_klant_feedback, may_show, neutral_labels
from vknz_desktop.services.onderzoeker import (
    OnderzoekerService,
    OnderzoekerSession,
    Registration,
)
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.features.onderzoeker.items_view import ItemRow, KeyState, OnderzoekerView
from vknz_desktop.ui.features.onderzoeker.register_dialog import RegisterDialog
from vknz_desktop.ui.features.onderzoeker.unlock_dialog import OnderzoekerUnlockDialog
from vknz_desktop.ui.shell.actions import ActionSpec
from vknz_desktop.ui.shell.host import Host
from vknz_desktop.ui.shell.session import VaultSession

log = logging.getLogger(__name__)

ONDERZOEKER = "onderzoeker"
# Who watches when the onderzoeker plays a moment: they may ask the klant beside them.
_PLAY_AUDIENCE = Audience.of(Role.ONDERZOEKER, Role.KLANT)


class OnderzoekerFeature(QObject):
    """Menu, page, dialogs and the status-bar marker of the onderzoeker's key."""

    # The onderzoeker's unlocked key (an ``OnderzoekerSession``), or None once it closed.
    keyChanged = Signal(object)

    def __init__(self, host: Host, estimator: PassphraseEstimator) -> None:
        super().__init__(host.dialog_parent())
        self.host = host
        self._estimator = estimator
        self._key: OnderzoekerSession | None = None
        self._registered: list[Onderzoeker] = []
        # The register or unlock dialog while it is open.
        self.dialog: RegisterDialog | OnderzoekerUnlockDialog | None = None
        parent = host.dialog_parent()
        self.view = OnderzoekerView(host.controller, parent)
        host.add_page(self.view, title=lambda: self.tr("Feedback van de klant — VKNZ"))
        self.marker = self._make_marker(parent)
        self._connect()
        self._install_actions()

    def _make_marker(self, parent: QWidget) -> QLabel:
        """The status bar's sign that an onderzoeker's key is open."""
        marker = QLabel(parent)
        marker.setObjectName("onderzoekerKeyMarker")
        marker.setAccessibleName(self.tr("Sleutel van de onderzoeker open"))
        marker.setStyleSheet("font-weight: bold; padding: 2px 8px;")
        marker.hide()
        if isinstance(parent, QMainWindow):
            parent.statusBar().addPermanentWidget(marker)
        return marker

    def _connect(self) -> None:
        view = self.view
        view.backRequested.connect(self.host.show_library)
        view.registerRequested.connect(self.show_register)
        view.unlockRequested.connect(self.show_unlock)
        view.closeKeyRequested.connect(self.close_key)
        view.playRequested.connect(self.play)
        view.answerChosen.connect(self.answer)
        events = self.host.events
        events.vaultOpened.connect(self._on_vault_opened)
        events.vaultClosing.connect(self._on_vault_closing)
        events.pageChanged.connect(self._on_page_changed)

    # -- actions ------------------------------------------------------------------------------
    def _install_actions(self) -> None:
        registry = self.host.registry
        registry.add_menu(ONDERZOEKER, self.tr("&Onderzoeker"), 70)
        for action_id, text, callback, section, available in (
            (
                "onderzoeker.items",
                self.tr("&Feedback van de klant"),
                self.show_view,
                0,
                self._needs_service,
            ),
            (
                "onderzoeker.unlock",
                self.tr("Sleutel &openen…"),
                self.show_unlock,
                10,
                self._needs_unlockable,
            ),
            (
                "onderzoeker.close_key",
                self.tr("Sleutel &sluiten"),
                self.close_key,
                10,
                self._needs_open_key,
            ),
            (
                "onderzoeker.register",
                self.tr("Onderzoeker &registreren…"),
                self.show_register,
                20,
                self._needs_registrable,
            ),
        ):
            registry.add(
                ActionSpec(
                    action_id,
                    text,
                    callback,
                    menu=ONDERZOEKER,
                    section=section,
                    available=available,
                )
            )

    def _needs_service(self) -> str | None:
        reason = self.host.needs_vault()
        session = self.host.session
        if reason is None and (session is None or session.onderzoeker is None):
            return self.tr("Onderzoekers zijn in deze uitvoering niet beschikbaar.")
        return reason

    def _needs_unlockable(self) -> str | None:
        reason = self._needs_service()
        if reason is not None:
            return reason
        if self.key is not None:
            return self.tr("De sleutel van {0} is al open.").format(self.key.name)
        if not self._registered:
            return self._no_onderzoeker_reason()
        return None

    def _needs_open_key(self) -> str | None:
        return self._needs_service() or (
            None
            if self.key is not None
            else self.tr("Er is geen sleutel van een onderzoeker open.")
        )

    def _needs_registrable(self) -> str | None:
        reason = self._needs_service()
        if reason is not None:
            return reason
        session = self.host.session
        if session is not None and session.vault.read_only:
            return self.tr("De kluis is alleen-lezen geopend; er kan niemand worden geregistreerd.")
        if self._registered and self.key is None:
            return self.tr(
                "Een volgende onderzoeker wordt toegevoegd door een onderzoeker die al "
                "geregistreerd is: open eerst je eigen sleutel (Sleutel openen…)."
            )
        return None

    def _no_onderzoeker_reason(self) -> str:
        service = self._service()
        return service.status().klant_items.reason if service is not None else ""

    # -- state --------------------------------------------------------------------------------
    @property
    def key(self) -> OnderzoekerSession | None:
        """The onderzoeker's unlocked key, while it is open."""
        if self._key is not None and not self._key.open:
            self._key = None  # closed elsewhere (the review feature at a lock)
        return self._key

    def _service(self) -> OnderzoekerService | None:
        session = self.host.session
        return session.onderzoeker if session is not None else None

    def _on_vault_opened(self, session: VaultSession) -> None:
        self._registered = (
            list(session.onderzoeker.status().onderzoekers) if session.onderzoeker else []
        )
        self.refresh()

    def _on_vault_closing(self) -> None:
        """The vault closes (after ``shutdown``): nothing of it stays on screen."""
        self._forget_key()
        self._registered = []
        self.view.clear()

    def _on_page_changed(self, page: object) -> None:
        if page is not self.view:
            self.view.stop()

    def refresh(self) -> None:
        """Read the state again and show it (the items only while a key is open)."""
        session, service = self.host.session, self._service()
        if session is None or service is None:
            self.view.clear()
            return
        status = service.status()
        self._registered = list(status.onderzoekers)
        key = self.key
        state = KeyState(
            registered=len(status.onderzoekers),
            sealed=status.sealed,
            key_name=key.name if key is not None else None,
            no_onderzoeker_reason=status.klant_items.reason,
        )
        self.view.set_state(state, self._rows(session, service, key) if key else [])
        self.host.registry.update()

    def _rows(
        self, session: VaultSession, service: OnderzoekerService, key: OnderzoekerSession
    ) -> list[ItemRow]:
        """The sealed items ``key`` opens, and the klant items already shared, per recording."""
        recordings = session.vault.recordings()
        labels = neutral_labels(recordings)
        names = {o.id: o.name for o in self._registered}
        titles = {}
        if session.review is not None:
            titles = {s.id: s.title for s in session.review.sessions.sessions()}
        items: list[Observation] = list(service.items(key))
        for recording in recordings:
            items.extend(
                o
                for o in session.vault.observations(recording.id)
                if is_klant_feedback(o) and o.sharing_state == SharingState.SHARED
            )
        return [
            ItemRow(
                observation=o,
                recording_label=labels.get(o.recording_id, self.tr("Opname")),
                session_title=titles.get(o.session_id or "", ""),
                shared_by=names.get(o.shared_by or "", ""),
            )
            for o in items
        ]

    # -- pages and dialogs --------------------------------------------------------------------
    def show_view(self) -> None:
        """The klant's feedback (the words only while a key is open)."""
        if self._service() is None:
            return
        self.host.leave_workspace()  # the main player is ours while the page shows
        self.refresh()
        self.host.show_page(self.view)
        self.view.tree.setFocus()

    def show_register(self) -> None:
        """Register an onderzoeker (the first with the vault alone, later ones vouched for)."""
        session, service = self.host.session, self._service()
        if session is None or service is None or self._open_dialog_again():
            return
        reason = self._needs_registrable()
        if reason is not None:
            messages.show_known_error(self.host.dialog_parent(), KnownError(reason))
            return
        dialog = RegisterDialog(
            service,
            self._estimator,
            role=session.identity.role,
            taken=[o.name for o in self._registered],
            voucher=self.key,
            parent=self.host.dialog_parent(),
        )
        dialog.registered.connect(self._on_registered)
        self._open(dialog)

    def show_unlock(self) -> None:
        """Open an onderzoeker's key with their own passphrase."""
        session, service = self.host.session, self._service()
        if session is None or service is None or self._open_dialog_again():
            return
        reason = self._needs_unlockable()
        if reason is not None:
            messages.show_known_error(self.host.dialog_parent(), KnownError(reason))
            return
        dialog = OnderzoekerUnlockDialog(
            service,
            self._registered,
            role=session.identity.role,
            parent=self.host.dialog_parent(),
        )
        dialog.unlocked.connect(self.use_key)
        self._open(dialog)

    def _open_dialog_again(self) -> bool:
        if self.dialog is None:
            return False
        self.dialog.raise_()
        self.dialog.activateWindow()
        return True

    def _open(self, dialog: RegisterDialog | OnderzoekerUnlockDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._on_dialog_finished(dialog))
        messages.track(dialog)
        dialog.open()

    def _on_dialog_finished(self, dialog: QObject) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _on_registered(self, registration: Registration) -> None:
        log.info("onderzoeker registered (%d item(s) sealed now)", registration.sealed_now)
        text = self.tr("{0} is geregistreerd als onderzoeker.").format(
            registration.onderzoeker.name
        )
        if registration.sealed_now:
            text += " " + self.tr(
                "%n item(s) van de klant die nog open in de kluis stonden, zijn nu verzegeld.",
                "",
                registration.sealed_now,
            )
        messages.status(text, 15_000)
        self.refresh()

    def use_key(self, key: OnderzoekerSession) -> None:
        self._forget_key()
        self._key = key
        self.marker.setText(self.tr("Sleutel open: {0}").format(key.name))
        self.marker.setToolTip(
            self.tr(
                "De verzegelde feedback van de klant is te lezen. Onderzoeker → Sleutel sluiten."
            )
        )
        self.marker.show()
        self.keyChanged.emit(key)
        log.info("onderzoeker key opened")
        if self.host.current_page() is self.view:
            self.refresh()
            self.view.tree.setFocus()
            return
        # Elsewhere (a session with the klant) the page stays: its items show there now.
        self.host.registry.update()
        messages.status(
            self.tr(
                "De sleutel van {0} is open. Onderzoeker → Feedback van de klant toont alle items."
            ).format(key.name),
            10_000,
        )

    # -- the key ------------------------------------------------------------------------------
    def close_key(self) -> None:
        """Close the onderzoeker's key: its items disappear from every screen."""
        had_key = self._key is not None
        self._forget_key()
        if had_key:
            messages.status(self.tr("De sleutel van de onderzoeker is gesloten."))
        if self.host.session is not None:
            self.refresh()

    def _forget_key(self) -> None:
        key, self._key = self._key, None
        self.marker.hide()
        self.marker.clear()
        self.view.stop()
        if key is not None:
            key.close()
            self.keyChanged.emit(None)
            log.info("onderzoeker key closed")
        self.host.registry.update()

    # -- the klant's answer and the moment ----------------------------------------------------
    def answer(self, item_id: str, state: SharingState) -> None:
        """Record the klant's answer for one item (sharing is confirmed first)."""
        session, service, key = self.host.session, self._service(), self.key
        row = next((r for r in self.view.rows if r.observation.id == item_id), None)
        if session is None or service is None or key is None or row is None:
            return
        if state == SharingState.SHARED and not self.confirm_share():
            return
        try:
            if row.observation.sharing_state == SharingState.SHARED:
                self._seal_again(session, row.observation, state)
            else:
                service.answer(key, item_id, state, role=session.identity.role)
        except KnownError as error:
            messages.show_known_error(self.host.dialog_parent(), error)
        self.refresh()
        self.view.select(item_id)

    def confirm_share(self) -> bool:
        """Ask before an item goes to the klantmanager (tests replace this)."""
        return messages.confirm(
            self.host.dialog_parent(),
            self.tr("Feedback delen"),
            self.tr("Heeft de klant gezegd dat dit naar de klantmanager mag?"),
            self.tr(
                "Dan is het vanaf nu een gewone aantekening: de klantmanager ziet haar en kan "
                "erop zoeken. Wanneer en door wie dit is vastgelegd, wordt bewaard."
            ),
            self.tr("Mag gedeeld worden"),
            self.tr("Annuleren"),
        )

    def _seal_again(
        self, session: VaultSession, observation: Observation, state: SharingState
    ) -> None:
        """A shared item the klant now wants kept: sealed again (through the review service,
        which changes the state of items in the clear)."""
        if session.review is None:
            raise KnownError(self.tr("Dit kan in deze uitvoering niet worden gewijzigd."))
        session.review.sessions.set_sharing(observation, state, role=session.identity.role)

    def play(self, observation: Observation) -> None:
        """Play around the item's moment (when the consent lets the onderzoeker and the klant
        watch it)."""
        session = self.host.session
        if session is None:
            return
        try:
            recording = session.recording(observation.recording_id)
        except KnownError as error:
            self.view.show_video_message(error.message)
            return
        decision = may_show(recording, _PLAY_AUDIENCE)
        if not decision.allowed:
            self.view.show_video_message(decision.reason)
            return
        recording_id = recording.id
        self.view.play(recording, lambda: session.open_media(recording_id), observation)

    def shutdown(self) -> None:
        """Before the vault closes: stop a dialog's work, stop playing, close the key."""
        if self.dialog is not None:
            self.dialog.shutdown()
        self.view.stop()
        self._forget_key()


__all__ = ["ONDERZOEKER", "OnderzoekerFeature"]
