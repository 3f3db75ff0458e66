"""The first start's welcome (issue 18, item 8): shown only when this
computer has no site profile, skippable, and again from Help ▸ Welcome."""

from __future__ import annotations

from typing import Any

from editor.model import SiteProfile
from ui.app import start_work


def test_the_first_start_welcomes_and_leads_to_the_site_profile(qtbot: Any, window: Any) -> None:
    asked: list[bool] = []
    window.actions.site_profile.triggered.disconnect()  # the profile dialog itself is tested elsewhere
    window.actions.site_profile.triggered.connect(lambda: asked.append(True))
    start_work(window, [])
    qtbot.waitUntil(lambda: window._welcome is not None and window._welcome.isVisible())
    welcome = window._welcome
    assert "site profile" in welcome.fill.text() and welcome.later.isVisible()
    welcome.fill.click()
    assert asked == [True] and not welcome.isVisible()


def test_with_a_site_profile_there_is_no_welcome_but_help_shows_it(qtbot: Any, window: Any) -> None:
    window.document.set_saved_site(SiteProfile(name="Cổng thông tin điện tử thành phố Hải Phòng", url="https://haiphong.gov.vn"))
    start_work(window, [])
    qtbot.wait(300)
    assert window._welcome is None or not window._welcome.isVisible()
    window.help_menu.welcome.trigger()
    assert window._welcome.isVisible()
    window._welcome.later.click()
    assert not window._welcome.isVisible()
