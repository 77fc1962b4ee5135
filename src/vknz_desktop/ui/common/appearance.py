"""App-wide appearance: text size (100–200 % of the system font) and a high-contrast palette.

Without high contrast the platform theme's palette is used, so the app follows the operating
system's light or dark scheme. Widgets with colours of their own take them from the palette.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

MIN_TEXT_SCALE = 100
MAX_TEXT_SCALE = 200

_BASE_FONT_PROPERTY = "vknz_base_font"
_HIGH_CONTRAST_PROPERTY = "vknz_high_contrast"


def _base_font(app: QGuiApplication) -> QFont:
    """The system's default font, remembered the first time the appearance is applied."""
    stored = app.property(_BASE_FONT_PROPERTY)
    if isinstance(stored, QFont):
        return QFont(stored)
    base = QFont(QGuiApplication.font())
    app.setProperty(_BASE_FONT_PROPERTY, base)
    return QFont(base)


def high_contrast_palette() -> QPalette:
    """Black background, white text, yellow highlight (and clearly greyed-out disabled text)."""
    black, white, yellow = QColor(0, 0, 0), QColor(255, 255, 255), QColor(255, 230, 0)
    grey = QColor(170, 170, 170)
    palette = QPalette()
    role = QPalette.ColorRole
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for colour_role, colour in (
            (role.Window, black),
            (role.WindowText, white),
            (role.Base, black),
            (role.AlternateBase, QColor(30, 30, 30)),
            (role.Text, white),
            (role.Button, black),
            (role.ButtonText, white),
            (role.BrightText, yellow),
            (role.Highlight, yellow),
            (role.HighlightedText, black),
            (role.ToolTipBase, black),
            (role.ToolTipText, white),
            (role.PlaceholderText, grey),
            (role.Link, yellow),
            (role.LinkVisited, QColor(255, 180, 0)),
            (role.Light, white),
            (role.Midlight, grey),
            (role.Mid, grey),
            (role.Dark, white),
            (role.Shadow, white),
        ):
            palette.setColor(group, colour_role, colour)
    disabled = QPalette.ColorGroup.Disabled
    for colour_role, colour in (
        (role.Window, black),
        (role.Base, black),
        (role.Button, black),
        (role.WindowText, grey),
        (role.Text, grey),
        (role.ButtonText, grey),
        (role.Highlight, grey),
        (role.HighlightedText, black),
        (role.PlaceholderText, grey),
    ):
        palette.setColor(disabled, colour_role, colour)
    return palette


#: With the high-contrast palette, Qt's styles draw an unticked check box, a radio circle and
#: the frame of a text field and a slider's groove and handle in colours that vanish on black:
#: this sheet draws them in white (ticked, handle: yellow, the highlight), and the keyboard
#: focus as a thick yellow frame.
HIGH_CONTRAST_STYLE_SHEET = """
QCheckBox::indicator, QRadioButton::indicator, QGroupBox::indicator,
QAbstractItemView::indicator {
    width: 0.9em; height: 0.9em;
    border: 2px solid palette(window-text); background: palette(base);
}
QRadioButton::indicator { border-radius: 0.5em; }
QCheckBox::indicator:checked, QRadioButton::indicator:checked, QGroupBox::indicator:checked,
QAbstractItemView::indicator:checked {
    background: palette(highlight); border: 2px solid palette(window-text);
}
QCheckBox::indicator:indeterminate { background: palette(mid); }
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {
    border: 2px dashed palette(mid);
}
QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox, QDateEdit {
    border: 1px solid palette(window-text); background: palette(base); padding: 2px;
}
QLineEdit:focus, QTextEdit:focus, QPlainTextEdit:focus, QAbstractSpinBox:focus,
QComboBox:focus {
    border: 2px solid palette(highlight);
}
QLineEdit:disabled, QTextEdit:disabled, QPlainTextEdit:disabled, QAbstractSpinBox:disabled,
QComboBox:disabled {
    border: 1px dashed palette(mid);
}
QSlider::groove:horizontal {
    height: 0.35em; border: 1px solid palette(window-text); background: palette(base);
}
QSlider::sub-page:horizontal { background: palette(highlight); }
QSlider::handle:horizontal {
    width: 0.9em; margin: -0.4em 0; border: 2px solid palette(window-text);
    background: palette(highlight);
}
QSlider::groove:vertical {
    width: 0.35em; border: 1px solid palette(window-text); background: palette(base);
}
QSlider::add-page:vertical { background: palette(highlight); }
QSlider::handle:vertical {
    height: 0.9em; margin: 0 -0.4em; border: 2px solid palette(window-text);
    background: palette(highlight);
}
QSlider:focus { border: 2px solid palette(highlight); }
"""


