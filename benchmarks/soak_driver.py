"""Child process of the soak runs: the real window (offscreen), driven hard.

    python soak_driver.py random --seconds S [--seed N] [--article FILE]
    python soak_driver.py type --keys N --article FILE

``random`` makes random edits the way a user would, with key events: typing
in every field (title, lead, author, source, addresses, tags, related news,
body paragraphs, headings, quotes, captions, alt texts, credits), Enter and
Backspace, inserting three photos at a time (then typing into the third
caption, where the bool_dealloc abort was seen), moving, rotating and
removing photos, adding blocks, undo and redo, switching preview widths,
with a pause of 2 s now and then so the autosave and checklist timers fire.
``type`` types N keys into the middle paragraph of a (long) article.

It prints one line ``RESULT {json}`` with the counts and exits 0, or 1 when
a Python exception escaped into Qt. A crash of the process (abort, signal)
prints no RESULT line: the parent tells the two apart by that line, and
the os._exit after it keeps Python's finalization (which PySide6 6.12 can
crash, see tests/conftest.py) out of the verdict.
"""

from __future__ import annotations

import argparse
import faulthandler
import json
import os
import random
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

WORDS = ("Ban Chỉ đạo quận đã kịp thời tham mưu tăng cường công tác nắm bắt định hướng dư luận xã hội "
         "tuyên truyền đấu tranh phản bác các quan điểm sai trái thù địch trên không gian mạng").split()
TYPED = "Quận ủy Lê Chân họp bàn công tác tuyên truyền năm 2025, đạt kết quả tốt. "


def make_article(folder: Path, words: int, blocks: int, photos: int = 0) -> Path:
    """A draft of ``words`` words in ``blocks`` paragraphs (and photos)."""
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    per_block = max(1, words // blocks)
    body: list[dict] = []
    for index in range(blocks):
        text = " ".join(WORDS[(index + n) % len(WORDS)] for n in range(per_block)).capitalize() + "."
        body.append({"type": "paragraph", "text": text})
    for number in range(photos):
        name = f"photos/{number + 1:02d}.jpg"
        (folder / name).parent.mkdir(exist_ok=True)
        Image.new("RGB", (640, 480), (40 * number % 256, 120, 200)).save(folder / name, quality=80)
        body.insert((number + 1) * len(body) // (photos + 1), {"type": "image", "src": name, "caption": f"Ảnh {number + 1}.", "alt": "Ảnh"})
    data = {"format": "article/1", "title": f"Bài {words} chữ", "url": "https://haiphong.gov.vn/a.html", "blocks": body}
    path = folder / "article.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def make_photos(folder: Path, count: int) -> list[Path]:
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"soak-{number}.jpg"
        Image.new("RGB", (800 + 16 * number, 600), (number * 30 % 256, 90, 160)).save(path, quality=85)
        paths.append(path)
    return paths


class Faults:
    """Python exceptions that reached Qt (PySide6 prints and swallows them)."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        sys.excepthook = self._hook
        sys.unraisablehook = lambda unraisable: self._hook(unraisable.exc_type, unraisable.exc_value, unraisable.exc_traceback)

    def _hook(self, kind, value, tb) -> None:  # type: ignore[no-untyped-def]
        text = "".join(traceback.format_exception(kind, value, tb))
        self.messages.append(text[-1500:])
        sys.stderr.write(text)


def isolate() -> Path:
    """Settings, workspace and profile mirror in a temporary folder, never
    the user's (as tests/ui/conftest.py does for the tests)."""
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QMessageBox

    folder = Path(tempfile.mkdtemp(prefix="toasoan-soak-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings"))
    QCoreApplication.setOrganizationName("ToaSoanSoak")
    import ui.window.main_window

    ui.window.main_window.saved_profile_path = lambda: folder / "site-profile.json"  # type: ignore[assignment]
    # A modal box would stop the run: answer No / OK at once.
    QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.No)  # type: ignore[method-assign]
    QMessageBox.warning = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok)  # type: ignore[method-assign]
    QMessageBox.information = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok)  # type: ignore[method-assign]
    return folder


def send_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        key = Qt.Key.Key_Space if char == " " else (ord(char.upper()) if char.isascii() and char.isalnum() else 0)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))


def send_key(widget, key) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    text = "\r" if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) else ("\b" if key == Qt.Key.Key_Backspace else "")
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))


