"""Measure: how many numbered list items of the Word corpus the import shows
with the number Word shows, taking pandoc's reading as the judge.

pandoc's docx reader counts numbering itself (start values, continuations,
overrides), independently of ours. For pandoc's own files its expected
reading is in ``tests/corpus/docx-pandoc/native/``; for the other corpora
the ``pandoc`` program is run when it is installed (Debian: ``pandoc``).
Every item of every ``OrderedList`` pandoc reads is looked for, in order,
among the article's paragraphs: it counts as right when the paragraph is
the item's text after the label pandoc would print ("a)", "(iv)", "3."; for
a multi-level "1.2." the last number and pandoc's style).

    .venv/bin/python benchmarks/measure_numbering.py [--verbose]
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "benchmarks"))
from runs import load_average  # noqa: E402

from editor.errors import DocumentImportError  # noqa: E402
from editor.word_import import import_docx  # noqa: E402
from tests.editor.pandoc_native import NumberedItem, label, lines_as_shown, numbered_items, parse_items  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"


def pandoc_items(path: Path) -> list[NumberedItem] | None:
    native = path.parent / "native" / f"{path.stem}.native"
    if native.is_file():
        return numbered_items(native)
    if shutil.which("pandoc") is None:
        return None
    run = subprocess.run(["pandoc", "-t", "native", str(path)], capture_output=True, text=True, timeout=120)
    return parse_items(run.stdout) if run.returncode == 0 else None


def agrees(shown: str, item: NumberedItem) -> bool:
    expected = label(item.number, item.style, item.delimiter)
    if shown == expected or item.style == "DefaultStyle":
        return True
    if item.delimiter == "DefaultDelim":  # "1.2", "1.2.": pandoc only says the last number
        last = re.search(r"(\w+)\W*$", shown)
        return last is not None and last.group(1) == re.sub(r"\W", "", expected)
    return False


def compare(path: Path, items: list[NumberedItem], verbose: bool) -> int:
    try:
        article = import_docx(path).article
    except DocumentImportError:
        return 0
    paragraphs = lines_as_shown(article.blocks)  # a list block's items with the numbers its list shows
    right, last = 0, -1
    for item in items:
        for index in range(last + 1, len(paragraphs)):
            shown, _, rest = paragraphs[index].partition(" ")
            if rest == item.text and re.search(r"\w", shown):  # a bulleted "• A" is not the numbered "1. A"
                last = index
                if agrees(shown, item):
                    right += 1
                elif verbose:
                    print(f"    {path.name}: {shown!r} where pandoc reads {label(item.number, item.style, item.delimiter)!r}: {item.text[:50]!r}")
                break
        else:
            if verbose:
                print(f"    {path.name}: not found: {label(item.number, item.style, item.delimiter)} {item.text[:50]!r}")
    return right


def main() -> int:
    verbose = "--verbose" in sys.argv
    print(f"measure_numbering ({load_average()}); pandoc {'installed' if shutil.which('pandoc') else 'not installed: only docx-pandoc'}")
    grand_right = grand_total = 0
    for folder in sorted(CORPUS.glob("docx-*")):
        right = total = 0
        for path in sorted(folder.glob("*.docx")):
            items = pandoc_items(path)
            if not items:
                continue
            total += len(items)
            right += compare(path, items, verbose)
        if total:
            print(f"  {folder.name}: {right} of {total} numbered items as pandoc reads them")
        grand_right += right
        grand_total += total
    print(f"  all: {grand_right} of {grand_total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
