"""Start-up: the command line never loads Qt, and the window is painted
before the heavy parts (QtWebEngine, the exporter, the checklist, the
library, the notes, the Word importer) are even imported. Each test starts
a fresh Python, since this one has imported everything long ago."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import EXAMPLE_DIR, ROOT

# What the window's first paint must not wait for, and what loads them.
HEAVY_MODULES = {
    "PySide6.QtWebEngineCore": "the preview (QtWebEngine)",
    "PySide6.QtWebEngineWidgets": "the preview (QtWebEngine)",
    "ui.preview.preview": "the preview",
    "editor.render": "the page renderer (Jinja)",
    "editor.export": "the exporter (Pillow's encoders, QR codes)",
    "editor.images": "Pillow and the HEIF decoder (photos are converted in photo processes)",
    "PIL.Image": "Pillow",
    "editor.cli": "the command line",
    "ui.window.checklist": "the checklist",
    "editor.checks": "the checklist's checks",
    "ui.library.library_panel": "the drafts library",
    "editor.library": "the drafts library's index",
    "ui.window.notes_panel": "the notes",
    "ui.window.share_preview": "the share preview",
    "ui.services.intake": "photo and Word intake",
    "editor.word_import": "the Word importer",
    "mammoth": "the Word importer",
}
# Not even the tools load these: the command line; the exporter (an export,
# Copy for CMS); the Word importer (a Word file imported or dropped).
LOADED_WHEN_USED = {"editor.cli", "editor.export", "editor.word_import", "mammoth"}


def child_env(tmp_path: Path) -> dict[str, str]:
    """Offscreen, with this worktree's code and a settings and workspace
    folder of the test's own (never the user's)."""
    return dict(
        os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", QTWEBENGINE_DISABLE_SANDBOX="1",
        XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"), XDG_CACHE_HOME=str(tmp_path / "cache"),
    )


def imported_by(command: list[str], tmp_path: Path) -> list[str]:
    """The modules ``python -X importtime main.py COMMAND…`` imported."""
    result = subprocess.run([sys.executable, "-X", "importtime", str(ROOT / "main.py"), *command],
                            cwd=tmp_path, capture_output=True, text=True, env=child_env(tmp_path), timeout=300)
    assert result.returncode in (0, 1), result.stderr[-3000:]  # 1: check found something to fix
    return [line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")]


def test_check_and_export_on_the_command_line_never_import_qt(tmp_path: Path) -> None:
    example = EXAMPLE_DIR / "article.json"
    for command in (["check", str(example)], ["export", str(example), "-o", str(tmp_path / "out.zip")]):
        modules = imported_by(command, tmp_path)
        assert "editor.cli" in modules  # the command really ran through main.py
        assert [m for m in modules if m.startswith(("PySide6", "shiboken6", "ui"))] == [], command
    assert (tmp_path / "out.zip").is_file()


# Runs the app as main.py does, noting what was imported when the window
# had been painted and its deferred start began, and again once it ended.
_WINDOW_CHILD = """
import json, os, sys
import main
from ui.window import main_window
heavy = json.loads(sys.argv[1])
seen = {}
start_preview, start_tools = main_window.MainWindow._start_preview, main_window.MainWindow._start_tools

def noted(name, step):
    def run(self):
        seen[name] = {"exposed": self.windowHandle().isExposed(), "heavy": sorted(m for m in heavy if m in sys.modules),
                      "has_checklist": hasattr(self, "checklist"),
                      "can_export": self.actions.export.isEnabled(), "can_print": self.actions.print.isEnabled()}
        step(self)
        if name == "tools":
            seen["after"] = sorted(m for m in heavy if m in sys.modules)
            seen["checklist_after"] = hasattr(self, "checklist")
            seen["can_export_after"] = self.actions.export.isEnabled() and self.actions.print.isEnabled()
            print("RESULT " + json.dumps(seen), flush=True)
            os._exit(0)
    return run

