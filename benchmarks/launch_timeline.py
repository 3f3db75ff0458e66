"""Where a launch's time goes: starts the app as ``python main.py ARTICLE``
does (like launch_probe.py) and prints, for each step from the process's
start to the preview's title painted, the wall-clock time since the
process was made and the app process's CPU time by then.

    python benchmarks/launch_timeline.py [ARTICLE] [-n RUNS] [--compare CHECKOUT] [--gaps]

Each run is a fresh process, on the offscreen platform (QT_QPA_PLATFORM
may say otherwise), with settings and caches of its own. The steps are
hooks put in as each module is first imported, so nothing is loaded ahead
of the app's own order; a step the app does not have (another checkout's)
is simply missing from its timeline.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_ui import app_environment

HERE = Path(__file__).resolve().parent
DEFAULT_ARTICLE = HERE.parent / "resources" / "examples" / "le-chan" / "article.json"

CHILD = r"""
import importlib.abc, importlib.util, json, os, sys, time
T0 = float(os.environ["TIMELINE_T0"])
marks = []
def mark(name):
    marks.append((name, time.time() - T0, time.process_time()))
mark("python started")
root = sys.argv[2]
sys.path.insert(0, root)
title = json.loads(open(sys.argv[1], encoding="utf-8").read())["title"].strip()

def wrap(cls, name, label, after=True):
    original = getattr(cls, name, None)
    if original is None:
        return
    def wrapped(*args, **kwargs):
        mark(label + " begins")
        result = original(*args, **kwargs)
        if after:
            mark(label + " ends")
        return result
    setattr(cls, name, wrapped)

def once(label):
    done = []
    def note(*args):
        if not done:
            done.append(True)
            mark(label)
    return note

def finish():
    out, seen = [], {}
    for name, wall, cpu in marks:  # a step repeated (a second page load) gets its number
        seen[name] = seen.get(name, 0) + 1
        out.append({"step": name if seen[name] == 1 else f"{name} ({seen[name]})", "wall": wall, "cpu": cpu})
    print("RESULT " + json.dumps(out), flush=True)
    os._exit(0)

def hook_main_window(module):
    cls = module.MainWindow
    wrap(cls, "__init__", "MainWindow()")
    paint = cls.paintEvent
    def paintEvent(self, event):
        paint(self, event)
        once_paint()
    once_paint = once("window's first paint")
    cls.paintEvent = paintEvent
    for name, label in (("_start_preview", "start preview"), ("_start_tools", "start tools"), ("_warm_preview", "warm preview")):
        wrap(cls, name, label)

def hook_preview(module):
    cls = module.PreviewView
    init = cls.__init__
    def __init__(self, *args, **kwargs):
        mark("PreviewView() begins")
        init(self, *args, **kwargs)
        mark("PreviewView() ends")
        page = self.page()
        page.loadStarted.connect(lambda: mark("page load started"))
        page.loadFinished.connect(lambda ok: mark("page load finished"))
        poll_title(self)
    cls.__init__ = __init__
    wrap(cls, "reload_page", "reload_page", after=False)
    wrap(cls, "page_html", "page html asked", after=False)

def poll_title(view):
    from PySide6.QtCore import QTimer
    from PySide6.QtWebEngineCore import QWebEngineScript
    script = '''(function (title) {
      var heading = document.querySelector('h1');
      if (!heading || heading.textContent.trim() !== title) return false;
      requestAnimationFrame(function () { requestAnimationFrame(function () { console.log('toasoan-timeline:painted'); }); });
      return true; })(%s)''' % json.dumps(title)
    page = view.page()
    seen = once("title in the DOM")
    def console(level, message, line, source, original=page.javaScriptConsoleMessage):
        if message == "toasoan-timeline:painted":
            mark("title painted")
            finish()
        return original(level, message, line, source)
    page.javaScriptConsoleMessage = console
    def answer(found):
        if found is True:
            seen()
        else:
            QTimer.singleShot(5, poll)
    def poll():
        page.runJavaScript(script, QWebEngineScript.ScriptWorldId.ApplicationWorld, answer)
    poll()

def hook_preview_page(module):
    # The page's own request and its answer: what Chromium spends before
    # and after them is its processes' start and the page's parsing.
    cls = module.PreviewSchemeHandler
    serve, reply = cls._serve, cls._reply
    def _serve(self, job):
        path = job.requestUrl().path()
        mark("page requested" if path == "/index.html" else "photo requested")
        return serve(self, job)
    def _reply(self, job, mime, data):
        mark("page answered" if mime.startswith(b"text/html") else "photo answered")
        return reply(self, job, mime, data)
    cls._serve, cls._reply = _serve, _reply

def hook_file_ops(module):
    wrap(module.FileController, "open_path", "open_path", after=False)

def hook_document(module):
    wrap(module.Document, "load", "document.load")

