from __future__ import annotations

import os
import sys

import pytest

from tests import worker_groups

# Qt tests run without a display; the core tests never load Qt at all.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The real WordPress the publish tests use, a session fixture: started when a
# test first asks for it, one for the whole run. A plugin rather than an
# import into each module, which linters read as an unused, shadowed name.
pytest_plugins = ["tests.editor.wordpress"]

_exit_status = 0

# The steps of `python3 tasks.py test` (each timed on its own): the main group
# on two pytest-xdist workers, then the tests of the real WordPress, then the
# soak run. These markers say which step a test is in; nothing is left out.
# A test is in the WordPress step when it asks for the `wordpress` fixture,
# so that a new publish test cannot land in the main group by forgetting a mark.
WORDPRESS_FIXTURE = "wordpress"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if WORDPRESS_FIXTURE in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.wordpress)
    worker_groups.check_groups(items)
    worker_groups.slow_first(items)


@pytest.hookimpl(optionalhook=True, tryfirst=True)  # a pytest-xdist hook; without it, never called
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """`--dist loadgroup`: the groups of tests/worker_groups.py on one worker each."""
    return worker_groups.make_scheduler(config, log) if config.getvalue("dist") == "loadgroup" else None


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    global _exit_status
    _exit_status = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    # WORKAROUND: PySide6 6.12 with QtWebEngine can crash while Python
    # finalizes ("bool_dealloc: deallocating True or False"), after every test
    # has passed and the summary is printed, turning a green run red. Once
    # pytest is done, leave without finalizing, with pytest's own status.
    if "PySide6" in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_exit_status)