main_window.MainWindow._start_preview = noted("preview", start_preview)
main_window.MainWindow._start_tools = noted("tools", start_tools)
main.main([])
"""


def test_the_window_is_painted_before_the_heavy_modules_are_imported(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", _WINDOW_CHILD, json.dumps(sorted(HEAVY_MODULES))], cwd=ROOT,
                            capture_output=True, text=True, env=child_env(tmp_path), timeout=300)
    line = next((line for line in result.stdout.splitlines() if line.startswith("RESULT ")), None)
    assert line is not None, result.stderr[-3000:]
    seen = json.loads(line[7:])
    # The deferred start began only once the window was on screen, with none
    # of the heavy modules loaded and no checklist yet.
    assert seen["preview"]["exposed"]
    assert {m: HEAVY_MODULES[m] for m in seen["preview"]["heavy"]} == {}
    assert not seen["preview"]["has_checklist"]
    # What needs the preview or the checklist cannot be chosen before they are there.
    assert not seen["preview"]["can_export"] and not seen["preview"]["can_print"]
    # Then the preview came first, and the tools after it.
    assert "PySide6.QtWebEngineCore" in seen["tools"]["heavy"] and "ui.window.checklist" not in seen["tools"]["heavy"]
    # In the end the window has loaded every one of them but those loaded
    # when first used: the list names what the window really uses.
    assert sorted(set(HEAVY_MODULES) - LOADED_WHEN_USED - set(seen["after"])) == []
    # Those are not loaded by the tools either: they took 0.13 s of the UI
    # thread right after the preview's first frame.
    assert sorted(LOADED_WHEN_USED & set(seen["after"])) == []
    assert seen["checklist_after"] and seen["can_export_after"]


# --- opening: the checklist never speaks of an article not yet whole ---------------------


def twenty_photo_draft(folder: Path) -> Path:
    """A .article with 20 photos (each its own content), saved by the core."""
    from editor.draft import save_draft
    from editor.inputs import load_article
    from tests.helpers import minimal_article, photo_bytes, write_article_dir

    blocks: list[dict[str, str]] = []
    photos = {}
    for index in range(20):
        blocks.append({"type": "paragraph", "text": f"Đoạn {index + 1} của bài."})
        blocks.append({"type": "image", "src": f"photos/{index + 1}.jpg", "caption": f"Ảnh {index + 1}.", "alt": "Đại biểu dự họp"})
        photos[f"photos/{index + 1}.jpg"] = photo_bytes((1200, 800), color=(index * 12, 90, 160))  # type: ignore[arg-type]
    source = write_article_dir(folder / "source", minimal_article(blocks=blocks), photos)
    draft = folder / "hai-muoi-anh.article"
    save_draft(load_article(source), draft)
    return draft


def slow_reading(monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
    """Reading a draft takes a while (a slow network drive): the open is
    under way long enough for any early finding to be seen."""
    import time

    import editor.inputs

    real = editor.inputs.load_article

    def slow(path: Path):  # type: ignore[no-untyped-def]
        time.sleep(seconds)
        return real(path)

    monkeypatch.setattr(editor.inputs, "load_article", slow)


def test_while_a_twenty_photo_draft_opens_the_checklist_shows_no_findings(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from editor.checks import CheckInput, check_article

    draft = twenty_photo_draft(tmp_path)
    panel = window.checklist
    qtbot.waitUntil(lambda: "title-missing" in [f.id for f in panel.findings], timeout=10_000)  # the empty article's
    slow_reading(monkeypatch, 1.0)
    shown: list[tuple[Path | None, set[str]]] = []
    panel.updated.connect(lambda: shown.append((window.document.path, {f.id for f in panel.findings})))
    window.files.open_path(draft)
    # At once, while the draft is still being read: no findings, "Checking…".
    assert panel.findings == [] and panel.summary.text() == "Checking…"
    qtbot.wait(500)
    assert panel.findings == [] and panel.summary.text() == "Checking…" and window.document.path is None
    qtbot.waitUntil(lambda: window.document.path == draft and panel.summary.text() != "Checking…", timeout=60_000)
    expected = {f.id for f in check_article(window.document.article, CheckInput(site=window.document.site()))}
    assert {f.id for f in panel.findings} == expected
    assert len(window.document.article.images()) == 20
    # Never a photo reported missing, never a finding shown before the
    # whole draft was in the document.
    assert all("image-missing" not in ids for _, ids in shown), shown
    assert all(path == draft for path, ids in shown if ids), shown


def test_a_file_named_at_start_never_gets_the_empty_articles_findings(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workspace: Any,
) -> None:
    """Started by the app, the window opens the named file before it makes
    its checklist, and the blank article it shows until then is never
    checked aloud ("no title", "no body"…)."""
    from tests.ui.conftest import destroy_now
    from ui.app import show_window
    from ui.window.checklist import ChecklistPanel
    from ui.window.main_window import MainWindow

    draft = twenty_photo_draft(tmp_path)
    slow_reading(monkeypatch, 1.0)
    shown: list[tuple[set[str], bool]] = []
    made_with: list[Path | None] = []  # the document's file when the checklist was made
    real_show = ChecklistPanel._show

    def recorded(self: ChecklistPanel, findings: list[Any], checking: bool = False) -> None:
        if not made_with:
            made_with.append(self._document.path)
        shown.append(({f.id for f in findings}, checking))
        real_show(self, findings, checking)

    monkeypatch.setattr(ChecklistPanel, "_show", recorded)
    main = MainWindow(workspace, defer_start=True)
    show_window(main, [str(draft)])
    try:
        qtbot.waitUntil(lambda: main.is_started and main.document.path == draft, timeout=60_000)
        qtbot.waitUntil(lambda: main.checklist.summary.text() != "Checking…", timeout=60_000)
        assert "title-missing" not in {f.id for f in main.checklist.findings}
        assert [ids for ids, checking in shown if ids and "title-missing" in ids] == []
        assert all("image-missing" not in ids for ids, _ in shown)
        # The file came first, the tools after it (its page loaded meanwhile).
        assert made_with == [draft]
    finally:
        main.document.undo_stack.setClean()
        main.close()
        destroy_now(main)


def test_the_preview_arriving_after_the_first_paint_leaves_the_form_its_width(qtbot: Any, workspace: Any) -> None:
    """The window is shown with a stand-in for the preview; when the real
    one replaces it, the form keeps the width it was shown with (it was
    squeezed to a third of the window, captions one word a line)."""
    from tests.ui.conftest import destroy_now
    from ui.window.main_window import MainWindow

    main = MainWindow(workspace, defer_start=True)
    main.show()
    qtbot.waitExposed(main)
    before = main.splitter.sizes()
    try:
        qtbot.waitUntil(lambda: main.is_started, timeout=60_000)
        qtbot.wait(300)  # the docks are laid out
        after = main.splitter.sizes()
        assert main.checklist.isVisible() and sum(after) < sum(before)  # the checklist took its width
        assert abs(after[0] / sum(after) - before[0] / sum(before)) < 0.02
        assert before[0] >= 0.4 * sum(before)  # the form's share as laid out: 620 of 1,400
    finally:
        main.document.undo_stack.setClean()
        main.close()
        destroy_now(main)


def test_the_split_between_form_and_preview_comes_back_as_it_was_left_start_after_start(qtbot: Any, workspace: Any) -> None:
    """Each start showed the preview narrower than the last one left it
    (707/393, then 802/314, then 865/251 px under Xvfb): the saved state
    was restored before the docks took their width, and what the window
    gained meanwhile went to the form alone."""
    from tests.ui.conftest import destroy_now
    from ui.window.main_window import MainWindow

    left_at = 0.55
    for start in range(3):
        main = MainWindow(workspace, defer_start=True)
        main.resize(1400, 900)
        main.show()
        qtbot.waitExposed(main)
        try:
            qtbot.waitUntil(lambda window=main: window.is_started, timeout=60_000)
            qtbot.wait(300)  # the docks are laid out
            sizes = main.splitter.sizes()
            if start == 0:
                main.splitter.setSizes([round(sum(sizes) * left_at), sum(sizes) - round(sum(sizes) * left_at)])
            else:
                assert abs(sizes[0] / sum(sizes) - left_at) < 0.02, (start, sizes)
        finally:
            main.document.undo_stack.setClean()
            main.close()
            destroy_now(main)
    from ui.window.main_window import _share

    # A later run reads the share back from the settings file as text.
    assert _share("0.55") == 0.55 and _share("") == _share(None) == _share("0.99") == 0.0


# The app's start, as ui.app.run makes it, on a real X server: it says when
# the window is up with its preview and the tools, then stays 0.5 s.
STARTED_ON_X = """
import os, sys, time
from pathlib import Path
from ui.app import create_application, show_window
app = create_application([], preview_scheme=False)
from PySide6.QtCore import QTimer
from editor.workspace import Workspace
from ui.window.main_window import MainWindow
window = MainWindow(Workspace(Path(sys.argv[1])), defer_start=True)
def started():
    if window.is_started and window.preview_pane.isVisible():
        print(f"STARTED {time.time()!r}", flush=True)
        QTimer.singleShot(500, lambda: os._exit(0))
    else:
        QTimer.singleShot(20, started)
