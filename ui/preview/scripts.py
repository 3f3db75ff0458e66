"""The preview's JavaScript, kept in ``resources/preview/*.js`` and read
with ``importlib.resources`` (so an installed copy and the PyInstaller
bundle, which carries every file of ``resources/``, find it too).

Each file holds one function expression, with comments above it saying
what it does and what it returns; ``call`` makes the program that runs it
with its arguments written as JSON.
"""

from __future__ import annotations

import functools
import json
from importlib import resources


@functools.cache
def source(name: str) -> str:
    """The function expression in ``resources/preview/<name>.js``."""
    return (resources.files("resources") / "preview" / f"{name}.js").read_text(encoding="utf-8").strip()


def call(name: str, *args: object) -> str:
    """A program that calls ``name``'s function with ``args`` (as JSON) and
    gives its result: ``(function (…) {…})(arg, …)``."""
    return f"({source(name)})({', '.join(json.dumps(arg) for arg in args)})"
