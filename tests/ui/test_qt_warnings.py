"""A Qt warning fails the test during which it was printed, unless it is one
of the few pyproject.toml lets through (Qt's own, on the offscreen platform)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT


def test_a_qt_warning_fails_its_test_and_the_listed_ones_do_not(tmp_path: Path) -> None:
    (tmp_path / "test_warns.py").write_text(
        "from PySide6.QtCore import qWarning\n"
        "def test_ours(qtbot):\n    qWarning('QObject::connect: No such signal')\n"
        "def test_qts_own(qtbot):\n    qWarning('This plugin does not support propagateSizeHints()')\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"), "--rootdir", str(tmp_path),
         "-p", "no:cacheprovider", "-q", str(tmp_path / "test_warns.py")],
        capture_output=True, text=True, timeout=300, cwd=tmp_path, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert "1 failed, 1 passed" in result.stdout, result.stdout[-2000:]
    assert "test_warns.py::test_ours" in result.stdout and "No such signal" in result.stdout