show_window(window, [sys.argv[2]])
started()
app.exec()
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="an X server (Xvfb) sees the window's maps")
def test_the_window_on_screen_is_the_one_the_preview_arrives_in(tmp_path: Path) -> None:
    """The window is shown before QtWebEngine is loaded. When the preview's
    view went into it, Qt made the window again: the X server saw it
    unmapped and a new one mapped a quarter of a second later, a blink as
    the article appeared. (Qt's offscreen platform makes no such surface,
    so this runs under Xvfb.)"""
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as pipe:
            env = dict(child_env(tmp_path), DISPLAY=":" + pipe.readline().strip(), QT_QPA_PLATFORM="xcb")
        watcher = subprocess.Popen([sys.executable, str(ROOT / "benchmarks" / "map_watch.py")], stdout=subprocess.PIPE,
                                   text=True, env=env)
        assert watcher.stdout is not None and watcher.stdout.readline().strip() == "READY"
        app = subprocess.run([sys.executable, "-c", STARTED_ON_X, str(tmp_path / "workspace.sqlite"), str(EXAMPLE_DIR / "article.json")],
                             capture_output=True, text=True, env=env, timeout=120, cwd=ROOT)
        watcher.kill()
        maps = [line.split() for line in watcher.communicate()[0].splitlines()]
    finally:
        server.kill()
        server.wait()
    started = next((float(line.split()[1]) for line in app.stdout.splitlines() if line.startswith("STARTED ")), None)
    assert started is not None, app.stderr[-3000:]
    before = [(kind, window) for kind, at, window in maps if float(at) < started]
    assert before and before[0][0] == "MAPPED"
    assert ("UNMAPPED", before[0][1]) not in before, f"the window was made again: {before}"


