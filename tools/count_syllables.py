"""Counts how often each syllable occurs in the Vietnamese administrative
documents of tests/corpus/docx-vietnamese-gov (public documents, not under
copyright: Vietnam's IP law, art. 15) and writes
resources/spelling/frequency.tsv, which the spell check uses to rank its
suggestions ("duong": đường before duông). Run it again when that corpus
grows: ``python tools/count_syllables.py``.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from editor.atomic import atomic_write  # noqa: E402
from editor.find_replace import texts_of  # noqa: E402
from editor.syllables import all_syllables  # noqa: E402
from editor.text import inline_to_plain  # noqa: E402
from editor.vietnamese import NEW, place_tone_marks  # noqa: E402
from editor.word_import import import_docx  # noqa: E402

CORPUS = ROOT / "tests" / "corpus" / "docx-vietnamese-gov"
TARGET = ROOT / "resources" / "spelling" / "frequency.tsv"


def main() -> None:
    counts: Counter[str] = Counter()
    for path in sorted(CORPUS.glob("*.docx")):
        for _, text in texts_of(import_docx(path).article):
            for word in re.findall(r"[^\W\d_]+", inline_to_plain(text).lower()):
                word = place_tone_marks(word, NEW)  # one style: the counts are of syllables, not spellings
                if word in all_syllables():
                    counts[word] += 1
    lines = ["# syllable<TAB>occurrences in tests/corpus/docx-vietnamese-gov (tools/count_syllables.py)"]
    lines += [f"{word}\t{count}" for word, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    atomic_write(TARGET, lambda file: file.write(data))
    print(f"{len(counts)} syllables, {sum(counts.values())} occurrences -> {TARGET}")


if __name__ == "__main__":
    main()
