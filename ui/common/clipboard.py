"""Putting rich content on the clipboard, and letting go of it safely.

WORKAROUND: a QMimeData made in Python and still owned by the clipboard
when the interpreter shuts down is destroyed after Python is gone, which
crashes the process (seen with PySide6 6.12 on Linux; same family as
PYSIDE-2254). Before quitting, the app replaces it with plain text that Qt
itself holds, so the text can still be pasted after the app has closed.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

_ours: list[QMimeData] = []


def put_html(html: str, text: str) -> None:
    mime = QMimeData()
    mime.setHtml(html)
    mime.setText(text)
    QGuiApplication.clipboard().setMimeData(mime)
    _ours[:] = [mime]


def release_clipboard() -> None:
    """Call before quitting (``aboutToQuit``)."""
    clipboard = QGuiApplication.clipboard()
    if _ours:
        text = clipboard.text()
        clipboard.setText(text)  # Qt's own QMimeData replaces (and deletes) ours
    _ours.clear()
