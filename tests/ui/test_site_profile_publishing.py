"""Settings ▸ Site profile… says where to publish: the WordPress site, the
user, the default category and status go into the profile file the
publisher reads; the application password goes to the keyring (here an
in-memory one: the offscreen test process has no Secret Service; the
real one is tested in tests/editor/test_publish.py), never to the profile,
QSettings or a draft."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import keyring
import pytest
from PySide6.QtCore import QSettings, Qt

from editor.draft import load_draft
from editor.publish.settings import KEYRING_SERVICE, cms_password, cms_settings
from editor.site import load_saved_profile
from tests.helpers import MemoryKeyring
from tests.ui.conftest import type_text

PASSWORD = "abcd EFGH ijkl MNOP qrst UVWX"


@pytest.fixture
def memory_keyring() -> Any:
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


def open_dialog(qtbot: Any, window: Any) -> Any:
    with qtbot.waitSignal(window.site_profile_editor.opened, timeout=10_000) as opened:
        window.actions.site_profile.trigger()
    dialog = opened.args[0]
    qtbot.waitExposed(dialog)
    return dialog



def type_where_to_publish(dialog: Any, url: str) -> None:
    """The site's address, the user "bientap" and PASSWORD, typed as a user would."""
    type_text(dialog.cms_url.line, url)
    type_text(dialog.cms_user, "bientap")
    type_text(dialog.cms_password, PASSWORD)

