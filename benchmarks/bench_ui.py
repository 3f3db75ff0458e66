"""Benchmark the window: launch to first preview paint, keystroke to preview
paint on a long article, and memory of the whole process tree.

Targets (issue 3): launch under 2 s; keystroke p95 under 50 ms on 3,000
words with 20 photos; under 400 MB PSS with 50 photos of 12 MP. Each figure
comes from a fresh child process running the real window (offscreen).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_export import camera_jpeg  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PROBE = Path(__file__).resolve().parent / "ui_probe.py"
EXAMPLE = ROOT / "resources" / "examples" / "le-chan" / "article.json"
WORDS = ("Ban Chỉ đạo quận đã kịp thời tham mưu tăng cường công tác nắm bắt định hướng dư luận xã hội "
         "tuyên truyền đấu tranh phản bác các quan điểm sai trái thù địch trên không gian mạng").split()


def long_article(folder: Path, photos: int, words: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    blocks = []
    paragraphs = max(photos * 2, 30)
    per_paragraph = words // paragraphs
    for index in range(paragraphs):
        text = " ".join(WORDS[(index + n) % len(WORDS)] for n in range(per_paragraph)).capitalize() + "."
        blocks.append({"type": "paragraph", "text": text})
        if index % 2 == 1 and index // 2 < photos:
            name = f"photos/{index // 2 + 1:02d}.jpg"
            (folder / name).parent.mkdir(exist_ok=True)
            (folder / name).write_bytes(camera_jpeg(index // 2))
            blocks.append({"type": "image", "src": name, "caption": f"Ảnh {index // 2 + 1}.", "alt": "Ảnh hội nghị"})
    data = {"format": "article/1", "title": f"Bài dài {words} chữ, {photos} ảnh", "url": "https://haiphong.gov.vn/a.html", "blocks": blocks}
    path = folder / "article.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def probe(*args: str) -> dict:
    result = subprocess.run([sys.executable, str(PROBE), *args], capture_output=True, text=True, timeout=1200)
    for line in result.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    raise RuntimeError(result.stderr[-2000:])


def tree_pss_mb(pid: int) -> float:
    """PSS of a process and all its descendants (QtWebEngine's helpers)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    total_kb, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo.extend(children.get(current, []))
        try:
            for line in (Path("/proc") / str(current) / "smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total_kb += int(line.split()[1])
        except OSError:
            pass
    return total_kb / 1024


def memory(article: str) -> float:
    child = subprocess.Popen([sys.executable, str(PROBE), "memory", article], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        for line in child.stdout:
            if line.strip() == "READY":
                return tree_pss_mb(child.pid)
        raise RuntimeError("the window never became ready")
    finally:
        child.kill()
        child.wait()


def main() -> int:
    if not sys.platform.startswith("linux"):
        print("bench_ui: reads /proc; run it on Linux")
        return 0
    print(f"bench_ui: {os.cpu_count()} cores, offscreen Qt", flush=True)
    launches = [probe("launch", str(EXAMPLE), repr(time.time()))["launch_to_first_paint_s"] for _ in range(3)]
    print(f"  launch to first preview paint (example article): best {min(launches):.2f} s, worst {max(launches):.2f} s (target < 2 s)", flush=True)
    with tempfile.TemporaryDirectory() as temp:
        print("  making a 3,000-word article with 20 photos of 12 MP …", flush=True)
        long = long_article(Path(temp) / "long", photos=20, words=3000)
        typing = probe("typing", str(long))
        print(f"  keystroke to preview painted ({typing['keystrokes']} keys): p50 {typing['p50_ms']:.1f} ms, "
              f"p95 {typing['p95_ms']:.1f} ms, max {typing['max_ms']:.1f} ms (target p95 < 50 ms)", flush=True)
        print("  making an article with 50 photos of 12 MP …", flush=True)
        fifty = long_article(Path(temp) / "fifty", photos=50, words=2000)
        empty = memory("-")
        full = memory(str(fifty))
        print(f"  memory, whole process tree (PSS): empty article {empty:.0f} MB; 50 photos of 12 MP {full:.0f} MB (target < 400 MB)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