def apply_appearance(text_scale: int = 100, high_contrast: bool = False) -> None:
    """Scale the application font to ``text_scale`` % of the system default and switch the
    high-contrast palette on or off (off: back to the platform theme, light or dark)."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return
    scale = max(MIN_TEXT_SCALE, min(MAX_TEXT_SCALE, text_scale)) / 100
    font = _base_font(app)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    elif font.pixelSize() > 0:
        font.setPixelSize(round(font.pixelSize() * scale))
    was_high = bool(app.property(_HIGH_CONTRAST_PROPERTY))
    if font == QGuiApplication.font() and high_contrast == was_high:
        return  # as it is (every unlock applies the settings): nothing to post or polish
    QGuiApplication.setFont(font)
    if high_contrast:
        QGuiApplication.setPalette(high_contrast_palette())
    elif was_high:
        # An empty palette resolves nothing of its own: the platform theme's palette is used
        # again (and follows the operating system's light/dark scheme from then on).
        QGuiApplication.setPalette(QPalette())
    app.setProperty(_HIGH_CONTRAST_PROPERTY, high_contrast)
    if isinstance(app, QApplication) and high_contrast != was_high:
        app.setStyleSheet(HIGH_CONTRAST_STYLE_SHEET if high_contrast else "")
    # Qt posts the font and palette change to the widgets: deliver it now, so that widgets
    # built right after this call (and the style-sheet widgets polished below) take the new
    # values, not the old ones (e.g. the Kijkwijzer questions kept 100 % text after a switch
    # to 200 % when a recording was opened at once)
    for change in (QEvent.Type.ApplicationFontChange, QEvent.Type.ApplicationPaletteChange):
        QCoreApplication.sendPostedEvents(None, change)
    _repolish_style_sheet_widgets()


def _repolish_style_sheet_widgets() -> None:
    """Qt does not pass a new application font or palette on to widgets that have a style
    sheet (their text would keep the old size, or stay black on the new black background):
    polish them again so they take the new values."""
    if not isinstance(QApplication.instance(), QApplication):
        return
    for widget in QApplication.allWidgets():
        if widget.testAttribute(Qt.WidgetAttribute.WA_StyleSheet):
            style = widget.style()
            style.unpolish(widget)
            style.polish(widget)
            widget.update()


def is_high_contrast() -> bool:
    """Whether the high-contrast palette is in use."""
    app = QGuiApplication.instance()
    return isinstance(app, QGuiApplication) and bool(app.property(_HIGH_CONTRAST_PROPERTY))


_SIGNAL_COLOURS = {
    # name: (on a light background, on a dark background)
    "error": (QColor(176, 0, 32), QColor(255, 138, 138)),
    "warning": (QColor(160, 82, 0), QColor(255, 190, 90)),
}


def signal_colour(
    name: str,
    palette: QPalette | None = None,
    background: QPalette.ColorRole = QPalette.ColorRole.Base,
) -> QColor:
    """A signal colour ("error" red, "warning" orange) that stays readable on ``background``:
    dark on a light background, light on a dark one (high contrast, a dark scheme)."""
    palette = palette if palette is not None else QGuiApplication.palette()
    light, dark = _SIGNAL_COLOURS[name]
    return QColor(dark if palette.color(background).lightness() < 128 else light)
