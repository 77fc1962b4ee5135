"""PySide6 user interface: widgets, item models, dialogs and undo commands."""
