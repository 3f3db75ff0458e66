"""Benchmark the spell check: the time to check one paragraph (what the
window's highlighter does on each change, without suggestions, and what the
checklist does, with them), the first use's cost of building the tables,
and the generated error set's figures (tests/editor/spelling_cases.py).

Target (issue 17): a paragraph is checked in <= 2 ms.

    python benchmarks/bench_spelling.py [-n RUNS]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from editor.spelling import Options, check_text, suggestions  # noqa: E402
from editor.syllables import all_syllables  # noqa: E402
from tests.editor.spelling_cases import REFERENCE  # noqa: E402
from tests.editor.test_spelling import measure  # noqa: E402


def per_paragraph(paragraphs: list[str], options: Options, runs: int, clock: object = time.perf_counter) -> list[float]:
    """Milliseconds per paragraph by ``clock``: wall time, or the thread's
    own CPU time (what the check costs, without the waits for a core that a
    busy machine adds)."""
    times = []
    for _ in range(runs):
        for paragraph in paragraphs:
            start = clock()  # type: ignore[operator]
            check_text(paragraph, options)
            times.append((clock() - start) * 1000)  # type: ignore[operator]
    return times


def highlighter_in_a_field(paragraphs: list[str], runs: int) -> None:
    """The window's own path: the form's ParagraphsEdit with its highlighter
    (offscreen Qt), each paragraph underlined again by Qt's rehighlightBlock,
    the text cache emptied so that each one is really checked."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from editor.model import Article, ParagraphBlock
    from ui.common.refcount_guard import make_singletons_immortal
    from ui.document.document import Document
    from ui.form.block_widgets import TextSegment

    make_singletons_immortal()  # as the app does (PySide6 6.12's void calls)
    app = QApplication.instance() or QApplication([])
    document = Document()
    document.load(Article(blocks=[ParagraphBlock(id=f"p{i}", text=text) for i, text in enumerate(paragraphs)]), None)
    segment = TextSegment(document, tuple(block.id for block in document.article.blocks))
    segment.show()
    app.processEvents()
    spelling_menu = segment.editor.spelling
    assert spelling_menu is not None
    highlighter = spelling_menu._highlighter
    checking: list[float] = []
    real = highlighter.findings

    def timed(text: str) -> object:
        start = time.thread_time()
        try:
            return real(text)
        finally:
            checking.append((time.thread_time() - start) * 1000)

    highlighter.findings = timed  # type: ignore[method-assign]
    times = []
    for _ in range(runs):
        block = segment.editor.document().firstBlock()
        while block.isValid():
            highlighter._checked.clear()
            start = time.thread_time()
            highlighter.rehighlightBlock(block)
            times.append((time.thread_time() - start) * 1000)
            block = block.next()
    for name, figures in (("checking (highlightBlock's own work)", checking), ("with Qt's relayout of the paragraph", times)):
        figures.sort()
        print(f"the form's highlighter, one paragraph underlined again, CPU, {name}: median {statistics.median(figures):.2f} ms, "
              f"p95 {figures[int(0.95 * len(figures))]:.2f} ms, max {figures[-1]:.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", "--runs", type=int, default=50)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f}")
    start = time.perf_counter()
    all_syllables()
    print(f"syllable set: {len(all_syllables())} syllables made in {(time.perf_counter() - start) * 1000:.0f} ms")
    start = time.perf_counter()
    suggestions("nguoi", "old")
    print(f"suggestion tables built in {(time.perf_counter() - start) * 1000:.0f} ms (first suggestion)")
    check_text("sáng lạn Quaanj", Options())  # the confused words' pattern, made on first use
    paragraphs = [line for line in REFERENCE.read_text(encoding="utf-8").splitlines() if len(line.split()) > 20]
    words = statistics.mean(len(p.split()) for p in paragraphs)
    longest = max(len(p.split()) for p in paragraphs)
    for name, options in (("highlighter (no suggestions)", Options(suggest=False)), ("checklist (suggestions)", Options())):
        for clock_name, clock in (("wall", time.perf_counter), ("CPU", time.thread_time)):
            times = sorted(per_paragraph(paragraphs, options, args.runs, clock))
            print(f"{name}, {clock_name}: {len(paragraphs)} paragraphs of {words:.0f} words on average (longest {longest}): "
                  f"median {statistics.median(times):.2f} ms, p95 {times[int(0.95 * len(times))]:.2f} ms, max {times[-1]:.2f} ms")
    # A paragraph full of faults, each needing suggestions (the worst case for the checklist).
    faulty = " ".join(["nguoi tóan Quaanj nườc dduwowngf"] * 10)
    times = sorted(per_paragraph([faulty], Options(), 20))
    print(f"a 50-word paragraph with 50 faults: median {statistics.median(times):.2f} ms (suggestions cached after the first run)")
    highlighter_in_a_field(paragraphs, args.runs)
    figures = measure()
    total = sum(t for t, _ in figures.values())
    caught = sum(c for _, c in figures.values())
    for kind, (cases, hit) in sorted(figures.items()):
        print(f"generated errors, {kind}: {hit}/{cases} caught with the right word in the first three ({100 * hit / cases:.1f}%)")
    print(f"generated errors, all: {caught}/{total} ({100 * caught / total:.1f}%)")
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