def heartbeat():
    # Gaps of the UI thread event loop over 30 ms, as steps of their own.
    from PySide6.QtCore import QTimer
    last = [time.time(), time.process_time()]
    def beat():
        now, cpu = time.time(), time.process_time()
        if now - last[0] > 0.03:
            marks.append((f"  UI thread busy {1000 * (now - last[0]):.0f} ms ({1000 * (cpu - last[1]):.0f} ms CPU)", now - T0, cpu))
        last[:] = [now, cpu]
    timer = QTimer()
    timer.timeout.connect(beat)
    timer.start(5)
    heartbeat.timer = timer

def hook_app(module):
    wrap(module, "create_application", "QApplication")
    create = module.create_application
    def create_application(*args, **kwargs):
        app = create(*args, **kwargs)
        if os.environ.get("TIMELINE_GAPS"):
            heartbeat()
        return app
    module.create_application = create_application
    wrap(module, "start_work", "start_work", after=False)

def hook_render(module):
    wrap(module, "render_article", "render_article")

HOOKS = {"ui.window.main_window": hook_main_window, "ui.preview.preview": hook_preview, "ui.services.file_ops": hook_file_ops,
         "ui.preview.preview_page": hook_preview_page,
         "ui.document.document": hook_document, "ui.app": hook_app, "editor.render": hook_render,
         "PySide6.QtWebEngineCore": lambda m: None, "PySide6.QtWidgets": lambda m: None, "jinja2": lambda m: None}

class Hooks(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name not in HOOKS:
            return None
        sys.meta_path.remove(self)
        try:
            spec = importlib.util.find_spec(name)
        finally:
            sys.meta_path.insert(0, self)
        if spec is None or spec.loader is None:
            return spec
        exec_module = spec.loader.exec_module
        def exec_and_hook(module):
            mark("import " + name + " begins")
            exec_module(module)
            mark("import " + name + " ends")
            HOOKS[name](module)
        spec.loader.exec_module = exec_and_hook
        return spec

sys.meta_path.insert(0, Hooks())
sys.argv = [os.path.join(root, "main.py"), sys.argv[1]]
import main as app_main
mark("main.py imported")
app_main.main([sys.argv[1]])
"""


def run_once(article: Path, root: Path, home: Path) -> list[dict[str, float | str]]:
    """One start, as bench_ui's everyday one: with the article's site profile in its settings."""
    env = app_environment(home, None, root, site_profile=True, article=article)
    if os.environ.get("QT_QPA_PLATFORM"):  # xcb, say, under Xvfb (DISPLAY)
        env["QT_QPA_PLATFORM"] = os.environ["QT_QPA_PLATFORM"]
    env["TIMELINE_T0"] = repr(time.time())
    result = subprocess.run([sys.executable, "-c", CHILD, str(article), str(root)], capture_output=True, text=True, env=env, timeout=120)
    line = next((line for line in result.stdout.splitlines() if line.startswith("RESULT ")), None)
    if line is None:
        raise RuntimeError(result.stderr[-3000:])
    return json.loads(line[7:])  # type: ignore[no-any-return]


def print_medians(timelines: list[list[dict[str, float | str]]]) -> None:
    """The steps in the order of the first run; each the median over the runs that have it."""
    print(f"{'step':<48} {'wall s':>7} {'cpu s':>7}")
    for step in [entry["step"] for entry in timelines[0]]:
        found = [next(e for e in t if e["step"] == step) for t in timelines if any(e["step"] == step for e in t)]
        walls = [float(e["wall"]) for e in found]
        cpus = [float(e["cpu"]) for e in found]
        print(f"{step:<48} {statistics.median(walls):7.3f} {statistics.median(cpus):7.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("article", nargs="?", type=Path, default=DEFAULT_ARTICLE)
    parser.add_argument("-n", "--runs", type=int, default=5)
    parser.add_argument("--compare", type=Path, help="another checkout, started alternately with this one")
    parser.add_argument("--gaps", action="store_true", help="one run, with every gap of the UI thread over 30 ms")
    options = parser.parse_args()
    roots = {"this": HERE.parent, **({"compared": options.compare.resolve()} if options.compare else {})}
    if options.gaps:
        os.environ["TIMELINE_GAPS"] = "1"
        with tempfile.TemporaryDirectory() as home:
            run_once(options.article, HERE.parent, Path(home))
            for entry in run_once(options.article, HERE.parent, Path(home)):
                print(f"{entry['step']:<48} {entry['wall']:7.3f} {entry['cpu']:7.3f}")
        return 0
    timelines: dict[str, list[list[dict[str, float | str]]]] = {name: [] for name in roots}
    with tempfile.TemporaryDirectory() as home:
        for name, root in roots.items():
            run_once(options.article, root, Path(home) / name)  # the first start makes the caches and bytecode a user has
        for run in range(options.runs):
            for name, root in roots.items():
                timelines[name].append(run_once(options.article, root, Path(home) / name))
                last = timelines[name][-1][-1]
                print(f"  run {run + 1} ({name}): {last['step']} at {float(last['wall']):.3f} s, {float(last['cpu']):.3f} s of CPU; load "
                      + " ".join(f"{v:.2f}" for v in os.getloadavg()), flush=True)
    for name, root in roots.items():
        print(f"\n{name} ({root}), medians of {options.runs} runs:")
        print_medians(timelines[name])
    return 0


if __name__ == "__main__":
    sys.exit(main())
