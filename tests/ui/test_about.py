"""Help ▸ About: the version and the licences of what the app ships (Qt
and PySide6 under the LGPL above all), with the licence texts at hand."""

from __future__ import annotations

import platform
from typing import Any

import PySide6

from editor.components import licence_folder
from editor.version import VERSION
from ui.dialogs.about_dialog import AboutDialog


def test_help_about_in_the_window_shows_the_version_and_the_licences(window: Any, qtbot: Any) -> None:
    assert window.menuBar().actions()[-1] is window.help_menu.menuAction()  # the last menu, where Help is looked for
    window.help_menu.about.trigger()
    dialog = window.help_menu.dialog
    qtbot.waitExposed(dialog)
    assert f"Tòa Soạn {VERSION}" in dialog.heading.text()
    text = dialog.parts.toPlainText()
    expected = (f"\nPySide6\n{PySide6.__version__}\n", "\nLGPL-3.0-only\n", "\nPillow\n", "\npi-heif\n", "\nmammoth\n",
                f"\nPython\n{platform.python_version()}\n")
    for line in expected:
        assert line in text, line
    dialog.close()


def test_the_licence_texts_named_in_the_dialog_exist(qtbot: Any) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert str(licence_folder()) in dialog.where.text()
    # The LGPL is the GPL's text plus its own: both must ship for Qt and PySide6.
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (licence_folder() / "LGPL-3.0.txt").read_text(encoding="utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in (licence_folder() / "GPL-3.0.txt").read_text(encoding="utf-8")
