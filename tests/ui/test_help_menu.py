"""Help ▸ User guide and Help ▸ Keyboard shortcuts (issue 18, item 8)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl


def test_the_user_guide_opens_in_the_browser_in_the_interface_language(qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.common.language import install_language

    opened: list[Path] = []
    monkeypatch.setattr("ui.dialogs.about_dialog.QDesktopServices.openUrl", lambda url: opened.append(Path(QUrl(url).toLocalFile())) or True)
    window.help_menu.guide.trigger()
    install_language("vi")
    try:
        window.help_menu.guide.trigger()
        assert window.help_menu.title() == "Trợ &giúp"
    finally:
        install_language("en")
    assert [path.name for path in opened] == ["guide-en.html", "guide-vi.html"]
    assert all(path.is_file() for path in opened)
    assert "hướng dẫn sử dụng" in opened[1].read_text(encoding="utf-8")


def test_the_shortcuts_list_is_read_from_the_window_s_actions(qtbot: Any, window: Any) -> None:
    window.help_menu.shortcuts.trigger()
    dialog = window.help_menu.shortcuts_dialog
    qtbot.waitExposed(dialog)
    rows = dict((meaning, keys) for keys, meaning in dialog.rows())
    assert rows["Save"].startswith("Ctrl+S") and rows["Export"] == "Ctrl+E"
    assert rows["Fit to pane"] == "Ctrl+0" and rows["Bold"] == "Ctrl+B"
    assert "User guide" in rows  # F1
