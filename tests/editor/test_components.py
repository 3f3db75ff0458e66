"""Help ▸ About lists every part the app ships with its licence
(editor/components.py): every distribution the app's own installation
needs (pyproject.toml's dependencies and the gui extra, and what they need
in turn, on this system) is there, so none is shipped unlisted."""

from __future__ import annotations

import re
import sys
import tomllib
from importlib import metadata

from packaging.requirements import Requirement

from editor.components import _ALL, COMPONENTS
from tests.helpers import ROOT


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def needed_distributions() -> set[str]:
    """The distributions `pip install toa-soan[gui]` installs on this system, read from pyproject.toml
    and then from each installed part's own metadata."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    waiting = [Requirement(text) for text in [*project["dependencies"], *project["optional-dependencies"]["gui"]]]
    seen: set[str] = set()
    while waiting:
        requirement = waiting.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        name = normalized(requirement.name)
        if name in seen:
            continue
        seen.add(name)
        waiting += [Requirement(text) for text in metadata.requires(requirement.name) or []]
    return seen


def test_every_part_the_app_installs_is_listed_with_its_licence() -> None:
    listed = {normalized(part.distribution) for part in COMPONENTS if part.distribution}
    # Qt's wheels are one part for About: Qt with QtWebEngine, PySide6 and Shiboken (all LGPL-3.0-only).
    # pycparser is cffi's C parser for cdef(), which only building a binding calls: the bundle has none of it.
    unlisted = {name for name in needed_distributions() - listed - {"pycparser"}
                if not name.startswith(("pyside6", "shiboken6"))}
    assert unlisted == set(), f"shipped in the bundle but not in editor/components.py: {sorted(unlisted)}"
    assert all(part.licence for part in COMPONENTS)


def test_each_listed_part_is_installed_here_and_other_systems_parts_are_not_listed() -> None:
    for part in COMPONENTS:
        assert part.version() != "?", part.name
    assert {part.name for part in _ALL if part.platform} - {part.name for part in COMPONENTS} == (
        {"pywin32-ctypes"} if sys.platform.startswith("linux") else {"SecretStorage", "jeepney", "cryptography", "cffi"})
