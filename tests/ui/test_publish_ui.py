"""File ▸ Publish… against the real test WordPress: in the background, a
progress bar per photo, Cancel, and the window keeps the publish record."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from editor.draft import load_draft, save_draft
from editor.inputs import load_article
from tests.editor.test_publish import media_named, posts_with_slug, rest
from tests.editor.wordpress import WordPress  # the `wordpress` fixture: one WordPress per run (tests/conftest.py)
from tests.helpers import EXAMPLE_DIR
from tests.ui.conftest import open_article


@pytest.fixture
def publishing(wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> WordPress:
    profile = tmp_path / "this-computer.json"
    profile.write_text(json.dumps({"cms": {"kind": "wordpress", "url": wordpress.url, "user": "editor"}}))
    monkeypatch.setattr("editor.site.saved_profile_path", lambda: profile)
    monkeypatch.setenv("TOASOAN_CMS_PASSWORD", wordpress.passwords["editor"])
    return wordpress


def draft_of_example(tmp_path: Path, prefix: str) -> tuple[Path, Any]:
    article = load_article(EXAMPLE_DIR)
    article.title = f"{prefix} {article.title}"
    path = tmp_path / "bai.article"
    save_draft(article, path)
    return path, load_draft(path)


def test_publish_from_the_window_shows_each_photo_and_keeps_the_record(
        qtbot: Any, window: Any, publishing: WordPress, tmp_path: Path, message_boxes: Any) -> None:
    path, article = draft_of_example(tmp_path, "Từ cửa sổ:")
    open_article(qtbot, window, path)
    window.actions.publish.trigger()
    dialog = window.publish_dialog
    dialog.status.setCurrentIndex(dialog.status.findData("pending"))
    values: list[int] = []
    dialog.progress.valueChanged.connect(values.append)
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    assert not dialog.publish_button.isEnabled()  # the window is free while it runs: the work is in the background
    qtbot.waitUntil(lambda: dialog.publish_button.isEnabled(), timeout=120_000)
    record = window.document.article.extra["publish"]
    assert str(record["post_id"]) in dialog.message.text() and record["link"] in dialog.message.text()
    assert dialog.progress.maximum() == 3 and {1, 2, 3} <= set(values)
    post = rest(publishing, f"/wp/v2/posts/{record['post_id']}", {"context": "edit"})
    assert post["status"] == "pending" and len(media_named(publishing, article)) == 3
    # The window's next save keeps the record and does not take the draft for someone else's change.
    window.document.set_field("author", "Hoàng Tùng (sửa)")
    window.files.save()
    qtbot.waitUntil(lambda: not window.document.is_modified(), timeout=30_000)
    assert message_boxes.shown == []  # no "changed by someone else" question
    assert load_draft(path).extra["publish"]["post_id"] == record["post_id"]


def test_cancel_stops_before_the_next_step_and_says_what_is_on_the_server(
        qtbot: Any, window: Any, publishing: WordPress, tmp_path: Path) -> None:
    path, article = draft_of_example(tmp_path, "Hủy giữa chừng:")
    open_article(qtbot, window, path)
    window.actions.publish.trigger()
    dialog = window.publish_dialog
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)  # Cancel, while the photos are prepared
    qtbot.waitUntil(lambda: dialog.publish_button.isEnabled(), timeout=120_000)
    assert "cancelled by the user" in dialog.message.text()
    assert "on the server now: nothing" in dialog.message.text()
    assert posts_with_slug(publishing, article) == [] and media_named(publishing, article) == []


def test_test_connection_reports_the_role_and_what_it_may_do(
        qtbot: Any, window: Any, publishing: WordPress, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOASOAN_CMS_USER", "contributor")
    monkeypatch.setenv("TOASOAN_CMS_PASSWORD", publishing.passwords["contributor"])
    window.actions.publish.trigger()
    dialog = window.publish_dialog
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled() and "contributor" in dialog.message.text(), timeout=60_000)
    lines = dialog.message.text().splitlines()
    assert publishing.url in lines[0]
    assert [line[0] for line in lines[1:]] == ["✗", "✗", "✓", "✗"]  # no photos, no publishing: review only


def test_the_dialog_sends_what_the_review_state_says_and_the_state_button_shows_the_portals(
        qtbot: Any, window: Any, publishing: WordPress, tmp_path: Path) -> None:
    path, article = draft_of_example(tmp_path, "Đã duyệt thì đăng:")
    article.review = article.review.changed_to("approved", "Trưởng ban")
    save_draft(article, path)
    open_article(qtbot, window, path)
    assert "Approved" in window.review_button.text()
    window.actions.publish.trigger()
    dialog = window.publish_dialog
    assert dialog.status.currentData() == "publish"  # đã duyệt: the portal shows it
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.publish_button.isEnabled(), timeout=120_000)
    post_id = window.document.article.extra["publish"]["post_id"]
    assert rest(publishing, f"/wp/v2/posts/{post_id}")["status"] == "publish"
    assert window.review_button.text() == "State: Published"  # đã đăng
    assert [e.state for e in window.document.article.review.history] == ["approved", "published"]


def test_an_article_waiting_for_review_is_offered_to_the_portals_review_queue(
        qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("editor.site.saved_profile_path", lambda: tmp_path / "no-profile.json")
    path, article = draft_of_example(tmp_path, "Chờ duyệt thì gửi duyệt:")
    window.actions.publish.trigger()
    assert window.publish_dialog.status.currentData() == "draft"  # a new article: a draft on the portal
    window.publish_dialog.close()
    article.review = article.review.changed_to("review", "Phóng viên")
    save_draft(article, path)
    open_article(qtbot, window, path)
    window.actions.publish.trigger()
    assert window.publish_dialog.status.currentData() == "pending"  # chờ duyệt goes to the portal's review queue


def test_export_publish_package_writes_the_zip_off_the_ui_thread_with_the_unsaved_text(
        qtbot: Any, window: Any, example_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        message_boxes: Any) -> None:
    import zipfile

    open_article(qtbot, window, example_copy)
    window.document.set_field("title", "Tiêu đề sửa trong cửa sổ, chưa lưu")
    target = tmp_path / "goi-dang-bai"  # the .zip is added
    monkeypatch.setattr("ui.services.file_ops.QFileDialog.getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    messages: list[str] = []
    window.files.status_message.connect(messages.append)
    assert window.actions.export_package in window.file_menu.actions()
    window.actions.export_package.trigger()
    zipped = target.with_name("goi-dang-bai.zip")
    assert not zipped.exists()  # the photos are converted on a worker: the window went on at once
    qtbot.waitUntil(lambda: any(str(zipped) in m for m in messages), timeout=60_000)
    with zipfile.ZipFile(zipped) as archive:
        sheet = json.loads(archive.read("sheet.json"))
        names = set(archive.namelist())
    assert sheet["title"] == "Tiêu đề sửa trong cửa sổ, chưa lưu"  # what the window shows, saved or not
    assert {"body.html", "sheet.html", "sheet.json"} <= names and len(sheet["photos"]) == 3
    assert {p["file"] for p in sheet["photos"]} <= names
    assert message_boxes.shown == []

    # Asked again for the same name: replacing it is asked, and No leaves it as it is.
    before = zipped.read_bytes()
    window.document.set_field("title", "Một tiêu đề khác")
    message_boxes.answer = QMessageBox.StandardButton.No
    window.actions.export_package.trigger()
    assert [kind for kind, _, text in message_boxes.shown] == ["question"] and "goi-dang-bai.zip" in message_boxes.shown[0][2]
    qtbot.wait(200)
    assert zipped.read_bytes() == before


def test_a_draft_article_is_offered_the_site_profiles_default_status(
        qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    profile = tmp_path / "this-computer.json"
    profile.write_text(json.dumps({"cms": {"kind": "wordpress", "url": "https://portal.example.vn/", "user": "bientap",
                                           "status": "pending"}}))
    monkeypatch.setattr("editor.site.saved_profile_path", lambda: profile)
    window.actions.publish.trigger()
    dialog = window.publish_dialog
    qtbot.waitUntil(lambda: dialog.status.currentData() == "pending", timeout=10_000)  # read on a worker


def test_why_a_publish_failed_is_shown_whole_in_the_dialog(
        qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No server answers: the reason is the dialog's last lines, and the
    dialog grows to show them (it showed only its first line)."""
    profile = tmp_path / "this-computer.json"
    profile.write_text(json.dumps({"cms": {"kind": "wordpress", "url": "http://127.0.0.1:9", "user": "editor"}}))
    monkeypatch.setattr("editor.site.saved_profile_path", lambda: profile)
    monkeypatch.setenv("TOASOAN_CMS_PASSWORD", "not used: nothing answers")
    path, _ = draft_of_example(tmp_path, "Không có máy chủ:")
    open_article(qtbot, window, path)
    window.actions.publish.trigger()
    dialog = window.publish_dialog
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.publish_button.isEnabled() and "not published" in dialog.message.text(), timeout=60_000)
    assert "does not answer" in dialog.message.text()
    qtbot.wait(50)  # laid out
    label = dialog.message
    assert label.height() >= label.heightForWidth(label.width())  # every line of it
    assert dialog.rect().contains(label.geometry())
