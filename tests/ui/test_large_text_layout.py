"""Large text (up to 200 %) and high contrast: nothing is cut off on a 1366×768 or 1920×1080
screen, and the play-control symbols stay visible on a dark background.

What "cut off" means here: a button, label or combo box narrower or lower than it needs for its
text, a widget outside the window, a scroll area whose content is wider than it can show (without
a scroll bar), or a part of the workspace's right column squeezed below its minimum height.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLabel,
    QScrollArea,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.conftest import unlock
from vknz_desktop.ui.common.appearance import apply_appearance, signal_colour
from vknz_desktop.ui.library.library_view import RecordingTableModel
from vknz_desktop.ui.shell.main_window import MainWindow
from vknz_desktop.ui.shell.settings_dialog import AppSettings, SettingsDialog
from vknz_desktop.ui.shell.unlock_dialog import UnlockDialog
from vknz_desktop.ui.workspace.workspace import Workspace

SCREENS = [(1366, 768), (1920, 1080)]
SCALES = [100, 150, 200]


@pytest.fixture(autouse=True)
def _normal_appearance() -> Iterator[None]:
    """Text size and palette are application-wide: put them back after every test."""
    yield
    apply_appearance(100, False)
    QApplication.setPalette(QPalette())
    QApplication.processEvents()


# -- helpers ----------------------------------------------------------------------------------
def set_text_size(window: MainWindow, scale: int, high_contrast: bool = False) -> None:
    settings = AppSettings.load(window.vault)  # type: ignore[arg-type]
    settings.text_scale, settings.high_contrast = scale, high_contrast
    window.apply_settings(settings)


def settle(qtbot: QtBot, ms: int = 150) -> None:
    """Let posted layout requests and the workspace's deferred column fitting run."""
    for _ in range(3):
        qtbot.wait(ms // 3)
        QApplication.processEvents()


def _needed(widget: QWidget) -> QSize | None:
    """The size ``widget`` needs to show its text whole, or None when it is not checked."""
    if isinstance(widget, QComboBox):
        return widget.sizeHint()  # these adjust to their longest choice
    if isinstance(widget, QAbstractButton):
        if isinstance(widget.parentWidget(), QAbstractItemView):  # a table's corner button
            return None
        return widget.sizeHint()
    if isinstance(widget, QLabel):
        if not widget.text():
            return None
        if widget.wordWrap():
            return QSize(1, widget.heightForWidth(widget.width()))
        return widget.sizeHint()
    return None


def cut_off(root: QWidget) -> list[str]:
    """Visible buttons, labels and combo boxes under ``root`` smaller than their text needs."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        needed = _needed(widget)
        if needed is None:
            continue
        if needed.width() > widget.width() + 1 or needed.height() > widget.height() + 1:
            text = widget.currentText() if isinstance(widget, QComboBox) else widget.text()
            problems.append(
                f"{type(widget).__name__} {text[:40]!r} ({widget.accessibleName()}): "
                f"needs {needed.width()}×{needed.height()}, has {widget.width()}×{widget.height()}"
            )
    return problems


def _inside_scroll_area(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent:
            return True
        parent = grand
    return False


def outside(window: QWidget, root: QWidget) -> list[str]:
    """Visible widgets under ``root`` that lie (partly) outside the window, leaving out those
    inside a scroll area (checked by ``not_scrollable``)."""
    problems = []
    frame = window.rect()
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow() or _inside_scroll_area(widget, root):
            continue
        rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        if not frame.contains(rect):
            problems.append(f"{type(widget).__name__} {widget.objectName()} at {rect.getRect()}")
    return problems


def not_scrollable(root: QWidget) -> list[str]:
    """Scroll areas whose content is larger than their view without a way to scroll to it."""
    problems = []
    for area in root.findChildren(QScrollArea):
        content = area.widget()
        if not area.isVisible() or content is None:
            continue
        view = area.viewport().size()
        if content.width() > view.width() + 1 and not area.horizontalScrollBar().isVisible():
            problems.append(f"{area.objectName() or area.accessibleName()}: too wide")
        if content.height() > view.height() + 1 and not area.verticalScrollBar().isVisible():
            problems.append(f"{area.objectName() or area.accessibleName()}: too high")
    return problems


def squeezed(workspace: Workspace) -> list[str]:
    """Parts of the right column given less height than they need at their width."""
    splitter = workspace.right_splitter
    problems = []
    for index in range(splitter.count()):
        section = splitter.widget(index)
        if section.isVisible() and section.height() < section.minimumSizeHint().height():
            problems.append(
                f"part {index}: {section.height()} < {section.minimumSizeHint().height()}"
            )
    return problems


def open_workspace(window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot) -> Workspace:
    unlock(window)
    window.open_recording(demo_vault["video"])
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.workspace)
    return window.workspace


# -- the workspace ----------------------------------------------------------------------------
@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_workspace_fits_the_screen_at_every_text_size(
    window: MainWindow,
    demo_vault: dict[str, str],
    qtbot: QtBot,
    scale: int,
    screen: tuple[int, int],
) -> None:
    workspace = open_workspace(window, demo_vault, qtbot)
    set_text_size(window, scale)
    window.resize(*screen)
    settle(qtbot)
    # the window can be as small as the screen (and did not grow past it)
    minimum = window.minimumSizeHint()
    assert minimum.width() <= screen[0] and minimum.height() <= screen[1], minimum
    assert (window.width(), window.height()) == screen
    for state in ("browsing", "answering a question"):
        if state == "answering a question":
            workspace.answer_question("werkrelatie", "gevoel-opmerken")  # a scale question
            qtbot.waitUntil(lambda: workspace.editor.isVisible())
            settle(qtbot)
        assert not cut_off(workspace), (state, cut_off(workspace))
        assert not outside(window, workspace), (state, outside(window, workspace))
        assert not not_scrollable(workspace), (state, not_scrollable(workspace))
        assert not squeezed(workspace), (state, squeezed(workspace))
        # the right column never needs sideways scrolling
        assert workspace.right_column.horizontalScrollBar().maximum() == 0, state
    workspace.editor.cancel()


def test_large_text_gives_the_right_column_room_and_scrolls_it(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    workspace = open_workspace(window, demo_vault, qtbot)
    settle(qtbot)
    normal_width = workspace.right_column.width()
    set_text_size(window, 200)
    settle(qtbot)
    column = workspace.right_column
    assert column.width() > normal_width
    assert column.width() >= column.minimumSizeHint().width()
    # 1366×768 at 200 %: the column scrolls (rather than squeezing the Kijkwijzer, the list
    # and the clips into slivers), and each list keeps room for a few rows
    assert column.verticalScrollBar().maximum() > 0
    line = workspace.fontMetrics().lineSpacing()
    assert workspace.panel.scroll_area.height() >= line * 6
    assert workspace.observation_list.table.height() >= line * 3
    # the transport bar wrapped onto more lines instead of widening the left side
    transport = workspace.transport
    assert transport.width() < transport.sizeHint().width()
    assert transport.height() > transport.sizeHint().height()
    # at 100 % it all fits without scrolling and the transport needs at most two lines
    set_text_size(window, 100)
    settle(qtbot)
    assert column.verticalScrollBar().maximum() == 0
    assert transport.height() <= 2 * transport.sizeHint().height() + 4


def test_the_editor_is_scrolled_into_view_when_it_opens(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    workspace = open_workspace(window, demo_vault, qtbot)
    set_text_size(window, 200)
    settle(qtbot)
    bar = workspace.right_column.verticalScrollBar()
    bar.setValue(bar.maximum())  # looking at the clips at the bottom
    settle(qtbot)
    workspace.new_observation()
    editor = workspace.editor
    viewport = workspace.right_column.viewport()

    def editor_in_view() -> bool:
        top = editor.mapTo(viewport, QPoint(0, 0))
        return viewport.rect().contains(QRect(top, QSize(editor.width(), 1)))

    qtbot.waitUntil(editor_in_view)
    # the focused text field is visible too
    text_top = editor.text_edit.mapTo(viewport, QPoint(0, 0))
    assert viewport.rect().contains(text_top)
    editor.cancel()


def test_step_headings_grow_with_the_text_size(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    workspace = open_workspace(window, demo_vault, qtbot)
    steps = workspace.panel.findChildren(QLabel, "stepLabel")
    assert steps
    before = steps[0].font().pointSizeF()
    set_text_size(window, 200)
    settle(qtbot)
    steps = workspace.panel.findChildren(QLabel, "stepLabel")
    assert steps[0].font().pointSizeF() == pytest.approx(before * 2, rel=0.05)
    assert steps[0].font().pointSizeF() < QApplication.font().pointSizeF()


def test_questions_built_right_after_a_text_size_change_take_the_new_size(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    workspace = open_workspace(window, demo_vault, qtbot)
    set_text_size(window, 200)
    window.open_recording(demo_vault["audio"])  # the Kijkwijzer is built again at once
    settle(qtbot)
    big = QApplication.font().pointSizeF()
    rows = workspace.panel.question_rows()
    assert rows
    assert {row.label.font().pointSizeF() for row in rows} == {big}
    assert workspace.panel.description.font().pointSizeF() == big


# -- library, dialogs -------------------------------------------------------------------------
@pytest.mark.parametrize("scale", SCALES)
def test_library_columns_fit_their_headings_and_dates(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot, scale: int
) -> None:
    unlock(window)
    set_text_size(window, scale)
    window.show_library()
    settle(qtbot)
    library = window.library
    table, header = library.table, library.table.horizontalHeader()
    metrics = table.fontMetrics()
    for column in (
        RecordingTableModel.DATE,
        RecordingTableModel.DURATION,
        RecordingTableModel.KIND,
        RecordingTableModel.KEEP_UNTIL,
    ):
        name = str(table.model().headerData(column, header.orientation()))
        width = header.sectionSize(column)
        assert width >= table.sizeHintForColumn(column), name
        if width < header.sectionSizeHint(column):  # the heading wraps onto two lines
            assert header.height() >= 2 * metrics.lineSpacing(), name
            longest = max(metrics.horizontalAdvance(word) for word in name.split())
            assert longest < width - 8, name
    # and the titles keep room next to their pictures
    title = header.sectionSize(RecordingTableModel.TITLE)
    assert title >= 96 + metrics.averageCharWidth() * 12
    # two lines ("1 nov. 2026" and "verlopen") fit in a row
    assert table.verticalHeader().defaultSectionSize() >= 2 * metrics.lineSpacing()
    for line in ("30 nov. 2026", "verloopt binnenkort"):
        needed = metrics.horizontalAdvance(line)
        assert needed < header.sectionSize(RecordingTableModel.KEEP_UNTIL) - 8, line
    assert not cut_off(library), cut_off(library)


def test_expired_dates_are_readable_in_high_contrast(qtbot: QtBot) -> None:
    del qtbot  # (for the QApplication)
    apply_appearance(100, True)
    palette = QApplication.palette()
    for name in ("error", "warning"):
        colour = signal_colour(name, palette)
        assert contrast(colour, palette.color(QPalette.ColorRole.Base)) >= 4.5, name
    apply_appearance(100, False)
    light = QPalette(QColor(240, 240, 240))
    light.setColor(QPalette.ColorRole.Base, QColor(255, 255, 255))
    for name in ("error", "warning"):
        assert contrast(signal_colour(name, light), QColor(255, 255, 255)) >= 4.5, name


@pytest.mark.parametrize("scale", [150, 200])
def test_dialogs_fit_a_small_screen_at_large_text(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot, scale: int
) -> None:
    unlock(window)
    set_text_size(window, scale)
    settings = SettingsDialog(AppSettings.load(window.vault), window)  # type: ignore[arg-type]
    window.lock()  # the unlock dialog is shown at the text size in use
    unlock_dialog = UnlockDialog(window.context.gateway, window)
    for dialog in (settings, unlock_dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        settle(qtbot)
        assert dialog.width() <= 1366 and dialog.height() <= 768, type(dialog).__name__
        assert not cut_off(dialog), cut_off(dialog)
        dialog.hide()
    name = unlock_dialog.name_edit
    assert name.fontMetrics().horizontalAdvance(name.placeholderText()) < name.width() - 8


# -- symbols in high contrast and a dark scheme ----------------------------------------------
def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in colour.getRgbF()[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def symbol_colour(image: QImage) -> QColor:
    """The average colour of the clearly drawn (mostly opaque) pixels of a symbol."""
    red = green = blue = count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() > 200:
                red, green, blue, count = (
                    red + pixel.red(),
                    green + pixel.green(),
                    blue + pixel.blue(),
                    count + 1,
                )
    assert count > 10, "no symbol drawn"
    return QColor(red // count, green // count, blue // count)


def symbol_buttons(workspace: Workspace) -> list[QToolButton]:
    transport = workspace.transport
    return [
        transport.start_button,
        transport.play_button,
        transport.end_button,
        transport.mute_button,
    ]


def dark_scheme() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, QColor(45, 45, 48)),
        (QPalette.ColorRole.WindowText, QColor(230, 230, 230)),
        (QPalette.ColorRole.Base, QColor(30, 30, 32)),
        (QPalette.ColorRole.Text, QColor(230, 230, 230)),
        (QPalette.ColorRole.Button, QColor(55, 55, 60)),
        (QPalette.ColorRole.ButtonText, QColor(230, 230, 230)),
    ):
        palette.setColor(role, colour)
    return palette


@pytest.mark.parametrize("scheme", ["high contrast", "dark scheme", "light"])
def test_transport_symbols_contrast_with_their_background(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot, scheme: str
) -> None:
    workspace = open_workspace(window, demo_vault, qtbot)
    if scheme == "high contrast":
        set_text_size(window, 100, high_contrast=True)
    elif scheme == "dark scheme":
        QApplication.setPalette(dark_scheme())
    settle(qtbot)
    for button in symbol_buttons(workspace):
        background = button.palette().color(QPalette.ColorRole.Window)
        # the icon itself, as the button draws it
        pixmap = button.icon().pixmap(button.iconSize(), QIcon.Mode.Normal)
        drawn = symbol_colour(pixmap.toImage())
        assert contrast(drawn, background) >= 4.5, (button.accessibleName(), drawn.name())
        # and on screen: the centre of the rendered button has the symbol's colour
        shot = button.grab().toImage()
        corner = shot.pixelColor(1, 1)
        brightest = max(
            (
                shot.pixelColor(x, y)
                for y in range(shot.height() // 4, shot.height() * 3 // 4)
                for x in range(shot.width() // 4, shot.width() * 3 // 4)
            ),
            key=lambda c: contrast(c, corner),
        )
        assert contrast(brightest, corner) >= 4.5, (button.accessibleName(), scheme)
    # the play symbol follows playback, still in the palette's colour
    window.context.controller.playingChanged.emit(True)
    pause = symbol_colour(workspace.transport.play_button.icon().pixmap(24).toImage())
    background = workspace.transport.palette().color(QPalette.ColorRole.Window)
    assert contrast(pause, background) >= 4.5
    window.context.controller.playingChanged.emit(False)


def test_symbols_grow_with_the_text(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    workspace = open_workspace(window, demo_vault, qtbot)
    before = workspace.transport.start_button.iconSize().width()
    set_text_size(window, 200)
    settle(qtbot)
    after = workspace.transport.start_button.iconSize().width()
    assert after >= before * 1.6
    assert workspace.transport.start_button.icon().availableSizes()


def test_a_hidden_page_does_not_make_the_window_wider(
    window: MainWindow, demo_vault: dict[str, str], qtbot: QtBot
) -> None:
    """Only the page shown counts: a hidden page with a stale, large minimum (seen after
    going back from 200 to 100 % text) must not push the window past the screen."""
    open_workspace(window, demo_vault, qtbot)
    wide = QWidget()
    wide.setMinimumWidth(3000)
    window.stack.addWidget(wide)
    window.resize(1366, 768)
    settle(qtbot)
    assert window.minimumSizeHint().width() <= 1366
    assert window.width() == 1366
    window.stack.setCurrentWidget(wide)
    settle(qtbot)
    assert window.minimumSizeHint().width() >= 3000  # the page shown still gets its room
    window.show_library()
    settle(qtbot)
    assert window.minimumSizeHint().width() <= 1366
