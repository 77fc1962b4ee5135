"""vknz_desktop: review recorded conversations offline, in one encrypted vault."""

__version__ = "0.1.0"