def test_the_dialog_sets_where_to_publish_and_keeps_the_password_in_the_keyring_only(
        qtbot: Any, window: Any, tmp_path: Path, memory_keyring: MemoryKeyring, message_boxes: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    profile = tmp_path / "site-profile.json"  # where the window's tests keep this computer's profile
    profile.write_text(json.dumps({"name": "Cổng cũ", "cms": {"kind": "wordpress", "url": "https://portal.example.vn/",
                                                               "user": "bientap"}}), encoding="utf-8")
    dialog = open_dialog(qtbot, window)
    assert (dialog.cms_url.text(), dialog.cms_user.text()) == ("https://portal.example.vn/", "bientap")  # from the file
    assert dialog.cms_password.text() == "" and dialog.cms_status.currentData() == "draft"

    dialog.cms_user.setText("truongban")
    type_text(dialog.cms_password, PASSWORD)
    type_text(dialog.cms_category, "Thời sự")
    dialog.cms_status.setCurrentIndex(dialog.cms_status.findData("pending"))
    with qtbot.waitSignal(window.statusBar().messageChanged, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert message_boxes.shown == []

    saved = json.loads(profile.read_text(encoding="utf-8"))
    assert saved["cms"] == {"kind": "wordpress", "url": "https://portal.example.vn/", "user": "truongban",
                            "category": "Thời sự", "status": "pending"}
    settings = cms_settings(None, load_saved_profile(profile), environ={})  # what publishing reads
    assert (settings.user, settings.category, settings.status) == ("truongban", "Thời sự", "pending")
    assert memory_keyring.entries == {(KEYRING_SERVICE, "truongban@https://portal.example.vn/"): PASSWORD}
    assert cms_password(settings, environ={}) == PASSWORD
    assert PASSWORD not in profile.read_text(encoding="utf-8")
    store = QSettings()
    assert all(PASSWORD not in str(store.value(key)) for key in store.allKeys())

    # A draft saved now carries the profile its page was shown with, but neither the CMS nor the password.
    target = tmp_path / "bai.article"
    monkeypatch.setattr("ui.services.file_ops.QFileDialog.getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    window.document.set_field("title", "Bài thử")
    with qtbot.waitSignal(window.document.undo_stack.cleanChanged, timeout=20_000):
        window.files.save_as()
    draft = load_draft(target)
    assert draft.site is None or "cms" not in draft.site.extra
    assert PASSWORD.encode() not in target.read_bytes() and b"truongban" not in target.read_bytes()
    # Opened again, the password is not shown, and an empty field keeps the stored one.
    again = open_dialog(qtbot, window)
    assert again.cms_user.text() == "truongban" and again.cms_password.text() == ""
    assert again.cms_category.text() == "Thời sự" and again.cms_status.currentData() == "pending"
    with qtbot.waitSignal(window.statusBar().messageChanged, timeout=10_000):
        qtbot.mouseClick(again.ok_button, Qt.MouseButton.LeftButton)
    assert list(memory_keyring.entries.values()) == [PASSWORD]


def test_a_plain_http_site_is_refused_in_the_dialog_and_nothing_is_saved(
        qtbot: Any, window: Any, tmp_path: Path, memory_keyring: MemoryKeyring, message_boxes: Any) -> None:
    profile = tmp_path / "site-profile.json"
    dialog = open_dialog(qtbot, window)
    type_where_to_publish(dialog, "http://portal.example.vn")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # still open, nothing typed is lost
    [(kind, _, text)] = message_boxes.shown
    assert kind == "warning" and "plain http" in text and "https://" in text
    assert not profile.exists() and memory_keyring.entries == {}

    dialog.cms_url.set_text("")  # no site: no publishing, and the file has no cms
    dialog.cms_password.clear()
    with qtbot.waitSignal(window.statusBar().messageChanged, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "cms" not in json.loads(profile.read_text(encoding="utf-8")) and memory_keyring.entries == {}


def test_an_address_shown_in_red_is_refused_and_nothing_is_saved(
        qtbot: Any, window: Any, tmp_path: Path, memory_keyring: MemoryKeyring, message_boxes: Any) -> None:
    """It said "Site profile saved", and every page then had an empty QR code."""
    profile = tmp_path / "site-profile.json"
    dialog = open_dialog(qtbot, window)
    dialog.url.set_text("")
    type_text(dialog.url.line, "lechan.haiphong")
    assert dialog.url.has_problem()  # red under the field
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    [(kind, _, text)] = message_boxes.shown
    assert kind == "warning" and text.startswith("Site address:") and "https://" in text
    assert not profile.exists()
    dialog.url.set_text("https://lechan.haiphong.gov.vn")
    type_text(dialog.fanpage_url.line, "facebook.com/lechan")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and message_boxes.shown[-1][2].startswith("Fanpage address:")
    assert not profile.exists()


def test_a_password_the_keyring_refuses_is_said_in_a_box_not_only_in_the_status_bar(
        qtbot: Any, window: Any, tmp_path: Path, memory_keyring: MemoryKeyring, message_boxes: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from keyring.errors import PasswordSetError

    def refuse(service: str, username: str, password: str) -> None:
        raise PasswordSetError("No recommended backend was available")

    monkeypatch.setattr(memory_keyring, "set_password", refuse)
    profile = tmp_path / "site-profile.json"
    dialog = open_dialog(qtbot, window)
    type_where_to_publish(dialog, "https://portal.example.vn")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=10_000)
    [(kind, _, text)] = message_boxes.shown
    assert kind == "warning" and "password was not stored" in text and "No recommended backend" in text
    assert profile.exists() and PASSWORD not in profile.read_text(encoding="utf-8")  # the profile itself was saved


def test_a_shared_profile_imported_says_where_to_publish_and_exported_carries_no_password(
        qtbot: Any, window: Any, tmp_path: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = tmp_path / "cong-chung.json"
    shared.write_text(json.dumps({"name": "Cổng quận", "cms": {"kind": "wordpress", "url": "https://portal.example.vn/",
                                                                "category": "Tin tức", "status": "pending"}}))
    dialog = open_dialog(qtbot, window)
    type_text(dialog.cms_user, "bientap")  # this computer's own account
    monkeypatch.setattr("ui.dialogs.site_profile_dialog.QFileDialog.getOpenFileName", lambda *a, **k: (str(shared), ""))
    dialog._import()
    assert dialog.name.text() == "Cổng quận" and dialog.cms_url.text() == "https://portal.example.vn/"
    assert (dialog.cms_user.text(), dialog.cms_category.text(), dialog.cms_status.currentData()) == (
        "bientap", "Tin tức", "pending")
    type_text(dialog.cms_password, PASSWORD)
    exported = tmp_path / "xuat.json"
    monkeypatch.setattr("ui.dialogs.site_profile_dialog.QFileDialog.getSaveFileName", lambda *a, **k: (str(exported), ""))
    dialog._export()
    written = json.loads(exported.read_text(encoding="utf-8"))
    assert written["cms"]["url"] == "https://portal.example.vn/" and written["cms"]["category"] == "Tin tức"
    assert PASSWORD not in exported.read_text(encoding="utf-8") and memory_keyring.entries == {}


def test_every_status_publishing_takes_is_kept_as_the_default(qtbot: Any, window: Any) -> None:
    from editor.model import SiteProfile
    from editor.publish.settings import STATUSES
    from ui.dialogs.site_profile_dialog import SiteProfileDialog

    for status in STATUSES:  # a scheduled default, set in the file by hand, is not turned into a draft
        dialog = SiteProfileDialog(SiteProfile(), "", "", window,
                                   cms={"kind": "wordpress", "url": "https://portal.example.vn/", "user": "a", "status": status})
        qtbot.addWidget(dialog)
        cms = dialog.cms()
        assert cms is not None and cms["status"] == status


def test_the_profiles_sections_copyright_and_photo_credits_switch_are_kept_and_offered_in_the_form(
        qtbot: Any, window: Any, tmp_path: Path, memory_keyring: MemoryKeyring, message_boxes: Any) -> None:
    from ui.common import settings as ui_settings
    profile = tmp_path / "site-profile.json"
    dialog = open_dialog(qtbot, window)
    assert dialog.photo_metadata.isChecked()  # on unless the profile says otherwise
    type_text(dialog.sections, "Tin tức, Kinh tế - Xã hội,")
    type_text(dialog.copyright, "© Cổng TTĐT quận Lê Chân")
    dialog.photo_metadata.setChecked(False)
    with qtbot.waitSignal(window.statusBar().messageChanged, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert message_boxes.shown == []

    site = window.document.site()
    assert site.sections == ["Tin tức", "Kinh tế - Xã hội"] and site.copyright == "© Cổng TTĐT quận Lê Chân"
    assert not site.writes_photo_metadata()
    # This computer keeps them (QSettings) and the command line reads the same (the profile file).
    again = ui_settings.load_site_profile()
    assert again.sections == site.sections and again.photo_metadata is False and again.copyright == site.copyright
    from_file = load_saved_profile(profile)
    assert from_file is not None and from_file.sections == site.sections and from_file.photo_metadata is False
    combo = window.composer.fields.section
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "Tin tức", "Kinh tế - Xã hội"]
