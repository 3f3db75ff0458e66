"""The update offer in the window: Help ▸ Check for updates reads this
computer's update folder (a local folder here), shows the new version and
what's new, and on "yes" leaves it unpacked for the next start; the check
after start says nothing when there is nothing to offer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QMessageBox

from editor.updates import READY, platform_tag, ready_executable
from tests.editor.test_updates import publish
from ui.dialogs.about_dialog import HelpMenu
from ui.dialogs.update_offer import FOLDER_KEY


def help_menu(qtbot: Any, versions: Path) -> HelpMenu:
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = HelpMenu(window)
    menu.updates._versions = versions  # this test's, not the user's data folder
    window.menuBar().addMenu(menu)
    return menu


def test_a_newer_version_is_offered_with_whats_new_and_unpacked_for_the_next_start(
        qtbot: Any, tmp_path: Path, message_boxes: Any) -> None:
    share, versions = tmp_path / "share", tmp_path / "versions"
    publish(share, "0.2.0", tag=platform_tag(), notes="- Kiểm tra chính tả khi gõ.")
    QSettings().setValue(FOLDER_KEY, str(share))
    menu = help_menu(qtbot, versions)
    message_boxes.answer = QMessageBox.StandardButton.Yes
    menu.check_updates.trigger()
    qtbot.waitUntil(lambda: menu.updates.staged is not None, timeout=20_000)
    kind, title, text = message_boxes.shown[0]
    assert kind == "question" and "Tòa Soạn 0.2.0 is available; this is 0.1.0" in text
    assert "- Kiểm tra chính tả khi gõ." in text
    assert message_boxes.shown[-1][2] == "Tòa Soạn 0.2.0 will start the next time you open it."
    assert (versions / "0.2.0" / READY).is_file()
    assert ready_executable(versions, "0.1.0") == versions / "0.2.0" / "toa-soan" / "toa-soan"


def test_later_installs_nothing(qtbot: Any, tmp_path: Path, message_boxes: Any) -> None:
    share, versions = tmp_path / "share", tmp_path / "versions"
    publish(share, "0.2.0", tag=platform_tag())
    QSettings().setValue(FOLDER_KEY, str(share))
    menu = help_menu(qtbot, versions)
    message_boxes.answer = QMessageBox.StandardButton.No
    menu.check_updates.trigger()
    qtbot.waitUntil(lambda: len(message_boxes.shown) == 1, timeout=20_000)
    qtbot.wait(300)
    assert not versions.exists() and len(message_boxes.shown) == 1


def test_asked_with_nothing_newer_it_says_this_is_the_newest(qtbot: Any, tmp_path: Path, message_boxes: Any) -> None:
    share = tmp_path / "share"
    publish(share, "0.1.0", tag=platform_tag())
    QSettings().setValue(FOLDER_KEY, str(share))
    menu = help_menu(qtbot, tmp_path / "versions")
    menu.check_updates.trigger()
    qtbot.waitUntil(lambda: len(message_boxes.shown) == 1, timeout=20_000)
    assert [shown[1:] for shown in message_boxes.shown] == [("Updates", "This is the newest version (0.1.0).")]


def test_the_quiet_check_after_start_says_nothing_when_the_share_is_down(qtbot: Any, tmp_path: Path, message_boxes: Any) -> None:
    QSettings().setValue(FOLDER_KEY, str(tmp_path / "unplugged"))
    menu = help_menu(qtbot, tmp_path / "versions")
    menu.updates.check(quiet=True)
    qtbot.waitUntil(lambda: not menu.updates._busy, timeout=20_000)
    assert message_boxes.shown == []
    menu.updates.check()  # asked for, the same failure is said
    qtbot.waitUntil(lambda: len(message_boxes.shown) == 1, timeout=20_000)
    assert "not there (is the network drive connected?)" in message_boxes.shown[0][2]
