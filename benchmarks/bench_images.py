"""Benchmark photos: the app's export against libvips and ImageMagick, and
the window's longest stall while 20 photos of 12 MP are dropped at once.

Each tool makes the same two sizes (fitted within 1600 and 800 px) at the
same JPEG quality from the same 20 camera-like photos (4000×3000, 5 MB,
EXIF orientation 6 and GPS). Goals (issue 4): within 1.5× of libvips'
time, faster than ImageMagick; no stall above 50 ms.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_export import PHOTOS, make_article, measure  # noqa: E402

QUALITY = "82"


def timed(commands: list[list[str]], workers: int) -> tuple[float, float]:
    """Run the commands ``workers`` at a time; wall time and peak memory (MB)
    of the largest single process (from /usr/bin/time)."""
    start = time.perf_counter()
    peak = 0.0
    running: list[subprocess.Popen[str]] = []
    queue = list(commands)
    while queue or running:
        while queue and len(running) < workers:
            running.append(subprocess.Popen(["/usr/bin/time", "-f", "%M", *queue.pop(0)], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True))
        process = running.pop(0)
        _, err = process.communicate()
        if process.returncode:
            raise RuntimeError(err)
        peak = max(peak, int(err.strip().splitlines()[-1]) / 1024)
    return time.perf_counter() - start, peak


def folder_size(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def stall_while_dropping(photos: list[Path]) -> float:
    probe = Path(__file__).resolve().parent / "stall_probe.py"
    result = subprocess.run([sys.executable, str(probe), *map(str, photos)], capture_output=True, text=True, timeout=900)
    for line in result.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])["longest_stall_ms"]
    raise RuntimeError(result.stderr[-2000:])


def main() -> int:
    if not sys.platform.startswith("linux"):
        print("bench_images: uses /usr/bin/time and /proc; run it on Linux")
        return 0
    vips = shutil.which("vipsthumbnail")
    magick = shutil.which("convert-im6.q16") or shutil.which("magick")
    if not (vips and magick and Path("/usr/bin/time").exists()):
        print("bench_images: needs vipsthumbnail (libvips-tools), ImageMagick and /usr/bin/time (time)")
        return 1
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        print(f"bench_images: making {PHOTOS} photos of 4000×3000 …", flush=True)
        source = make_article(folder / "src")
        photos = sorted((folder / "src" / "photos").iterdir())
        ours = min((measure(source, folder / f"ours-{n}") for n in range(3)), key=lambda r: r["wall"])
        ours_size = folder_size(folder / "ours-0" / "images")

        vips_out = folder / "vips"
        vips_out.mkdir()
        vips_commands = [
            [vips, str(p), "--size", f"{size}x{size}", "-o", f"{vips_out}/%s-{size}.jpg[Q={QUALITY},strip,interlace]"]
            for p in photos for size in (1600, 800)
        ]
        vips_time, vips_peak = min((timed(vips_commands, cores) for _ in range(3)), key=lambda r: r[0])

        magick_out = folder / "magick"
        magick_out.mkdir()
        magick_commands = [
            [magick, str(p), "-auto-orient", "-strip", "-resize", f"{size}x{size}>", "-quality", QUALITY,
             "-interlace", "Plane", str(magick_out / f"{p.stem}-{size}.jpg")]
            for p in photos for size in (1600, 800)
        ]
        magick_time, magick_peak = timed(magick_commands, cores)

        print(f"  machine: {cores} cores; each tool runs {cores} at a time where it is separate processes")
        print(f"  Tòa Soạn export:  {ours['wall']:.2f} s, peak {ours['peak_mb']:.0f} MB (one process), images {ours_size:.1f} MB")
        print(f"  vipsthumbnail:    {vips_time:.2f} s, peak {vips_peak:.0f} MB per process, images {folder_size(vips_out):.1f} MB"
              f"  → ours is {ours['wall'] / vips_time:.2f}× libvips' time (goal ≤ 1.5×)")
        print(f"  ImageMagick:      {magick_time:.2f} s, peak {magick_peak:.0f} MB per process, images {folder_size(magick_out):.1f} MB"
              f"  → ours is {ours['wall'] / magick_time:.2f}× ImageMagick's time (goal < 1)")
        stall = stall_while_dropping(photos)
        print(f"  longest UI stall while the 20 photos are dropped on the window: {stall:.0f} ms (goal ≤ 50 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
