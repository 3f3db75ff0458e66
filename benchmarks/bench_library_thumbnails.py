"""What the drafts library spends on its cover thumbnails: 20 drafts, each
with a camera-like 12 MP cover (5 MB), saved twice: as the window saves
them (each carries its photos' preview copies) and as the command line
does (none). Each run, in this process, makes the 20 thumbnails of one
set and then of the other, with the library's own function
(``ui.library.library_panel._thumbnails``, the job its worker runs for
each page of 20 rows); printed: wall and CPU time per set, with the load
average.

    python benchmarks/bench_library_thumbnails.py [-n RUNS]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from runs import REPEATS, load_average, summary  # noqa: E402

COVERS = 20


def drafts(folder: Path) -> dict[str, list[object]]:
    """The two sets of drafts, as the library lists them."""
    from editor.draft import MEDIA_FOLDER, save_draft
    from editor.images import prepare_preview
    from editor.library import LibraryEntry
    from editor.media import MemoryMedia
    from editor.model import Article, ImageBlock
    from editor.preview_copies import draft_name, serialize
    from tests.photos import camera_jpeg
    from ui.common.image_cache import DEFAULT_MAX_SIZE, PREVIEW_PHOTO_WIDTH, THUMBNAIL_SIZE

    sets: dict[str, list[object]] = {"carrying copies (saved by the window)": [], "without copies (the command line's)": []}
    for index in range(COVERS):
        original = camera_jpeg(index)
        copy = serialize(prepare_preview(original, "cover", PREVIEW_PHOTO_WIDTH))
        name = draft_name(0, None, PREVIEW_PHOTO_WIDTH, DEFAULT_MAX_SIZE, THUMBNAIL_SIZE)
        for label, carried in zip(sets, (True, False), strict=True):
            block = ImageBlock(src="cover.jpg", alt="Ảnh", media=MemoryMedia(original, "cover.jpg"))
            path = folder / f"{index:02d}-{'with' if carried else 'without'}.article"
            save_draft(Article(title=f"Bài {index}", blocks=[block]), path,
                       preview_copy_of=(lambda block, length, copy=copy, name=name: (name, copy)) if carried else None)
            cover = MEDIA_FOLDER + block.media.stored_name if block.media is not None else ""
            sets[label].append(LibraryEntry(str(path), f"Bài {index}", "draft", "", "", "", "", "", "", cover=cover))
    return sets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=REPEATS, help="runs")
    options = parser.parse_args()
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication([])  # noqa: F841 (Qt's image plugins)
    from ui.library.library_panel import _thumbnails

    print(f"bench_library_thumbnails: {os.cpu_count()} cores; {load_average()}", flush=True)
    with tempfile.TemporaryDirectory() as temp:
        sets = drafts(Path(temp))
        figures: dict[str, dict[str, list[float]]] = {label: {"wall": [], "cpu": []} for label in sets}
        for run in range(options.n):
            for label, entries in sets.items():
                wall, cpu = time.perf_counter(), time.process_time()
                thumbnails = _thumbnails(entries)  # type: ignore[arg-type]
                figures[label]["wall"].append(time.perf_counter() - wall)
                figures[label]["cpu"].append(time.process_time() - cpu)
                assert len(thumbnails) == COVERS, f"{len(thumbnails)} thumbnails of {COVERS}"
            print(f"  run {run + 1}: " + "; ".join(f"{label} {figures[label]['wall'][-1] * 1000:.0f} ms" for label in sets)
                  + f"; {load_average()}", flush=True)
    for label, measured in figures.items():
        print(f"  {COVERS} cover thumbnails, drafts {label}: wall {summary(measured['wall'], 's', 3)}, "
              f"CPU {summary(measured['cpu'], 's', 3)}", flush=True)


if __name__ == "__main__":
    main()
