"""Privacy in the Help menu: what happens with recordings, the audit log and privacy requests.

Installed through the shell's Host. The privacy requests (AVG-verzoek) use the vault's
``session.privacy`` (the storage adapter behind ``domain.gdpr.GdprRequests``); before an
erasure the recordings concerned are closed and their analysis stopped.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.passphrase import PassphraseEstimator
from vknz_desktop.ui.common import messages
from vknz_desktop.ui.features.privacy.audit_log_dialog import AuditLogDialog
from vknz_desktop.ui.features.privacy.gdpr_dialog import GdprDialog
from vknz_desktop.ui.features.privacy.privacy_help import PrivacyHelpDialog
from vknz_desktop.ui.shell.actions import ActionSpec
from vknz_desktop.ui.shell.host import Host
from vknz_desktop.ui.shell.shell_actions import HELP


class PrivacyFeature(QObject):
    """Help → Wat gebeurt er met de opnames?, Logboek… and AVG-verzoek…."""

    def __init__(self, host: Host, estimator: PassphraseEstimator | None = None) -> None:
        super().__init__(host.dialog_parent())
        self.host = host
        #: For the strength meter of an AVG package's passphrase.
        self.estimator = estimator
        #: The privacy request dialog while it is open.
        self.dialog: GdprDialog | None = None
        add = host.registry.add
        add(
            ActionSpec(
                "privacy.help",
                self.tr("&Wat gebeurt er met de opnames?"),
                self.show_privacy_help,
                menu=HELP,
                order=10,
            )
        )
        add(
            ActionSpec(
                "privacy.audit_log",
                self.tr("&Logboek…"),
                self.show_audit_log,
                menu=HELP,
                order=11,
                available=host.needs_vault,
            )
        )
        add(
            ActionSpec(
                "privacy.request",
                self.tr("A&VG-verzoek…"),
                self.show_request_dialog,
                menu=HELP,
                order=12,
                available=self._needs_requests,
            )
        )

    def _needs_requests(self) -> str | None:
        reason = self.host.needs_vault()
        session = self.host.session
        if reason is None and session is not None and session.privacy is None:
            return self.tr("AVG-verzoeken zijn in deze uitvoering niet beschikbaar.")
        return reason

    def show_privacy_help(self) -> None:
        """The plain-Dutch page about what happens with recordings."""
        messages.run(PrivacyHelpDialog(self.host.dialog_parent()))

    def show_audit_log(self) -> None:
        """Help → Logboek."""
        session = self.host.session
        if session is None:
            return
        vault = session.vault
        dialog = AuditLogDialog(
            vault.audit_entries(), vault.audit_problems(), self.host.dialog_parent()
        )
        messages.run(dialog)

    def show_request_dialog(self) -> None:
        """Help → AVG-verzoek: access to or erasure of everything about one participant."""
        session = self.host.session
        if session is None or session.privacy is None:
            return
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        try:
            dialog = GdprDialog(
                session.privacy,
                session.identity.role,
                self.host.dialog_parent(),
                before_erase=self.before_erase,
                estimator=self.estimator,
            )
        except KnownError as error:
            messages.show_known_error(self.host.dialog_parent(), error)
            return
        dialog.erased.connect(lambda _ids: self.host.refresh_library())
        dialog.finished.connect(lambda _result: self._on_dialog_finished(dialog))
        self.dialog = dialog
        dialog.open()

    def _on_dialog_finished(self, dialog: GdprDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def before_erase(self, _recording_ids: list[str]) -> None:
        """Nothing may show or read a recording while an erasure removes it."""
        self.host.stop_analysis()
        self.host.show_library()  # closes an open recording (and the review players)

    def shutdown(self) -> None:
        """Before the vault closes: stop a request (an export removes what it wrote), close."""
        if self.dialog is not None:
            self.dialog.shutdown()


__all__ = ["PrivacyFeature"]
