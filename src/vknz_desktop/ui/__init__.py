"""The PySide6 GUI: common > playback | widgets > library | workspace > shell > features
(see docs/architecture.md, "GUI")."""
