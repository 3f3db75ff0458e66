"""Tòa Soạn. With no arguments (or a file to open) it starts the window;
with a subcommand (``export`` …) it runs the command line, without Qt.

Nothing is imported here before the choice is made: the window must not
pay for the command line's modules, nor a command for Qt's."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Modules a frozen bundle may be asked to run as ``toa-soan -m MODULE …``,
# where ``python -m`` does not exist: the PDF export starts its printer
# child that way (editor/pdf.py runs ``sys.executable -m ui.preview.pdf_print``).
FROZEN_MODULES = ("ui.preview.pdf_print",)


def _run_module(argv: list[str]) -> int:
    import runpy

    sys.argv = [sys.argv[0], *argv[2:]]
    runpy.run_module(argv[1], run_name="__main__", alter_sys=True)
    return 0


def _refuse_old_windows() -> bool:
    """True, after saying why, on a Windows too old for Qt 6 (the window's
    libraries would fail to load with an error naming a DLL)."""
    from editor.platform_support import too_old_message, windows_build

    message = too_old_message(windows_build())
    if message is None:
        return False
    print(message, file=sys.stderr)
    if sys.platform == "win32":  # the window's program has no console to print to
        import ctypes

        ctypes.windll.user32.MessageBoxW(None, message, "Tòa Soạn", 0x10)  # MB_ICONERROR
    return True


def _hand_over_to_an_update(argv: list[str]) -> None:
    """A bundle whose newer version was accepted (Help ▸ Check for updates)
    and unpacked whole starts that one instead (editor/updates.py)."""
    from editor.updates import ready_executable, versions_folder
    from editor.version import VERSION

    newer = ready_executable(versions_folder(), VERSION)
    if newer is not None:
        sys.stdout.flush()
        os.execv(newer, [str(newer), *argv])  # this process becomes the new version's; no return


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from editor.subcommands import SELF_CHECK, SUBCOMMANDS

    if getattr(sys, "frozen", False) and len(argv) >= 2 and argv[0] == "-m" and argv[1] in FROZEN_MODULES:
        return _run_module(argv)
    if getattr(sys, "frozen", False):
        _hand_over_to_an_update(argv)
    if argv[:1] == [SELF_CHECK]:
        if _refuse_old_windows():
            return 2
        from ui.self_check import run as self_check

        return self_check(argv[1:])
    if argv and (argv[0] in SUBCOMMANDS or argv[0] in ("-h", "--help", "--version")):
        from editor.cli import main as cli_main

        return cli_main(argv)
    if argv and not argv[0].startswith("-") and not Path(argv[0]).exists():
        # "main.py exprot …": a mistyped command, not a file to open. Say so
        # and stop, rather than start the window on a file that is not there.
        from editor.cli import refuse_unknown_command

        return refuse_unknown_command(argv[0])
    if _refuse_old_windows():
        return 2
    from ui.app import run

    return run(argv)


if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        # A bundle's photo processes are the bundle's executable started
        # again (multiprocessing's "spawn"): this hands them their work
        # instead of starting a second window.
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
