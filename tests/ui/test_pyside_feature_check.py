"""PySide6's check of every imported module (ui/common/pyside_feature_check.py):
the app's cheaper check is in place and answers as PySide6's own does."""

from __future__ import annotations

import sys
from typing import Any


def test_the_cheaper_check_is_what_pyside_asks_once_the_app_is_imported(qapp: Any) -> None:
    import ui.app  # noqa: F401  (installs it)
    from ui.common.pyside_feature_check import check_sources_directly

    feature = sys.modules["shibokensupport.feature"]
    # False would mean a PySide6 without the check: its start would then
    # cost what it costs, and this note would be stale.
    assert check_sources_directly()
    assert getattr(feature._mod_uses_pyside, "pyside_own", None) is not None


def test_it_answers_as_pysides_own_check_for_every_module_loaded(qapp: Any) -> None:
    import ui.app  # noqa: F401
    import ui.window.main_window  # noqa: F401  (the window's modules, PySide6's and the standard library's)

    cheaper = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    own = cheaper.pyside_own
    modules = [module for module in list(sys.modules.values()) if module is not None]
    answers = {module.__name__: cheaper(module) for module in modules}
    assert answers == {module.__name__: own(module) for module in modules}
    assert answers["ui.window.main_window"] is True and answers["editor.model"] is False  # both answers occur