def _started_on(qtbot: Any, workspace: Any, monkeypatch: pytest.MonkeyPatch, path: Path) -> tuple[Any, list[str]]:
    """The window as the app starts it on ``path``; what happened, in order:
    each page the preview asked for (with the title the document had then),
    the first page loaded and its first frame drawn, and the tools made."""
    from ui.app import show_window
    from ui.preview.preview import PreviewView
    from ui.window.main_window import MainWindow

    events: list[str] = []
    real_reload, real_tools = PreviewView.reload_page, MainWindow._start_tools

    def reload_page(self: PreviewView) -> None:
        events.append("page of " + (self._document.article.title or "the blank article"))
        real_reload(self)
        if len([e for e in events if e.startswith("page of")]) == 1:
            self.page().loadFinished.connect(lambda ok: events.append("loaded"))
            self.first_frame_drawn.connect(lambda: events.append("drawn"))

    def start_tools(self: MainWindow) -> None:
        events.append("tools")
        real_tools(self)

    monkeypatch.setattr(PreviewView, "reload_page", reload_page)
    monkeypatch.setattr(MainWindow, "_start_tools", start_tools)
    main = MainWindow(workspace, defer_start=True)
    show_window(main, [str(path)])
    qtbot.waitUntil(lambda: main.is_started, timeout=60_000)
    return main, events


def test_a_file_named_at_start_is_the_first_and_only_page_the_preview_loads(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workspace: Any,
) -> None:
    """Its title is the first the preview shows: no blank article loaded
    first and replaced, and the checklist and the other tools are built
    only once that page has drawn its first frame (their work on the UI
    thread delayed the page's request, or that frame)."""
    from editor.inputs import load_article
    from tests.ui.conftest import destroy_now

    title = load_article(EXAMPLE_DIR / "article.json").title
    main, events = _started_on(qtbot, workspace, monkeypatch, EXAMPLE_DIR / "article.json")
    try:
        assert [event for event in events if event != "loaded"][:3] == [f"page of {title}", "drawn", "tools"], events
        assert main.document.article.title == title
    finally:
        main.document.undo_stack.setClean()
        main.close()
        destroy_now(main)


