"""Keep a faulty binding from freeing None, True or False.

PySide6 6.12.0 hands out None from every void method and True/False from
``Signal.emit()`` without taking a reference (tools/refcount_probe.py;
docs/pyside6-borrowed-singletons.md). Each call lowers the singleton's
count by one; on Python 3.11 the count reaching zero aborts the app
("Fatal Python error: none_dealloc" / "bool_dealloc"), in the middle of
typing or while Python finalizes. pyproject.toml excludes that release, but
a machine may still carry it, and no code of ours can avoid void calls.

Python 3.12 made these objects immortal (PEP 683): their count is huge and
never reaches zero. On older CPythons this gives them the same immunity by
adding 2**40 to their counts: at a million lost references a second that is
twelve days of work. Nothing else changes: the objects are static and never
meant to be freed, so a count that is too high cannot do harm.
"""

from __future__ import annotations

import ctypes
import platform
import sys

IMMORTAL_MARGIN = 1 << 40
_SINGLETONS = (None, True, False)
_done = False


def make_singletons_immortal() -> bool:
    """Give None, True and False a count no leak can exhaust. Returns whether
    it had to (CPython before 3.12); once per process."""
    global _done
    if sys.version_info >= (3, 12) or platform.python_implementation() != "CPython":
        return False  # immortal already (PEP 683), or not reference counted
    if hasattr(sys, "getobjects"):
        return False  # a Py_TRACE_REFS build: the count is not the first field
    if not _done:
        for value in _SINGLETONS:
            # ob_refcnt is the first field of a CPython object.
            count = ctypes.c_ssize_t.from_address(id(value))
            count.value += IMMORTAL_MARGIN
        _done = True
    return True
