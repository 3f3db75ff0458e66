"""``export -o NAME.pdf``: the A4 PDF of the page, with the same print
stylesheet as the window's Export PDF.

Only a browser engine applies the page's print stylesheet, and the core
never imports Qt, so the page is exported as one self-contained HTML file
and a child process (``ui.preview.pdf_print``, QtWebEngine offscreen) prints it.
Where Qt cannot run the PDF is refused with the reason, and nothing is
written; otherwise the PDF replaces the target atomically.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from editor.atomic import atomic_write
from editor.errors import ExportError
from editor.export import ExportOptions, TargetKind, _check_target, export_article
from editor.model import Article, SiteProfile

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# What ui.preview.pdf_print answers when Qt's web engine cannot run (see there).
EXIT_NO_QT = 3
# Printing a page of a few photos takes seconds; the child gives up at 120 s.
TIMEOUT_SECONDS = 150


def _printer_environment() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window, no display needed
    # The child imports this project's ``ui``, whatever folder it was started from.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
    return env


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def export_pdf(article: Article, site: SiteProfile, target: Path, options: ExportOptions = ExportOptions()) -> None:
    """Write the A4 PDF of ``article`` to ``target``; ``ExportError`` if not."""
    _check_target(target, TargetKind.PDF, options.force)  # the same refusals as every other kind
    with tempfile.TemporaryDirectory(prefix="toasoan-pdf-") as scratch:
        page = Path(scratch) / "page.html"
        printed = Path(scratch) / "page.pdf"
        export_article(article, site, page, ExportOptions(max_size=options.max_size))
        command = [sys.executable, "-m", "ui.preview.pdf_print", str(page), str(printed)]
        try:
            result = subprocess.run(command, env=_printer_environment(), cwd=scratch, capture_output=True,
                                    text=True, errors="replace", timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired as error:
            raise ExportError(f"the PDF was not made: printing took more than {TIMEOUT_SECONDS} s", path=target) from error
        except OSError as error:
            raise ExportError(f"the PDF was not made: the printer process could not start ({error.strerror or error})",
                              path=target) from error
        reason = _last_line(result.stderr)
        if result.returncode == EXIT_NO_QT or result.returncode < 0:
            # A missing module, or Qt aborting because it has no platform to run on.
            raise ExportError("a PDF needs Qt's web engine (PySide6), which cannot run here"
                              + (f" ({reason})" if reason else "")
                              + "; export NAME.html instead and print it from a browser", path=target)
        if result.returncode != 0 or not printed.is_file():
            raise ExportError("the PDF was not made" + (f": {reason}" if reason else ""), path=target)
        data = printed.read_bytes()
    atomic_write(target, lambda stream: stream.write(data))