def test_a_file_that_cannot_be_opened_at_start_leaves_the_blank_article_in_the_preview(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workspace: Any,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.conftest import destroy_now

    broken = tmp_path / "article.json"
    broken.write_text("{ not json", encoding="utf-8")
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *rest: warned.append(text))
    main, events = _started_on(qtbot, workspace, monkeypatch, broken)
    try:
        assert warned  # the user was told
        assert [event for event in events if event != "loaded"][:3] == ["page of the blank article", "drawn", "tools"], events
        assert main.preview.has_page()
    finally:
        main.document.undo_stack.setClean()
        main.close()
        destroy_now(main)


def test_the_spelling_tables_are_made_once_the_window_has_started(qtbot: Any, workspace: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Made on a worker while the form was built, the tables took the
    interpreter's lock from the UI thread: the first paint came 0.58 s after
    launch instead of 0.34 s. The app's window has them made once its tools
    have started, and then underlines what was waiting for them."""
    from editor import spelling
    from editor.model import Article
    from tests.ui.conftest import destroy_now
    from ui.form import spell_check
    from ui.window.main_window import MainWindow

    windows: list[Any] = []
    started_when_asked: list[bool] = []
    made: list[bool] = []
    real_prepare = spelling.prepare

    def prepare(style: str = "") -> None:
        started_when_asked.append(bool(windows) and windows[0].is_started)
        real_prepare(style)
        made.append(True)

    monkeypatch.setattr(spelling, "prepare", prepare)
    monkeypatch.setattr(spelling, "is_prepared", lambda: bool(made))
    monkeypatch.setattr(spell_check, "_preparing", False)
    main = MainWindow(workspace, defer_start=True)
    windows.append(main)
    main.document.load(Article(title="Họp", lead="Người dân đến qúa đông"), None)
    main.show()
    lead = main.composer.fields.lead
    try:
        qtbot.waitUntil(lambda: main.is_started, timeout=60_000)
        qtbot.waitUntil(lambda: bool(made), timeout=30_000)
        assert started_when_asked == [True]
        qtbot.waitUntil(lambda: underlined_words(lead) == ["qúa"], timeout=10_000)
    finally:
        main.document.undo_stack.setClean()
        main.close()
        destroy_now(main)


def underlined_words(edit: Any) -> list[str]:
    """The words of a field's first paragraph shown with the wavy underline."""
    from PySide6.QtGui import QTextCharFormat

    block = edit.document().firstBlock()
    wavy = QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    return [block.text()[r.start:r.start + r.length] for r in block.layout().formats() if r.format.underlineStyle() == wavy]


def test_the_tools_wait_for_the_first_frame_of_a_page_already_loaded(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, workspace: Any,
) -> None:
    """A page can finish loading before its first frame is on screen;
    Chromium's browser side runs on the UI thread, so tools built then held
    that frame back (the title came 0.5 s later in 5 launches of 8 in one run).
    Here the first frame comes 0.3 s after the load: the tools wait for it."""
    from PySide6.QtCore import QTimer

    import ui.window.main_window as main_window
    from tests.ui.conftest import destroy_now
    from ui.preview.preview import PreviewView

    monkeypatch.setattr(main_window, "TOOLS_AT_LATEST_MS", 30_000)  # the fallback stays out of it
    real_drawn = PreviewView._on_first_frame_drawn

    def drawn_after_the_load(self: PreviewView) -> None:
        def draw() -> None:
            QTimer.singleShot(300, lambda: real_drawn(self))

        if self.is_loading():
            self.page().loadFinished.connect(lambda ok: draw())
        else:
            draw()

    monkeypatch.setattr(PreviewView, "_on_first_frame_drawn", drawn_after_the_load)
    main, events = _started_on(qtbot, workspace, monkeypatch, EXAMPLE_DIR / "article.json")
    try:
        assert events.index("loaded") < events.index("drawn") < events.index("tools"), events
    finally:
        main.document.undo_stack.setClean()
        main.close()
        destroy_now(main)
