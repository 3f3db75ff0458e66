"""The main group's split over two pytest-xdist workers (tests/worker_groups.py):
the tests that must share a worker do, and a test that needs a group but
has none stops the collection with its name rather than running twice."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.worker_groups import GROUPS, SLOW_FIRST, TOGETHER, check_groups, group_of, slow_first

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class FakeItem:
    nodeid: str
    fixturenames: tuple[str, ...] = ()
    _fixtureinfo: Any = None


def test_the_checkers_tests_share_a_worker_and_the_others_go_one_by_one() -> None:
    assert group_of("tests/editor/test_web_checks.py::test_the_checker_does_catch_errors") == "vnu"
    assert group_of("tests/editor/test_user_guide.py::test_the_guide_pages_are_valid_html[guide-vi.html]") == "vnu"
    assert group_of("tests/editor/test_word_import.py::test_single_paragraph") == "tests/editor/test_word_import.py"
    assert group_of("tests/editor/test_user_guide.py::test_the_shipped_pages_are_in_step") == \
        "tests/editor/test_user_guide.py::test_the_shipped_pages_are_in_step"


def test_every_module_named_in_the_groups_and_the_order_exists() -> None:
    """A renamed module would silently leave its group or the slow-first order."""
    modules = {prefix.split("::", 1)[0] for prefixes in GROUPS.values() for prefix in prefixes} | set(TOGETHER) | set(SLOW_FIRST)
    assert [module for module in sorted(modules) if not (ROOT / module).is_file()] == []


def test_a_test_reading_the_checkers_report_outside_its_group_stops_the_collection() -> None:
    stray = FakeItem("tests/editor/test_export.py::test_new", fixturenames=("vnu_report",))
    with pytest.raises(pytest.UsageError, match="test_export.py::test_new uses vnu_report: add it to GROUPS"):
        check_groups([stray])  # type: ignore[list-item]
    check_groups([FakeItem("tests/editor/test_web_checks.py::test_new", fixturenames=("vnu_report",))])  # type: ignore[list-item]


def test_the_slow_modules_start_first_and_the_rest_keep_their_order() -> None:
    items = [FakeItem("tests/a.py::one"), FakeItem(f"{SLOW_FIRST[1]}::x"), FakeItem("tests/a.py::two"), FakeItem(f"{SLOW_FIRST[0]}::y")]
    slow_first(items)  # type: ignore[arg-type]
    assert [item.nodeid for item in items] == [f"{SLOW_FIRST[0]}::y", f"{SLOW_FIRST[1]}::x", "tests/a.py::one", "tests/a.py::two"]
