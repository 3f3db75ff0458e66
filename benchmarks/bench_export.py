"""Benchmark: export an article with 20 camera photos of 12 MP each.

Prints wall time, CPU time and the peak memory of the export process, for
the folder bundle and the single HTML file. Run it with
``python3 tasks.py bench``; the README keeps the latest figures.
"""

from __future__ import annotations

import io
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
PHOTOS = 20
SIZE = (4000, 3000)


def camera_jpeg(index: int) -> bytes:
    """A 12 MP JPEG of 4–6 MB, sideways with EXIF orientation 6 and GPS, like a phone's."""
    base = Image.new("RGB", SIZE, (60 + index * 8, 120, 180 - index * 5))
    noise = Image.effect_noise(SIZE, 48).convert("RGB")
    picture = Image.blend(base, noise, 0.25).transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x8825] = {1: "N", 2: (20.0, 50.0, 40.0), 3: "E", 4: (106.0, 40.0, 50.0)}
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=92, exif=exif.tobytes())
    return buffer.getvalue()


def make_article(folder: Path) -> Path:
    blocks = []
    for index in range(PHOTOS):
        name = f"photos/{index + 1:02d}.jpg"
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(camera_jpeg(index))
        blocks.append({"type": "image", "src": name, "caption": f"Ảnh {index + 1}", "alt": f"Ảnh số {index + 1}"})
        blocks.append({"type": "paragraph", "text": "Đoạn văn bản giữa các ảnh. " * 20})
    data = {"format": "article/1", "title": "Hai mươi ảnh 12 MP", "url": "https://haiphong.gov.vn/a.html", "blocks": blocks}
    path = folder / "article.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def measure(source: Path, target: Path) -> dict[str, float]:
    """Run one export in a child process; its peak memory is its own."""
    code = (
        "import sys, time\n"
        "from editor.cli import main\n"
        "start = time.perf_counter(); cpu = time.process_time()\n"
        f"status = main(['export', {str(source)!r}, '-o', {str(target)!r}])\n"
        "wall = time.perf_counter() - start; cpu = time.process_time() - cpu\n"
        # VmHWM belongs to this process image; ru_maxrss would carry over the
        # parent's peak through fork on Linux.
        "peak = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')) / 1024\n"
        "print(wall, cpu, peak, status, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    wall, cpu, peak, status = result.stderr.strip().splitlines()[-1].split()
    assert status == "0", result.stderr
    return {"wall": float(wall), "cpu": float(cpu), "peak_mb": float(peak)}


def main() -> int:
    if platform.system() != "Linux":
        print("bench_export: peak memory is read from /proc; run it on Linux")
        return 0
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        print(f"bench_export: making {PHOTOS} photos of {SIZE[0]}×{SIZE[1]} …", flush=True)
        source = make_article(folder / "src")
        total = sum(p.stat().st_size for p in (folder / "src/photos").iterdir())
        print(f"  input: {total / 1e6:.0f} MB of JPEG ({total / PHOTOS / 1e6:.1f} MB each)")
        print(f"  machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
        for label, name in (("folder bundle", "bundle"), ("single HTML file", "single.html")):
            runs = [measure(source, folder / f"{name}-{attempt}") for attempt in range(3)]
            best = min(runs, key=lambda r: r["wall"])
            output = folder / f"{name}-0"
            size = sum(p.stat().st_size for p in output.rglob("*")) if output.is_dir() else output.stat().st_size
            print(
                f"  {label}: {best['wall']:.2f} s wall (best of 3), {best['cpu']:.2f} s CPU, "
                f"peak memory {max(r['peak_mb'] for r in runs):.0f} MB, output {size / 1e6:.1f} MB"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
