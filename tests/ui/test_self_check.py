"""``toa-soan self-check``, the installation's own check (the bundle's smoke
test runs it on a bare machine): it must report the example's preview as
seen in its DOM, and say so when the preview does not show it."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.helpers import ROOT
from ui.self_check import example_article, shows_the_example


def test_self_check_reads_the_examples_title_and_photo_from_the_preview_and_exits_0() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}  # it must choose offscreen itself: no display is needed
    env.pop("DISPLAY", None)
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "self-check"], capture_output=True, text=True,
                            timeout=180, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "self-check: the preview shows the title “Quận Lê Chân tăng cường bảo vệ nền tảng tư tưởng" in result.stdout
    assert "self-check: photo 1 of 3 decoded and shown, 728×" in result.stdout  # the preview column's width
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
