"""Which tests of the main group share a pytest-xdist worker, and in what order
they start (`python3 tasks.py test` runs that group on two workers).

The scheduler (``GroupScheduling``) sees only test ids, so the groups are
written here by id; ``check_groups`` runs on every worker's collection and
fails it, naming the test, when a test that needs its group is not in one.
"""

from __future__ import annotations

from typing import Any

import pytest

# Tests that must run on one worker, by id prefix. "vnu": every test that
# reads the session fixture `vnu_report` (tests/editor/conftest.py), so that
# the W3C checker's Java starts once per run, as test_web_checks checks.
GROUPS = {
    "vnu": (
        "tests/editor/test_web_checks.py::",
        "tests/editor/test_accessibility.py::",  # whose module fixture the vnu test shares
        "tests/editor/test_user_guide.py::test_the_guide_pages_are_valid_html",
        "tests/editor/test_sharing.py::test_the_news_article_has_every_field_google_recommends",
    ),
}
# Modules with a module-scoped fixture that is slow to build (a window, the
# Word corpus imported once): their tests stay together, so it is built once.
TOGETHER = (
    "tests/editor/test_word_import.py",
    "tests/editor/test_add_a_field.py",
    "tests/ui/test_refcount.py",
)
SHARED_FIXTURES = {"vnu_report": "vnu"}  # session fixture → the group its tests must be in

# Modules with the longest tests, started first (in this order) so that
# neither worker is left running one of them alone at the end; measured with
# --durations (README, "What the tests check"). Only the order depends on it.
SLOW_FIRST = (
    "tests/editor/test_kill_harness.py",
    "tests/editor/test_load_fuzz.py",
    "tests/ui/test_responsiveness.py",
    "tests/editor/test_word_import.py",
    "tests/editor/test_export_kills.py",
    "tests/editor/test_word_xml.py",
    "tests/ui/test_photo_intake.py",
    "tests/editor/test_sharing.py",
    "tests/editor/test_accessibility.py",
    "tests/ui/test_refcount.py",
)


def group_of(nodeid: str) -> str:
    """The scheduling unit of a test: its group's name, its module for the
    modules kept together, else the test itself (either worker may run it)."""
    for name, prefixes in GROUPS.items():
        if nodeid.startswith(prefixes):
            return name
    module = nodeid.split("::", 1)[0]
    return module if module in TOGETHER else nodeid


def _uses_module_fixture(item: pytest.Item) -> bool:
    info: Any = getattr(item, "_fixtureinfo", None)
    return info is not None and any(
        definition.scope == "module" for definitions in info.name2fixturedefs.values() for definition in definitions)


def check_groups(items: list[pytest.Item]) -> None:
    """A test that reads a shared session fixture, or a module fixture, must be in a group."""
    for item in items:
        names = getattr(item, "fixturenames", ())
        for fixture, group in SHARED_FIXTURES.items():
            if fixture in names and group_of(item.nodeid) != group:
                raise pytest.UsageError(f"{item.nodeid} uses {fixture}: add it to GROUPS[{group!r}] in tests/worker_groups.py")
        if _uses_module_fixture(item) and group_of(item.nodeid) == item.nodeid:
            raise pytest.UsageError(f"{item.nodeid} uses a module-scoped fixture: add its module to TOGETHER in tests/worker_groups.py")


def slow_first(items: list[pytest.Item]) -> None:
    """Move the modules of SLOW_FIRST to the front, in place; the rest keep their order."""
    rank = {module: index for index, module in enumerate(SLOW_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(rank)))


def make_scheduler(config: pytest.Config, log: Any) -> Any:
    # WORKAROUND: pytest-xdist 3.8's own `--dist loadgroup` renames each test
    # after its `xdist_group` mark by setting item._nodeid, which pytest 9.2
    # no longer reads: the marks are silently ignored. This scheduler groups
    # by test id instead, and keeps the collection's order (slow modules first).
    from xdist.scheduler import LoadScopeScheduling

    class GroupScheduling(LoadScopeScheduling):
        def __init__(self, config: pytest.Config, log: Any = None) -> None:
            super().__init__(config, log)
            config.option.loadscopereorder = False  # by test count; the order above is by time

        def _split_scope(self, nodeid: str) -> str:
            return group_of(nodeid)

    return GroupScheduling(config, log)
