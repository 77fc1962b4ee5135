"""Export adapter: de-identification and rendering of learning summaries (the only way data
leaves the laptop), and the team learning agenda made from many summaries.

``deidentify(text, names=())`` is the one function the UI, the CLI and the tests use to remove
personal data from free text (deduce plus our own recognisers; see ``export.deidentifier``).
"""

from __future__ import annotations

from vknz_desktop.export.deidentifier import deidentify

__all__ = ["deidentify"]
