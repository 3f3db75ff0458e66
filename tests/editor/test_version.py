"""The version, declared once (editor/version.py): ``--version`` prints it,
the package takes it, and the changelog has its section (the update offer
shows that section as "what's new")."""

from __future__ import annotations

import subprocess
import sys
import tomllib

from editor.version import VERSION
from tests.helpers import ROOT


def test_version_prints_the_declared_version_and_exits_0() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout.strip() == f"toa-soan {VERSION}"


def test_the_package_takes_its_version_from_the_one_declaration() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "editor.version.VERSION"}


def test_help_lists_self_check_beside_the_other_commands() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "self-check" in result.stdout and "check that this installation works" in result.stdout


def test_the_changelog_has_a_section_for_this_version() -> None:
    assert f"\n## {VERSION}\n" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_a_mistyped_self_check_is_pointed_to_it() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "self-chek"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "did you mean “self-check”?" in result.stderr
