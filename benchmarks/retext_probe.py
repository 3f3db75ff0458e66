"""Child process of compare_retext.py: starts ReText as its ``retext``
entry point does, on a Markdown file whose first line is ``# TITLE``, and
reports, on the wall clock, when its WebEngine preview first painted the
title (launch_probe.py's TITLE_JS). The window's map is seen by the X
server (map_watch.py): ReText shows its window before it adds the preview,
whose WebEngine view makes Qt recreate the window's native one, so no
expose of the first is to be watched here.

    RETEXT_VENV/bin/python retext_probe.py FILE.md RETEXT_SCRIPT

RETEXT_SCRIPT is the venv's ``retext`` script, run as the main script
(runpy): ReText's converter process is started by multiprocessing's
"spawn", which runs the main script again in the child, so the child does
what it does under the real entry point. Nothing of ReText or Qt is
imported ahead of it: the probe's hooks go in as ReText.webenginepreview
is first imported (an import hook). Prints ``RESULT {json}`` and leaves
with os._exit, as launch_probe.py does.
"""

from __future__ import annotations

import json
import os
import sys
import time
from types import ModuleType

from launch_probe import TITLE_JS, WhenImported  # the standard library only, nothing ReText would not import

MESSAGE = "retext-probe:"


def report(data: dict) -> None:
    print("RESULT " + json.dumps(data), flush=True)
    os._exit(0)


def watch(module: ModuleType, title: str) -> None:
    """Wrap ReText's WebEngine preview: once one is made, poll its page for
    the title; its page's console messages say when it was painted."""
    view_class = module.ReTextWebEnginePreview
    page_class = module.ReTextWebEnginePage
    original_init = view_class.__init__
    original_console = page_class.javaScriptConsoleMessage

    def console(page, level, message, line, source):  # type: ignore[no-untyped-def]
        if message == MESSAGE + "painted":
            report({"title_painted_at": time.time()})
        original_console(page, level, message, line, source)

    def init(view, *args, **kwargs):  # type: ignore[no-untyped-def]
        original_init(view, *args, **kwargs)
        from PyQt6.QtCore import QTimer
        from PyQt6.QtWebEngineCore import QWebEngineScript

        script = TITLE_JS % (json.dumps(title), json.dumps(MESSAGE))
        deadline = time.time() + 60

        def answer(found: object) -> None:
            if found is not True:
                QTimer.singleShot(5, poll)

        def poll() -> None:
            if time.time() > deadline:
                report({"error": "the preview never showed the article's title"})
            view.page().runJavaScript(script, QWebEngineScript.ScriptWorldId.ApplicationWorld, answer)

        QTimer.singleShot(0, poll)

    page_class.javaScriptConsoleMessage = console
    view_class.__init__ = init


def main() -> None:
    markdown, script = sys.argv[1], sys.argv[2]
    with open(markdown, encoding="utf-8") as file:
        title = file.readline().removeprefix("# ").strip()
    sys.meta_path.insert(0, WhenImported("ReText.webenginepreview", lambda module: watch(module, title)))
    sys.argv = [script, markdown]
    import runpy

    runpy.run_path(script, run_name="__main__")


if __name__ == "__main__":
    main()
