"""The user guide the app ships (Help ▸ User guide, issue 18 item 8): the
HTML pages in resources/guide/ are rendered from docs/guide-*.md and are in
step with them, valid HTML, and name only menus and buttons the window has."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.editor.conftest import GUIDE_PAGES

ROOT = Path(__file__).resolve().parents[2]


def test_the_shipped_guide_is_in_step_with_its_markdown() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "build_guide.py"), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
    assert {page.name for page in GUIDE_PAGES} == {"guide-vi.html", "guide-en.html"}


@pytest.mark.parametrize("page", GUIDE_PAGES, ids=lambda page: page.name)
def test_the_guide_pages_are_valid_html(page: Path, vnu_report: dict[Path, list[dict]]) -> None:
    assert vnu_report[page] == []


def _window_texts(language: str) -> set[str]:
    """Every text the window shows in ``language``, without its & accelerators."""
    if language == "en":
        catalogue = ROOT / "resources" / "i18n" / "toasoan_en.ts"
    else:
        catalogue = ROOT / "resources" / "i18n" / "toasoan_vi.ts"
    texts = set()
    for message in ET.parse(catalogue).getroot().iter("message"):
        translation = message.find("translation")
        text = (translation.text if translation is not None and translation.text else message.findtext("source")) or ""
        texts.add(text.replace("&", ""))
    return texts


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_menu_and_button_the_guide_names_is_in_the_window(language: str) -> None:
    source = (ROOT / "docs" / f"guide-{language}.md").read_text(encoding="utf-8")
    texts = _window_texts(language)
    named = [" ".join(name.split()) for name in re.findall(r"\*\*([^*]+)\*\*", source)]  # a name may wrap
    missing = []
    for name in named:
        for part in (part.strip() for part in name.split("▸")):
            if part not in texts and part + "…" not in texts and not any(text.startswith(part + " (") for text in texts):
                missing.append(part)
    assert missing == []
