"""The interface's language: Vietnamese on a Vietnamese system, else English.
(Messages from the core exist in both; issue 6 translates the rest.)"""

from __future__ import annotations

from PySide6.QtCore import QLocale


def interface_language() -> str:
    return "vi" if QLocale.system().language() == QLocale.Language.Vietnamese else "en"
