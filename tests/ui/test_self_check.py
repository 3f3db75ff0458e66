"""``toa-soan self-check``, the installation's own check (the bundle's smoke
test runs it on a bare machine): it must report the example's preview as
seen in its DOM, and say so when the preview does not show it."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.helpers import ROOT
from ui.self_check import VIETNAMESE_IN_QT, VIETNAMESE_IN_THE_PAGE, example_article, shows_the_example, vietnamese_problems


def test_self_check_reads_the_examples_title_and_photo_from_the_preview_and_exits_0() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}  # it must choose offscreen itself: no display is needed
    env.pop("DISPLAY", None)
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "self-check"], capture_output=True, text=True,
                            timeout=180, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "self-check: the preview shows the title “Quận Lê Chân tăng cường bảo vệ nền tảng tư tưởng" in result.stdout
    assert "self-check: photo 1 of 3 decoded and shown, 728×" in result.stdout  # the preview column's width
    assert "self-check: Vietnamese collation, case and dates in the page and in Qt; the time zone is “Giờ" in result.stdout
    assert result.stdout.rstrip().splitlines()[-1].startswith("self-check: ok")


def test_self_check_refuses_arguments_with_exit_2() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "self-check", "extra"], capture_output=True, text=True,
                            timeout=60, cwd=ROOT)
    assert result.returncode == 2 and "takes no arguments" in result.stderr


def test_a_preview_without_the_title_or_the_photo_is_not_a_pass() -> None:
    title = "Quận Lê Chân"
    assert shows_the_example({"title": title, "first_photo": [728, 546]}, title)
    assert not shows_the_example({"title": "Tòa Soạn", "first_photo": [728, 546]}, title)  # another page
    assert not shows_the_example({"title": title, "first_photo": None}, title)  # a photo process that never answered
    assert not shows_the_example({}, title)  # a page that never loaded


def test_the_example_is_found_through_importlib_resources() -> None:
    assert example_article() == ROOT / "resources" / "examples" / "le-chan" / "article.json"


def test_vietnamese_answers_that_fall_back_to_root_are_reported() -> None:
    # What a page or a Qt without Vietnamese ICU data would answer: the root collation puts "ăn" before "ao".
    qt = {**VIETNAMESE_IN_QT, "zone": "Giờ Đông Dương"}
    assert vietnamese_problems(VIETNAMESE_IN_THE_PAGE, qt) == []
    rootish = {**VIETNAMESE_IN_THE_PAGE, "sorted": "ăn ao ba", "month": "M01"}
    problems = vietnamese_problems(rootish, {**qt, "zone": "Asia/Ho_Chi_Minh"})
    assert problems == ["Chromium: sorted gave 'ăn ao ba', expected 'ao ăn ba'", "Chromium: month gave 'M01', expected 'Tháng 1'",
                        "Qt: no Vietnamese name for the time zone Asia/Ho_Chi_Minh (gave 'Asia/Ho_Chi_Minh')"]
    assert vietnamese_problems(None, {})[0].startswith("Chromium: sorted gave None")
