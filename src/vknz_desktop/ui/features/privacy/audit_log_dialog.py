"""Help → Logboek: the audit log (who did what, when — never content) and its chain check."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.models import AuditAction, AuditEntry
from vknz_desktop.ui.common.appearance import signal_colour
from vknz_desktop.ui.common.formatting import format_number, role_label
from vknz_desktop.ui.features.privacy.audit_details import (
    describe_details,
    entry_time,
    local_time,
)

ACTION_LABELS: dict[AuditAction, str] = {
    AuditAction.VAULT_CREATED: "Kluis gemaakt",
    AuditAction.UNLOCK: "Ontgrendeld",
    AuditAction.FAILED_UNLOCK: "Mislukte ontgrendeling",
    AuditAction.IMPORT: "Opname geïmporteerd",
    AuditAction.DELETE: "Opname verwijderd",
    AuditAction.CONSENT_CHANGED: "Toestemming gewijzigd",
    AuditAction.SHARING_CHANGED: "Delen van klantfeedback gewijzigd",
    AuditAction.PASSPHRASE_CHANGED: "Wachtwoord gewijzigd",
    AuditAction.MIGRATED: "Kluis bijgewerkt",
    AuditAction.EXPORT: "Leersamenvatting geëxporteerd",
    AuditAction.RETENTION_DELETE: "Opname verwijderd na bewaartermijn",
    AuditAction.KEEP_FRAGMENTS: "Alleen fragmenten bewaard",
    AuditAction.GDPR_ACCESS: "AVG: inzage",
    AuditAction.GDPR_ERASURE: "AVG: verwijdering",
    AuditAction.ONDERZOEKER_REGISTERED: "Onderzoeker geregistreerd",
    AuditAction.ONDERZOEKER_UNLOCK: "Sleutel van onderzoeker geopend",
    AuditAction.ONDERZOEKER_UNLOCK_FAILED: "Mislukte poging: sleutel van onderzoeker",
    AuditAction.SEALED: "Klantfeedback weer verzegeld",
    AuditAction.RECORD_START: "Opname gestart in de app",
    AuditAction.RECORD_FINISH: "Opname in de app afgerond",
    AuditAction.RECORD_INTERRUPTED: "Opname in de app onderbroken",
    AuditAction.SOURCE_REMOVED: "Bronbestand verwijderd na importeren",
}


class AuditLogDialog(QDialog):
    """A read-only table of audit entries, newest first."""

    def __init__(
        self, entries: list[AuditEntry], problems: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Logboek"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Het logboek houdt bij wat er met de kluis gebeurt: wanneer, in welke rol en om "
                "welke opname het ging. Er staan nooit aantekeningen, namen of titels in."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        if problems:
            self.status.setText(
                self.tr("Let op: het logboek is aangepast.\n") + "\n".join(problems)
            )
            colour = signal_colour("error", self.palette(), QPalette.ColorRole.Window).name()
            self.status.setStyleSheet(f"color: {colour}; font-weight: bold;")
        else:
            self.status.setText(
                self.tr("De keten van logboekregels is intact ({0} regels).").format(
                    format_number(len(entries))
                )
            )
        layout.addWidget(self.status)
        self.table = QTableWidget(len(entries), 4, self)
        self.table.setAccessibleName(self.tr("Logboekregels"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Tijdstip"), self.tr("Gebeurtenis"), self.tr("Rol"), self.tr("Opname")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, entry in enumerate(sorted(entries, key=lambda e: e.id, reverse=True)):
            details = describe_details(entry.details)
            label = self.tr(ACTION_LABELS.get(entry.action, entry.action.value))
            cells = [
                local_time(entry_time(entry)),
                f"{label} ({details})" if details else label,
                role_label(entry.role) if entry.role else "—",
                f"{entry.recording_id[:8]}…" if entry.recording_id else "—",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if column == 1:
                    item.setToolTip(text)  # whole, where the column cuts it short
                if column == 3 and entry.recording_id:
                    item.setToolTip(entry.recording_id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        # the event and its details get the room (the recording's id is shortened, whole in
        # its tooltip); the dialog grows with the text size, never past the screen
        em = self.fontMetrics().horizontalAdvance("M")
        wanted = QSize(max(820, 64 * em), max(520, 30 * em))
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(wanted.boundedTo(screen.size() * 0.9))
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
