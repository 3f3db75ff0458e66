"""File ▸ Publish… against the real test WordPress: in the background, a
progress bar per photo, Cancel, and the window keeps the publish record."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from editor.draft import load_draft, save_draft
from editor.inputs import load_article
from tests.editor.test_publish import media_named, posts_with_slug, rest
from tests.editor.wordpress import WordPress  # the `wordpress` fixture: one WordPress per module (tests/conftest.py)
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


def test_editing_the_site_profile_in_the_window_keeps_where_to_publish(tmp_path: Path) -> None:
    from editor.model import SiteProfile
    from ui.settings import write_profile_for_command_line

    path = tmp_path / "site-profile.json"
    cms = {"kind": "wordpress", "url": "https://portal.example.vn/", "user": "bientap"}
    path.write_text(json.dumps({"name": "Cổng cũ", "cms": cms}))
    write_profile_for_command_line(SiteProfile(name="Cổng mới"), path)
    saved = json.loads(path.read_text())
    assert saved["name"] == "Cổng mới" and saved["cms"] == cms


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