class RandomEdits:
    """Chooses and performs one random edit at a time."""

    def __init__(self, window, rng: random.Random, photos: list[Path]) -> None:  # type: ignore[no-untyped-def]
        self.window = window
        self.rng = rng
        self.photos = photos
        self.counts: dict[str, int] = {}
        self.keys = 0
        self.pending_caption = False
        self.actions: list[tuple[int, Callable[[], str | None]]] = [
            (30, self.type_in_field), (30, self.type_in_body), (10, self.type_in_photo),
            (2, self.insert_photos), (3, self.move_block), (3, self.rotate_photo), (2, self.remove_photo),
            (3, self.add_block), (2, self.add_related), (6, self.undo), (4, self.redo), (3, self.switch_width),
        ]

    def step(self) -> None:
        if self.pending_caption and time.monotonic() - self.pending_since > 10:
            self.pending_caption = False  # an undo took them away again
        if self.pending_caption and self._third_new_caption():
            return
        if self.pending_caption and self.rng.random() < 0.5:
            return  # the photos are on their way: mostly wait for them
        action = self.rng.choices([a for _, a in self.actions], [w for w, _ in self.actions])[0]
        done = action()
        if done:
            self.counts[done] = self.counts.get(done, 0) + 1

    # --- helpers -------------------------------------------------------------------
    def _segments(self, kind: str | None = None) -> list:  # type: ignore[type-arg]
        return [s for s in self.window.composer.blocks.segments() if kind is None or s.kind == kind]

    def _type(self, widget, text: str) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import Qt

        widget.setFocus()
        for chunk in text.split("|"):
            if chunk:
                send_text(widget, chunk)
                self.keys += len(chunk)
            if self.rng.random() < 0.3:
                send_key(widget, Qt.Key.Key_Backspace)
                self.keys += 1

    def _words(self) -> str:
        start = self.rng.randrange(len(TYPED))
        return TYPED[start:start + self.rng.randint(1, 24)]

    # --- the edits -----------------------------------------------------------------
    def type_in_field(self) -> str:
        fields = self.window.composer.fields
        name = self.rng.choice(["title", "lead", "author", "source", "original_url", "url", "tags"])
        widget = getattr(fields, name)
        widget = getattr(widget, "line", widget)  # a URL field types into its line edit
        text = "https://haiphong.gov.vn/tin-" + str(self.rng.randint(1, 99)) if name.endswith("url") else self._words()
        if name.endswith("url"):
            widget.setFocus()
            widget.selectAll()
        self._type(widget, text)
        return f"type:{name}"

    def type_in_body(self) -> str | None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QTextCursor

        kinds = [s for s in self._segments() if s.kind in ("text", "heading", "quote")]
        if not kinds:
            self.window.composer.blocks.add_block("paragraph")
            return "add:paragraph"
        segment = self.rng.choice(kinds)
        if segment.kind == "text":
            editor = segment.editor
            cursor = editor.textCursor()
            cursor.setPosition(self.rng.randrange(editor.document().characterCount()))
            editor.setTextCursor(cursor)
            self._type(editor, self._words())
            if self.rng.random() < 0.1:
                send_key(editor, Qt.Key.Key_Return)  # a new paragraph
                self.keys += 1
            return "type:paragraph"
        if segment.kind == "heading":
            self._type(segment.text, self._words())
            return "type:heading"
        self._type(segment.text if self.rng.random() < 0.7 else segment.cite, self._words())
        segment.text.moveCursor(QTextCursor.MoveOperation.End)
        return "type:quote"

    def type_in_photo(self) -> str | None:
        photos = self._segments("image")
        if not photos:
            return None
        segment = self.rng.choice(photos)
        name = self.rng.choice(["caption", "alt", "credit"])
        self._type(getattr(segment, name), self._words())
        return f"type:{name}"

    def insert_photos(self) -> str:
        blocks = self.window.document.article.blocks
        self.images_before = {block.id for block in self.window.document.article.images()}
        self.window.intake.import_images(self.rng.sample(self.photos, 3), self.rng.randint(0, len(blocks)))
        self.pending_caption = True
        self.pending_since = time.monotonic()
        return "insert:3 photos"

    def _third_new_caption(self) -> bool:
        """Once the three photos are in: type into the third one's caption
        (where the bool_dealloc abort was seen)."""
        new = [s for s in self._segments("image") if s.block_ids()[0] not in self.images_before]
        if len(new) < 3:
            return False
        self.pending_caption = False
        self._type(new[2].caption, TYPED)
        self.counts["type:third new caption"] = self.counts.get("type:third new caption", 0) + 1
        return True

    def move_block(self) -> str | None:
        blocks = self.window.document.article.blocks
        if len(blocks) < 2:
            return None
        block = self.rng.choice(blocks)
        self.window.composer.blocks.move_blocks([block.id], self.rng.randint(0, len(blocks)))
        return "move:block"

    def rotate_photo(self) -> str | None:
        photos = self._segments("image")
        if not photos:
            return None
        self.rng.choice(photos).rotate_button.click()
        return "rotate:photo"

    def remove_photo(self) -> str | None:
        photos = self._segments("image")
        if len(photos) < 2:
            return None
        self.rng.choice(photos).remove_button.click()
        return "remove:photo"

    def add_block(self) -> str:
        kind = self.rng.choice(["paragraph", "heading", "quote"])
        self.window.composer.blocks.add_block(kind)
        return f"add:{kind}"

    def add_related(self) -> str:
        related = self.window.composer.fields.related
        if len(self.window.document.article.related) < 4:
            related.add_row()
        row = self.rng.choice(related._rows)
        self._type(row.title, self._words())
        return "type:related"

    def undo(self) -> str:
        for _ in range(self.rng.randint(1, 5)):
            self.window.actions.undo.trigger()
        return "undo"

    def redo(self) -> str:
        for _ in range(self.rng.randint(1, 5)):
            self.window.actions.redo.trigger()
        return "redo"

    def switch_width(self) -> str:
        width = self.rng.choice(list(self.window.actions.widths))
        self.window.actions.widths[width].trigger()
        return f"width:{width.name.lower()}"


