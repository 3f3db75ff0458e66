"""A cheaper answer to the question PySide6 asks of every module imported.

Once QtCore is loaded, PySide6 hooks ``__import__`` for its opt-in
``from __feature__ import snake_case``. After each import it asks whether
the new module's source mentions "PySide6" (``_mod_uses_pyside`` in
shibokensupport's ``feature`` module), and it asks with
``inspect.getsource``, which reads, decodes and splits the whole file
through linecache. By the time its tools are built the window has
imported 354 modules after QtCore: 37 ms of asking (median of 8,
benchmarks/bench_feature_check.py). Looking for the same word in a ``.py``
file's bytes gives the same answer (source is ASCII-compatible, and the
word is ASCII) in 10 ms; any other
module is asked PySide6's own way. The app selects no feature, so the
answers only decide which modules PySide6 would switch features for.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType


def check_sources_directly() -> bool:
    """Install the cheaper check in PySide6 (QtCore must be imported).
    Returns whether it is in place: False under a PySide6 whose feature
    module has no such check, which keeps its own."""
    feature = sys.modules.get("shibokensupport.feature")
    own: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if own is None:
        return False
    if getattr(own, "pyside_own", None) is not None:
        return True  # installed already

    def mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:  # a bundle's module has no file of its own
                pass
        return own(module)

    mod_uses_pyside.pyside_own = own  # type: ignore[attr-defined]
    feature._mod_uses_pyside = mod_uses_pyside  # type: ignore[union-attr]
    return True
