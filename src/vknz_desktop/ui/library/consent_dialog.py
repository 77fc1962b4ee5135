"""Dialogs that ask for a recording's details and consent.

``ImportDetailsDialog`` is shown before anything is written to the vault: what the file holds,
a neutral title, the date of the conversation, who is in it, the consent (who gave it, when,
for what, and how long the recording may be kept), and whether to remove the source file after
the import. ``ConsentDialog`` changes the consent of a recording that is already in the vault.
Both share ``ConsentForm`` (``consent_form.py``); the import dialog's form is
``RecordingDetailsForm`` (``details_form.py``), which the Opnemen page uses too.

At large text the form scrolls and folds into one column; the buttons stay in view.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from vknz_desktop.domain.errors import KnownError
from vknz_desktop.domain.models import Consent, ConsentScope, MediaInfo, Role
from vknz_desktop.services.recordings import ImportRequest
from vknz_desktop.ui.common.formatting import format_duration
from vknz_desktop.ui.library.consent_form import (
    DATE_FORMAT,
    ConsentForm,
    ReadableCheckBox,
    from_qdate,
    hint_label,
    problem_label,
    to_qdate,
)
from vknz_desktop.ui.library.details_form import RecordingDetailsForm, fits_two_columns
from vknz_desktop.ui.library.participants_editor import ParticipantsEditor

#: Checks whether a source file may be removed after its import: True when it lies on a
#: phone or removable medium; KnownError (Dutch) when it cannot be removed (read-only).
SourceCheck = Callable[[Path], bool]


def describe_media(media: MediaInfo) -> str:
    """What a probe found, in Dutch: ``"Video met geluid · 8:00 · 320 × 240"``."""
    if media.has_video and media.has_audio:
        kind = QCoreApplication.translate("ImportDetailsDialog", "Video met geluid")
    elif media.has_video:
        kind = QCoreApplication.translate("ImportDetailsDialog", "Video zonder geluid")
    else:
        kind = QCoreApplication.translate("ImportDetailsDialog", "Alleen geluid")
    parts = [kind, format_duration(media.duration_ms)]
    if media.has_video and media.width and media.height:
        width, height = media.width, media.height
        if media.rotation % 180:
            width, height = height, width
        parts.append(f"{width} × {height}")
    return " · ".join(parts)


def _elide_middle(text: str, limit: int = 60) -> str:
    if len(text) <= limit:
        return text
    keep = (limit - 1) // 2
    return text[:keep] + "…" + text[-keep:]


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area (vertical only): nothing is squeezed or cut off
    at large text; the dialog's buttons stay outside it, always in view."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def fit_to_screen(dialog: QDialog, area: QScrollArea) -> None:
    """As large as the content wants, but never larger than the screen."""
    screen = dialog.screen()
    if screen is None:
        return
    available = screen.availableGeometry()
    inner = area.widget()
    content = inner.sizeHint() if inner is not None else area.sizeHint()
    chrome = dialog.sizeHint().height() - area.sizeHint().height()
    width = min(content.width() + 48, available.width() - 24)
    height = min(content.height() + chrome + 24, available.height() - 48)
    dialog.resize(max(width, dialog.minimumWidth()), max(height, 200))


class _ConsentButtons:
    """OK (the dialog's word for it), Annuleren, and why OK cannot be pressed yet: OK only
    while ``problem()`` says nothing."""

    def __init__(
        self,
        dialog: QDialog,
        problem: Callable[[], str | None],
        ok_text: str,
        cancel_text: str,
        why_not: str,
    ) -> None:
        self._problem = problem
        self.box = QDialogButtonBox()
        self.ok = self.box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setAccessibleName(ok_text)
        self.ok.setDefault(True)
        self.cancel = self.box.addButton(cancel_text, QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel.setAccessibleName(cancel_text)
        self.box.accepted.connect(dialog.accept)
        self.box.rejected.connect(dialog.reject)
        self.problem_label = problem_label()
        self.problem_label.setAccessibleName(why_not)
        self.row = QHBoxLayout()
        self.row.addWidget(self.problem_label, 1)
        self.row.addWidget(self.box)

    def update(self) -> None:
        """Enable OK, or say why not."""
        problem = self._problem()
        self.ok.setEnabled(problem is None)
        self.ok.setToolTip(problem or "")
        self.problem_label.setText(problem or "")

    def complete(self) -> bool:
        """Whether everything is filled in (else the reason is shown)."""
        self.update()
        return self._problem() is None


class ImportDetailsDialog(QDialog):
    """Asks for a recording's details and consent before anything is written to the vault.

    ``request()`` gives the ImportRequest to run once the dialog is accepted. The OK button
    ("Importeren") stays disabled until the details are complete (at least one consent scope,
    readable dates, a role for every name). ``source_check`` (see ``SourceCheck``) offers to
    remove the source file after the import; ``remove_source()`` is the user's choice.
    """

    def __init__(
        self,
        source: Path,
        media: MediaInfo,
        parent: QWidget | None = None,
        *,
        role: Role = Role.KLANTMANAGER,
        today: dt.date | None = None,
        taken_titles: Iterable[str] = (),
        source_check: SourceCheck | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._media = media
        self._role = role
        self.setWindowTitle(self.tr("Opname importeren"))
        self.setAccessibleName(self.tr("Gegevens en toestemming voor de opname"))
        self.setModal(True)

        self.details = RecordingDetailsForm(today=today, taken_titles=taken_titles)
        self.title_edit = self.details.title_edit
        self.conversation_date_edit = self.details.conversation_date_edit
        self.participants_editor = self.details.participants_editor
        self.consent_form = self.details.consent_form
        self.details.left_column.insertWidget(0, self._build_file_box(source, media, source_check))
        self._buttons = _ConsentButtons(
            self,
            self.details.problem,
            self.tr("Importeren"),
            self.tr("Annuleren"),
            self.tr("Waarom importeren nog niet kan"),
        )
        self.details.changed.connect(self._buttons.update)
        self.button_box, self.ok_button = self._buttons.box, self._buttons.ok
        self.cancel_button, self.problem_label = self._buttons.cancel, self._buttons.problem_label
        self.scroll_area = scrolling(self.details)
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(self._buttons.row)

        self.set_tab_order()
        self.details.focus_title()
        self._buttons.update()

    def _build_file_box(
        self, source: Path, media: MediaInfo, source_check: SourceCheck | None
    ) -> QGroupBox:
        """What the file is, and whether to remove it afterwards."""
        self.file_label = QLabel(_elide_middle(source.name))
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.file_label.setToolTip(str(source))
        self.file_label.setAccessibleName(self.tr("Bestandsnaam"))
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.media_label = QLabel(describe_media(media))
        self.media_label.setTextFormat(Qt.TextFormat.PlainText)
        self.media_label.setAccessibleName(self.tr("Wat er in het bestand staat"))
        file_form = QFormLayout()
        file_form.addRow(self.tr("Naam:"), self.file_label)
        file_form.addRow(self.tr("Gevonden:"), self.media_label)
        self._build_remove_option(source, source_check)
        file_form.addRow(self.remove_source_box)
        file_form.addRow(self.remove_source_hint)
        file_box = QGroupBox(self.tr("Bestand"))
        file_box.setLayout(file_form)
        return file_box

    def _build_remove_option(self, source: Path, source_check: SourceCheck | None) -> None:
        self.remove_source_box = ReadableCheckBox(
            self.tr("Na het importeren het &bronbestand verwijderen")
        )
        self.remove_source_box.setAccessibleName(self.tr("Bronbestand verwijderen na importeren"))
        honest = self.tr(
            "Verwijderen maakt het bestand niet onherstelbaar: op een geheugenkaart, "
            "USB-stick, SSD of telefoon is een verwijderd bestand vaak nog terug te halen, en "
            "een telefoon kan de opname al naar een cloud (zoals een fotoback-up) hebben "
            "gekopieerd. Verwijder de opname daar ook."
        )
        self.remove_source_hint = hint_label(honest)
        self.remove_source_hint.setAccessibleName(self.tr("Uitleg bij bronbestand verwijderen"))
        if source_check is None:
            self.remove_source_box.hide()
            self.remove_source_hint.hide()
            return
        try:
            removable = source_check(source)
        except KnownError as error:  # read-only: refused clearly, before anything happens
            self.remove_source_box.setEnabled(False)
            self.remove_source_hint.setText(error.message)
            return
        if removable:
            self.remove_source_hint.setText(
                self.tr("Dit bestand staat op een telefoon, geheugenkaart of USB-stick.")
                + " "
                + honest
            )

    # -- public API ---------------------------------------------------------------------------
    @property
    def source(self) -> Path:
        """The file to import."""
        return self._source

    @property
    def media(self) -> MediaInfo:
        """What the probe found."""
        return self._media

    @property
    def scope_checkboxes(self) -> dict[ConsentScope, QCheckBox]:
        """The consent scope checkboxes (shortcut into the consent form)."""
        return self.consent_form.scope_checkboxes

    def conversation_date(self) -> dt.date:
        """The date of the conversation."""
        return self.details.conversation_date()

    def remove_source(self) -> bool:
        """Whether the user asked to remove the source file after the import."""
        return self.remove_source_box.isEnabled() and self.remove_source_box.isChecked()

    def request(self) -> ImportRequest:
        """What to import and with which consent; raises ValueError while consent is missing."""
        problem = self.details.problem()
        if problem is not None:
            raise ValueError(problem)
        return ImportRequest(
            source=self._source,
            consent=self.consent_form.consent(),
            title=self.details.title(),
            conversation_date=self.conversation_date(),
            participants=tuple(self.participants_editor.participants()),
            role=self._role,
        )

    def accept(self) -> None:
        """Close with Accepted, but only with complete details."""
        if self._buttons.complete():
            super().accept()

    def showEvent(self, event: QShowEvent) -> None:
        self.details.set_single_column(not fits_two_columns(self))
        fit_to_screen(self, self.scroll_area)
        super().showEvent(event)

    # -- internals ----------------------------------------------------------------------------
    def set_tab_order(self) -> None:
        form = self.consent_form
        # as they are seen: the file's checkbox above the title (the title has the keyboard
        # first; Shift+Tab reaches the checkbox)
        chain: list[QWidget] = [self.remove_source_box, *self.details.first_fields()]
        chain += self.participants_editor.focus_chain()
        chain += form.focus_chain()
        chain += [self.ok_button, self.cancel_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)


class ConsentDialog(QDialog):
    """Changes the consent of a recording already in the vault; ``consent()`` gives the result."""

    def __init__(
        self,
        consent: Consent,
        parent: QWidget | None = None,
        *,
        recording_title: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Toestemming wijzigen"))
        self.setAccessibleName(self.tr("Toestemming wijzigen"))
        self.setModal(True)
        heading = QLabel(
            self.tr("Toestemming voor “{title}”").format(title=recording_title)
            if recording_title
            else self.tr("Toestemming voor deze opname")
        )
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        heading_font = QFont(heading.font())
        heading_font.setBold(True)
        heading.setFont(heading_font)

        self.consent_form = ConsentForm(consent=consent)
        self._buttons = _ConsentButtons(
            self,
            self.consent_form.problem,
            self.tr("Opslaan"),
            self.tr("Annuleren"),
            self.tr("Waarom opslaan nog niet kan"),
        )
        self.consent_form.changed.connect(self._buttons.update)
        self.button_box, self.ok_button = self._buttons.box, self._buttons.ok
        self.cancel_button, self.problem_label = self._buttons.cancel, self._buttons.problem_label

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(14)
        body_layout.addWidget(heading)
        body_layout.addWidget(self.consent_form)
        body_layout.addStretch(1)
        self.scroll_area = scrolling(body)
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(self._buttons.row)
        self.setMinimumWidth(min(520, self.fontMetrics().averageCharWidth() * 60))
        self._buttons.update()

    def consent(self) -> Consent:
        """The consent as edited; raises ValueError while it is not complete."""
        return self.consent_form.consent()

    def accept(self) -> None:
        """Close with Accepted, but only with a complete consent."""
        if self._buttons.complete():
            super().accept()

    def showEvent(self, event: QShowEvent) -> None:
        fit_to_screen(self, self.scroll_area)
        super().showEvent(event)


__all__ = [
    "DATE_FORMAT",
    "ConsentDialog",
    "ConsentForm",
    "ImportDetailsDialog",
    "ParticipantsEditor",
    "SourceCheck",
    "describe_media",
    "fit_to_screen",
    "from_qdate",
    "scrolling",
    "to_qdate",
]