def singleton_counts() -> dict[str, int]:
    return {"None": sys.getrefcount(None), "True": sys.getrefcount(True), "False": sys.getrefcount(False)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["random", "type"])
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--keys", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--article", type=Path)
    parser.add_argument("--no-guard", action="store_true", help="leave None/True/False mortal (to reproduce the abort)")
    args = parser.parse_args()
    faulthandler.enable()  # a crash prints where Python was: the parent shows it

    if args.no_guard:
        import ui.common.refcount_guard

        ui.common.refcount_guard.make_singletons_immortal = lambda: False  # type: ignore[assignment]
    from PySide6.QtCore import QTimer

    from ui.app import create_application

    app = create_application([])
    folder = isolate()
    faults = Faults()
    from editor.workspace import Workspace
    from ui.window.main_window import MainWindow

    window = MainWindow(Workspace(folder / "workspace.sqlite"))
    window.resize(1400, 900)
    window.show()
    if args.article:
        window.files.open_path(args.article)
    rng = random.Random(args.seed)
    edits = RandomEdits(window, rng, make_photos(folder / "photos", 6))
    started = time.monotonic()
    counts_at_start = singleton_counts()
    state = {"steps": 0, "longest_step_ms": 0.0, "autosaves": 0, "checks": 0}
    window.autosaver.saved.connect(lambda: state.__setitem__("autosaves", state["autosaves"] + 1))
    window.checklist.updated.connect(lambda: state.__setitem__("checks", state["checks"] + 1))

    def finish(error: str | None = None) -> None:
        after = singleton_counts()
        result = {
            "mode": args.mode, "seed": args.seed, "seconds": round(time.monotonic() - started, 1),
            "steps": state["steps"], "keys": edits.keys, "edits": dict(sorted(edits.counts.items())),
            "blocks": len(window.document.article.blocks), "photos": len(window.document.article.images()),
            "body_characters": sum(len(getattr(block, "text", "")) for block in window.document.article.blocks),
            "undo_steps": window.document.undo_stack.count(), "autosaves": state["autosaves"], "checks": state["checks"],
            "longest_step_ms": round(state["longest_step_ms"], 1),
            "singleton_drift": {k: after[k] - counts_at_start[k] for k in after},
            "faults": len(faults.messages) + (1 if error else 0), "fault_messages": faults.messages[:5] + ([error] if error else []),
        }
        print("RESULT " + json.dumps(result, ensure_ascii=False), flush=True)
        sys.stderr.flush()
        os._exit(1 if result["faults"] else 0)  # no finalization: see the docstring

    def ready() -> bool:
        article = window.document.article
        return not window.preview.is_loading() and (args.article is None or article.title != "")

    def random_step() -> None:
        if time.monotonic() - started > args.seconds:
            finish()
            return
        begun = time.perf_counter()
        try:
            edits.step()
        except Exception:  # noqa: BLE001 (a fault of the app or of the driver: both are reported)
            faults.messages.append(traceback.format_exc()[-1500:])
        state["longest_step_ms"] = max(state["longest_step_ms"], (time.perf_counter() - begun) * 1000)
        state["steps"] += 1
        # A human rhythm, and every 40 edits a pause so autosave and checks run.
        QTimer.singleShot(2000 if state["steps"] % 40 == 0 else rng.randint(5, 60), random_step)

    def typing_step() -> None:
        if edits.keys >= args.keys:
            finish()
            return
        segments = [s for s in window.composer.blocks.segments() if s.kind == "text"]
        editor = segments[len(segments) // 2].editor
        if not editor.hasFocus():
            editor.setFocus()
        begun = time.perf_counter()
        try:
            char = TYPED[edits.keys % len(TYPED)]
            send_text(editor, char)
            edits.keys += 1
        except Exception:  # noqa: BLE001
            faults.messages.append(traceback.format_exc()[-1500:])
        state["longest_step_ms"] = max(state["longest_step_ms"], (time.perf_counter() - begun) * 1000)
        state["steps"] += 1
        QTimer.singleShot(2000 if state["steps"] % 500 == 0 else 0, typing_step)

    def start() -> None:
        if not ready():
            if time.monotonic() - started > 300:
                finish("the window never became ready")
            QTimer.singleShot(50, start)
            return
        (random_step if args.mode == "random" else typing_step)()

    QTimer.singleShot(0, start)
    app.exec()
    finish("the event loop ended early")


if __name__ == "__main__":
    main()
