"""The core must run with no Qt: the command line and CI depend on it."""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.helpers import ROOT

CORE_MODULES = sorted(path.stem for path in (ROOT / "editor").glob("*.py") if path.stem != "__init__")


def test_no_core_module_imports_qt_or_the_ui() -> None:
    offenders = []
    for path in (ROOT / "editor").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if name.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6", "ui"):
                    offenders.append(f"{path.name}: {name}")
    assert offenders == []


def test_importing_every_core_module_and_the_cli_loads_no_qt() -> None:
    imports = "; ".join(f"import editor.{name}" for name in CORE_MODULES)
    code = f"{imports}; import main; import sys; print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
    assert len(CORE_MODULES) >= 10  # the glob really found the core
