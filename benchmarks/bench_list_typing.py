"""Benchmark typing in a list block (issue 18, item 1): a keystroke in a
list reads the whole list back from its editor (its items are one field of
the model), so its cost grows with the number of items. Prints, for lists
of 3, 30 and 300 items, the mean time of a key typed into the last item
(the form's work and the undo step, no preview), and the load average.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_list_typing.py [--keys K]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=200)
    arguments = parser.parse_args()

    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent, QTextCursor
    from PySide6.QtWidgets import QApplication

    from editor.model import Article, ListBlock
    from ui.common.image_cache import ImageCache
    from ui.document.document import Document
    from ui.form.composer import Composer

    app = QApplication.instance() or QApplication(sys.argv)
    for size in (3, 30, 300):
        document = Document()
        document.load(Article(blocks=[ListBlock(id="l", items=tuple(f"Mục số {n} của danh sách" for n in range(size)))]), None)
        composer = Composer(document, ImageCache())
        composer.resize(700, 900)
        composer.show()
        while not composer.blocks.is_complete():
            app.processEvents()
        segment = composer.blocks.segment_of("l")
        assert segment is not None
        edit = segment.editor  # type: ignore[attr-defined]
        edit.setFocus()
        edit.moveCursor(QTextCursor.MoveOperation.End)
        app.processEvents()
        started = time.perf_counter()
        for _ in range(arguments.keys):
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(edit, QKeyEvent(kind, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a"))
        per_key = (time.perf_counter() - started) / arguments.keys * 1000
        load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
        print(f"{size:4d} items: {per_key:6.2f} ms a key (load average {load}, {os.cpu_count()} cores)")
        composer.hide()  # kept, not deleted: widgets made in Python are never deleted while the app runs


if __name__ == "__main__":
    main()
