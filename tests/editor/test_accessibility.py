"""axe-core in Debian's Chromium: exported articles have no serious or
critical accessibility violations, on a phone and on a desktop."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import axe_violations


@pytest.fixture(scope="module")
def pages(exported: Path, every_block_type_page: Path) -> list[Path]:
    # Session fixtures (tests/editor/conftest.py), shared with the vnu checks.
    return [exported / "bundle" / "index.html", every_block_type_page]


@pytest.mark.parametrize("width", [360, 1280])
def test_exported_articles_have_no_serious_accessibility_violations(pages: list[Path], width: int) -> None:
    report = axe_violations(width, *pages)
    assert set(report) == {str(p) for p in pages}
    serious = {page: [v for v in found if v["impact"] in ("serious", "critical")] for page, found in report.items()}
    assert serious == {str(p): [] for p in pages}


def test_axe_does_catch_violations(tmp_path: Path) -> None:
    # Guards the test above: a page with real problems must not pass.
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html><head><title>x</title></head><body><img src="a.png"><a href="#"></a></body></html>', encoding="utf-8")
    found = {v["id"] for v in axe_violations(1280, bad)[str(bad)]}
    assert {"image-alt", "html-has-lang"} <= found


def test_an_article_with_every_block_type_has_no_html_errors(every_block_type_page: Path, vnu_report: dict[Path, list[dict]]) -> None:
    assert vnu_report[every_block_type_page] == []
