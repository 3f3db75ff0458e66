from __future__ import annotations

import os
import sys

import pytest

# Qt tests run without a display; the core tests never load Qt at all.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The real WordPress the publish tests use, a session fixture: started when a
# test first asks for it, one for the whole run. A plugin rather than an
# import into each module, which linters read as an unused, shadowed name.
pytest_plugins = ["tests.editor.wordpress"]

_exit_status = 0


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
