"""Tòa Soạn. With no arguments (or a file to open) it starts the window;
with a subcommand (``export`` …) it runs the command line, without Qt.

Nothing is imported here before the choice is made: the window must not
pay for the command line's modules, nor a command for Qt's."""

from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from editor.subcommands import SUBCOMMANDS

    if argv and (argv[0] in SUBCOMMANDS or argv[0] in ("-h", "--help")):
        from editor.cli import main as cli_main

        return cli_main(argv)
    if argv and not argv[0].startswith("-") and not Path(argv[0]).exists():
        # "main.py exprot …": a mistyped command, not a file to open. Say so
        # and stop, rather than start the window on a file that is not there.
        from editor.cli import refuse_unknown_command

        return refuse_unknown_command(argv[0])
    from ui.app import run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
