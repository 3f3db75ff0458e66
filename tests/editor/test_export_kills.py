"""The interchange export (``DIR/article.json``) killed at random moments:
the folder always holds one whole version, never an old article.json
beside new photos, and the next export tidies away what the kills left."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

from PIL import Image, ImageStat

from tests.export_kill_child import colour_of

ROOT = Path(__file__).resolve().parents[2]
KILLS = 60


def _exported_version(folder: Path) -> int:
    """The version the folder holds, checked photo by photo."""
    data = json.loads((folder / "article.json").read_text(encoding="utf-8"))
    number = int(data["lead"].split()[1])
    sources = [block["src"] for block in data["blocks"] if block["type"] == "image"]
    assert len(sources) == 3
    for index, src in enumerate(sources):
        with Image.open(folder / src) as photo:
            mean = ImageStat.Stat(photo.convert("RGB")).mean
        expected = colour_of(number, index)
        assert max(abs(a - b) for a, b in zip(mean, expected, strict=True)) < 12, f"version {number}'s photo {index} is another version's"
    on_disk = {f"images/{path.name}" for path in (folder / "images").iterdir() if path.name != "logo.png"}
    assert on_disk == set(sources), "photos of another version are left in images/"
    return number


def _last(lines: list[str], word: str) -> int | None:
    numbers = [int(line.split()[1]) for line in lines if line.startswith(word + " ")]
    return numbers[-1] if numbers else None


def test_kills_never_leave_an_old_article_json_beside_new_photos(tmp_path: Path) -> None:
    folder = tmp_path / "handover"
    target = folder / "article.json"
    rng = random.Random(20261201)
    exported, inside = -1, 0
    for _ in range(KILLS):
        child = subprocess.Popen([sys.executable, "-m", "tests.export_kill_child", str(target), str(exported + 1)],
                                 cwd=ROOT, stdout=subprocess.PIPE, text=True, encoding="utf-8",
                                 env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, 0.25))
        child.kill()
        lines = [line.strip() for line in child.stdout.read().splitlines()]
        child.wait()
        child.stdout.close()
        done, started = _last(lines, "exported"), _last(lines, "exporting")
        if started is not None and started != done:
            inside += 1
        candidates = {exported if done is None else done} | ({started} if started is not None else set())
        if not target.exists():
            # Only before the very first export has finished, or if a kill
            # fell between setting the old folder aside and moving the new one in.
            assert exported == -1 or list(tmp_path.glob(".handover.old.*")), "the previous export vanished"
            continue
        exported = _exported_version(folder)
        assert exported in candidates
    assert inside >= KILLS // 4, f"only {inside} of {KILLS} kills landed inside an export"
    assert exported > 5

    # What the kills left beside the folder goes at the next export, once stale.
    leftovers = [p for p in tmp_path.iterdir() if p.name.startswith(".handover.")]
    assert leftovers, "no kill left a partial folder: the test did not test the tidying"
    for leftover in leftovers:
        os.utime(leftover, (time.time() - 3600, time.time() - 3600))
    subprocess.run([sys.executable, "-c", "import sys; from tests.export_kill_child import *; "
                    "export_article(version(int(sys.argv[1])), SiteProfile(), Path(sys.argv[2]), ExportOptions(force=True))",
                    str(exported + 1), str(target)], cwd=ROOT, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert _exported_version(folder) == exported + 1
    assert [p.name for p in tmp_path.iterdir()] == ["handover"]
