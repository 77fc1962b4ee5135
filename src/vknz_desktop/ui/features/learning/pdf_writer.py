"""PDF through Qt's own PDF writer (no browser); files are written with
``vknz_desktop.files.write_atomically``, so a crash or a full disk never leaves half a summary.

Qt stamps a PDF with the moment it was made (``/CreationDate`` and the XMP metadata). A
summary must not carry a time of day, so those stamps are rewritten to the first of the month
at midnight, in place and with the same length (the PDF's cross-reference offsets stay valid).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

__all__ = ["pdf_bytes", "scrub_pdf_times"]

_PDF_DATE = re.compile(rb"D:(\d{6})(\d{8})([^)]*)\)")
_ISO_DATE = re.compile(rb"(\d{4}-\d{2})-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?([+-]\d{2}:\d{2}|Z)?")


def scrub_pdf_times(data: bytes) -> bytes:
    """Same-length rewrite of every creation/modification stamp to month precision."""

    def pdf_date(match: re.Match[bytes]) -> bytes:
        zone = match.group(3)
        neutral_zone = re.sub(rb"\d", b"0", zone)
        return b"D:" + match.group(1) + b"01000000" + neutral_zone + b")"

    def iso_date(match: re.Match[bytes]) -> bytes:
        original = match.group(0)
        replacement = match.group(1) + b"-01T00:00:00"
        rest = original[len(replacement) :]
        return replacement + re.sub(rb"\d", b"0", rest)

    return _ISO_DATE.sub(iso_date, _PDF_DATE.sub(pdf_date, data))


def _render_pdf(html: str, buffer: QBuffer, title: str) -> None:
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("VKNZ")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),  # QTextDocument.print_ adds its own 2 cm
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    font = QFont()
    font.setFamilies(["DejaVu Sans", "Segoe UI", "Helvetica", "Arial"])
    font.setPointSizeF(10)
    document.setDefaultFont(font)
    document.setHtml(html)
    document.print_(writer)
    del writer  # finishes the file


def pdf_bytes(html: str, title: str) -> bytes:
    """The PDF of ``html`` (Qt's rich-text subset), with neutral time stamps."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    _render_pdf(html, buffer, title)
    buffer.close()
    return scrub_pdf_times(bytes(data.data()))
