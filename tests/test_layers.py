"""The import contracts in pyproject.toml (run by `python3 tasks.py lint`,
first in CI) hold for the code as it is, and really break when a module
crosses a layer: each case adds one wrong import to a copy of the code."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

LINT_IMPORTS = "from importlinter.cli import lint_imports_command; lint_imports_command()"


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    # The copy first on the path, so the contracts read it and not the installed code.
    env = {**os.environ, "PYTHONPATH": str(root), "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-c", LINT_IMPORTS], cwd=root, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture
def code_copy(tmp_path: Path) -> Path:
    for package in ("editor", "ui"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    return tmp_path


def test_the_code_keeps_every_contract(code_copy: Path) -> None:
    result = lint_imports(code_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "wrong_import", "contract"),
    [
        ("editor/text.py", "from PySide6 import QtCore", "The core (editor) never imports Qt or the window"),
        ("editor/checks.py", "import ui.document.document", "The core (editor) never imports Qt or the window"),
        ("ui/form/sync.py", "import ui.window.main_window", "The window imports downwards"),
        ("ui/document/document.py", "import ui.form.fields", "The window imports downwards"),
        ("ui/common/workers.py", "import ui.document.document", "The window imports downwards"),
        ("ui/dialogs/find_dialog.py", "import ui.library.review_button", "The window imports downwards"),
        ("ui/document/commands.py", "import ui.document.document", "The undo commands change the article's model"),
        ("editor/model.py", "import editor.export", "The article model knows nothing of what is made from it"),
        ("editor/publish/settings.py", "import editor.cli", "The command line is the top of the core"),
        ("editor/zips.py", "import editor.media", "No import cycles between sibling modules"),
    ],
)
def test_a_wrong_import_breaks_its_contract(code_copy: Path, module: str, wrong_import: str, contract: str) -> None:
    path = code_copy / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{wrong_import}\n", encoding="utf-8")
    result = lint_imports(code_copy)
    assert result.returncode != 0
    broken = [line for line in result.stdout.splitlines() if " BROKEN" in line]
    assert any(line.startswith(contract) for line in broken), result.stdout
