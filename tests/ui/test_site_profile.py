"""The site profile travels with the draft: a colleague's computer shows the
portal the article was written for, and offers its own when they differ."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from editor.draft import load_draft
from editor.model import SiteProfile
from tests.ui.conftest import js, open_article, type_text, wait_until_dom

OURS = SiteProfile(name="Cổng thông tin quận Lê Chân", url="https://lechan.haiphong.gov.vn",
                   fanpage_url="https://facebook.com/lechan")
THEIRS = SiteProfile(name="Cổng thông tin huyện Thủy Nguyên", url="https://thuynguyen.haiphong.gov.vn")
SITE_NAME = "(document.querySelector('.site-name') || {}).textContent || ''"
FANPAGE_QR = "document.querySelector('.fanpage-qr') !== null"


def save_as(qtbot: Any, window: Any, target: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr("ui.services.file_ops.QFileDialog.getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    with qtbot.waitSignal(window.document.undo_stack.cleanChanged, timeout=20_000):
        window.files.save_as()


def test_a_draft_opened_on_another_computer_shows_its_own_profile_and_offers_the_local_one(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    window.document.set_saved_site(OURS)
    type_text(window.composer.fields.title, "Họp Ban Chỉ đạo 35")
    window.document.set_field("url", "https://lechan.haiphong.gov.vn/hop.html")
    target = tmp_path / "bai.article"
    save_as(qtbot, window, target, monkeypatch)
    carried = load_draft(target).site
    assert carried is not None and (carried.name, carried.fanpage_url) == (OURS.name, OURS.fanpage_url)
    assert not window.site_bar.isVisible()  # written here: nothing to offer

    # A colleague's computer, with another portal's profile.
    window.document.set_saved_site(THEIRS)
    open_article(qtbot, window, target)
    wait_until_dom(qtbot, window.preview, SITE_NAME, OURS.name)
    assert js(qtbot, window.preview, FANPAGE_QR) is True
    bar = window.site_bar
    assert bar.isVisible() and OURS.name in bar.text.text() and THEIRS.name in bar.text.text()
    assert not window.document.is_modified()  # only offered, nothing changed

    qtbot.mouseClick(bar.use_local, Qt.MouseButton.LeftButton)
    wait_until_dom(qtbot, window.preview, SITE_NAME, THEIRS.name)
    assert not bar.isVisible() and window.document.is_modified()
    window.actions.undo.trigger()  # one step back to the article's profile
    wait_until_dom(qtbot, window.preview, SITE_NAME, OURS.name)
    assert bar.isVisible()
    qtbot.mouseClick(bar.keep, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()


def test_two_profiles_of_the_same_portal_name_are_told_apart_by_what_differs(qtbot: Any, window: Any) -> None:
    """The bar named "Cổng thông tin quận Lê Chân" twice when only the addresses differed."""
    import dataclasses

    from editor.model import Article

    window.document.set_saved_site(dataclasses.replace(OURS, url="https://lechan.gov.vn"))
    window.document.load(Article(title="Họp", site=OURS), None)
    bar = window.site_bar
    qtbot.waitUntil(bar.isVisible, timeout=5_000)
    text = bar.text.text()
    assert f"“{OURS.name}, https://lechan.haiphong.gov.vn”" in text and f"“{OURS.name}, https://lechan.gov.vn”" in text


def test_on_a_computer_without_a_profile_the_draft_still_has_its_portal(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    window.document.set_saved_site(OURS)
    type_text(window.composer.fields.title, "Họp Ban Chỉ đạo 35")
    target = tmp_path / "bai.article"
    save_as(qtbot, window, target, monkeypatch)

    window.document.set_saved_site(SiteProfile())  # a new computer: no profile saved yet
    open_article(qtbot, window, target)
    wait_until_dom(qtbot, window.preview, SITE_NAME, OURS.name)
    assert js(qtbot, window.preview, FANPAGE_QR) is True
    checklist = window.checklist
    qtbot.waitUntil(lambda: not checklist._timer.isActive() and not checklist._running, timeout=10_000)
    ids = {finding.id for finding in checklist.findings}
    assert "title-missing" not in ids and not ids & {"site-name-missing", "fanpage-missing"}
    assert not window.site_bar.isVisible()  # this computer has no profile to offer instead
