"""Benchmark photos: the app's export against libvips and ImageMagick, each
run as fast as it fairly can, and the window's longest stall while 20
photos of 12 MP are dropped at once.

Every tool makes the same two sizes (fitted within 1600 and 800 px, turned
upright, metadata stripped, progressive JPEG quality 82) from the same 20
camera-like photos (4000×3000 of noise, 5 MB, EXIF orientation 6 and GPS),
and decodes each photo once for both sizes, at reduced scale:

- Tòa Soạn: ``main.py export`` in a fresh process (Python's start, reading
  the article and writing the page included), its own thread per core;
- libvips, the faster of two ways, round by round:
  - ``vipsthumbnail`` on the command line, one process per core, each given
    its share of the photos at once (its own threads; shrink-on-load): the
    1600 px from the originals, then the 800 px from those;
  - pyvips in one process: each photo's 1600 px thumbnail (shrink-on-load)
    kept in memory, saved, and the 800 px made from it, one photo per core;
- ImageMagick: one ``convert`` per photo, one per core, with
  ``-define jpeg:size=`` (libjpeg's reduced-scale decoding, as ours) and both
  sizes written from the one decode (``-write``).

Rounds are interleaved (ours, libvips, ImageMagick, then again) so a change
in the machine's load falls on every tool alike; each figure is printed with
the load average, and the median and p95 over the rounds. Goals: export
≤ 1.0× libvips' time (issue 14), faster than ImageMagick; no UI stall above
50 ms (issue 20).

    python benchmarks/bench_images.py [ROUNDS]
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_export import PHOTOS, make_article, measure  # noqa: E402
from runs import REPEATS, load_average, p95, summary  # noqa: E402

QUALITY = 82
SIZES = (1600, 800)


CPU: dict[str, float] = {}  # the last run's CPU time (user + system, s) by tool


def timed(commands: list[list[str]], workers: int, tool: str) -> tuple[float, float]:
    """Run the commands ``workers`` at a time; wall time and peak memory (MB)
    of the largest single process (from /usr/bin/time), which also gives
    their CPU time, kept in ``CPU[tool]``."""
    start = time.perf_counter()
    peak = 0.0
    running: list[subprocess.Popen[str]] = []
    queue = list(commands)
    while queue or running:
        while queue and len(running) < workers:
            running.append(subprocess.Popen(["/usr/bin/time", "-f", "%M %U %S", *queue.pop(0)], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True))
        process = running.pop(0)
        _, err = process.communicate()
        if process.returncode:
            raise RuntimeError(err)
        memory, user, system = err.strip().splitlines()[-1].split()
        peak = max(peak, int(memory) / 1024)
        CPU[tool] = CPU.get(tool, 0.0) + float(user) + float(system)
    return time.perf_counter() - start, peak


def run_in_stages(stages: list[list[list[str]]], tool: str) -> tuple[float, float]:
    """Each stage's commands at once (one per core), the stages one after the other."""
    wall, peak = 0.0, 0.0
    for commands in stages:
        stage_wall, stage_peak = timed(commands, len(commands), tool)
        wall, peak = wall + stage_wall, max(peak, stage_peak)
    return wall, peak


def fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def folder_size(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def vips_cli(vipsthumbnail: str, photos: list[Path], out: Path, cores: int) -> tuple[float, float]:
    options = f"[Q={QUALITY},strip,interlace]"
    shares = [photos[n::cores] for n in range(cores)]
    large = [[vipsthumbnail, "--size", "1600x1600", "-o", f"{out}/%s-1600.jpg{options}", *map(str, share)] for share in shares]

    def small(n: int) -> list[str]:
        return [vipsthumbnail, "--size", "800x800", "-o", f"{out}/%s-800.jpg{options}",
                *(str(out / f"{p.stem}-1600.jpg") for p in shares[n])]

    return run_in_stages([large, [small(n) for n in range(cores)]], "vips")


def pyvips_in_process(photos: list[Path], out: Path, cores: int) -> float:
    import pyvips

    def convert(photo: Path) -> None:
        large = pyvips.Image.thumbnail(str(photo), 1600, height=1600).copy_memory()  # decoded once, at reduced scale
        large.jpegsave(str(out / f"{photo.stem}-1600.jpg"), Q=QUALITY, strip=True, interlace=True)
        large.thumbnail_image(800, height=800).jpegsave(str(out / f"{photo.stem}-800.jpg"), Q=QUALITY, strip=True, interlace=True)

    start, cpu = time.perf_counter(), time.process_time()
    with ThreadPoolExecutor(cores) as pool:
        list(pool.map(convert, photos))
    CPU["pyvips"] = time.process_time() - cpu
    return time.perf_counter() - start


def magick_commands(magick: str, photos: list[Path], out: Path) -> list[list[str]]:
    with Image.open(photos[0]) as first:
        width, height = first.size  # as stored: the hint is for the decoder, before -auto-orient
    scale = 1600 / max(width, height)
    hint = f"{round(width * scale)}x{round(height * scale)}"
    return [
        [magick, "-define", f"jpeg:size={hint}", str(p), "-auto-orient", "-strip", "-resize", "1600x1600>",
         "-quality", str(QUALITY), "-interlace", "Plane", "-write", str(out / f"{p.stem}-1600.jpg"),
         "-resize", "800x800>", str(out / f"{p.stem}-800.jpg")]
        for p in photos
    ]


def stall_while_dropping(photos: list[Path]) -> dict[str, float]:
    probe = Path(__file__).resolve().parent / "stall_probe.py"
    result = subprocess.run([sys.executable, str(probe), *map(str, photos)], capture_output=True, text=True, timeout=900)
    for line in result.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    raise RuntimeError(result.stderr[-2000:])


def main() -> int:
    if not sys.platform.startswith("linux"):
        print("bench_images: uses /usr/bin/time and /proc; run it on Linux")
        return 0
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else REPEATS
    vipsthumbnail = shutil.which("vipsthumbnail")
    magick = shutil.which("convert-im6.q16") or shutil.which("magick")
    try:
        import pyvips  # noqa: F401
    except (ImportError, OSError):
        pyvips = None
    if not (vipsthumbnail and magick and pyvips and Path("/usr/bin/time").exists()):
        print("bench_images: needs vipsthumbnail (libvips-tools), pyvips (pip), ImageMagick and /usr/bin/time (time)")
        return 1
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        print(f"bench_images: making {PHOTOS} photos of 4000×3000 …", flush=True)
        source = make_article(folder / "src")
        photos = sorted((folder / "src" / "photos").iterdir())
        print(f"  machine: {cores} cores; {rounds} interleaved rounds", flush=True)
        figures: dict[str, list[float]] = {"ours": [], "vips": [], "pyvips": [], "libvips": [], "magick": []}
        ratios: dict[str, list[float]] = {"libvips": [], "magick": []}
        peaks: dict[str, float] = {"ours": 0.0, "vips": 0.0, "magick": 0.0}
        for number in range(rounds):
            ours = measure(source, fresh(folder / "ours") / "bundle")
            CPU.clear()
            vips_time, vips_peak = vips_cli(vipsthumbnail, photos, fresh(folder / "vips"), cores)
            pyvips_time = pyvips_in_process(photos, fresh(folder / "pyvips"), cores)
            for tool in ("vips", "pyvips"):
                figures.setdefault(f"{tool}_cpu", []).append(CPU.get(tool, 0.0))
            magick_time, magick_peak = timed(magick_commands(magick, photos, fresh(folder / "magick")), cores, "magick")
            libvips = min(vips_time, pyvips_time)
            for name, value in (("ours", ours["wall"]), ("vips", vips_time), ("pyvips", pyvips_time), ("libvips", libvips), ("magick", magick_time)):
                figures[name].append(value)
            ratios["libvips"].append(ours["wall"] / libvips)
            ratios["magick"].append(ours["wall"] / magick_time)
            peaks["ours"] = max(peaks["ours"], ours["peak_mb"])
            peaks["vips"] = max(peaks["vips"], vips_peak)
            peaks["magick"] = max(peaks["magick"], magick_peak)
            figures.setdefault("ours_cpu", []).append(ours["cpu"])
            figures.setdefault("magick_cpu", []).append(CPU.get("magick", 0.0))
            print(f"    round {number + 1}: ours {ours['wall']:.2f} s ({ours['cpu']:.2f} s CPU), vipsthumbnail {vips_time:.2f} s, "
                  f"pyvips {pyvips_time:.2f} s, ImageMagick {magick_time:.2f} s → ours/libvips {ratios['libvips'][-1]:.2f}× [{load_average()}]", flush=True)
        print(f"  Tòa Soạn export: {summary(figures['ours'], 's', 2)}; peak {peaks['ours']:.0f} MB (one process), "
              f"images {folder_size(folder / 'ours' / 'bundle' / 'images'):.1f} MB")
        print("  CPU time (user + system, every thread and process), which the machine's load does not change much:")
        for tool, label in (("ours", "Tòa Soạn export"), ("vips", "vipsthumbnail"), ("pyvips", "pyvips"), ("magick", "ImageMagick")):
            print(f"    {label}: {summary(figures[f'{tool}_cpu'], 's', 2)}")
        print(f"  vipsthumbnail, {cores} processes, 1600 then 800 from it: {summary(figures['vips'], 's', 2)}; peak {peaks['vips']:.0f} MB a process")
        print(f"  pyvips in process, {cores} threads: {summary(figures['pyvips'], 's', 2)}; images {folder_size(folder / 'pyvips'):.1f} MB")
        print(f"  libvips, the faster of the two each round: {summary(figures['libvips'], 's', 2)}")
        print(f"  ImageMagick, -define jpeg:size, both sizes from one decode: {summary(figures['magick'], 's', 2)}; "
              f"peak {peaks['magick']:.0f} MB a process, images {folder_size(folder / 'magick'):.1f} MB")
        print(f"  → ours / libvips: median {statistics.median(ratios['libvips']):.2f}×, p95 {p95(ratios['libvips']):.2f}× (goal ≤ 1.0×)")
        print(f"  → ours / ImageMagick: median {statistics.median(ratios['magick']):.2f}×, p95 {p95(ratios['magick']):.2f}× (goal < 1×)")
        print(f"  [{load_average()}]", flush=True)
        stalls, busy = [], []
        for _ in range(rounds):
            result = stall_while_dropping(photos)
            stalls.append(result["longest_stall_ms"])
            busy.append(result["longest_busy_ms"])
            states = result.get("ui_thread_states_in_gaps", {})
            runnable = 100 * states.get("R", 0) / max(1, sum(states.values()))
            print(f"    stall {stalls[-1]:.0f} ms, the UI thread's own work within one gap at most {busy[-1]:.0f} ms; "
                  f"in gaps over 50 ms it was runnable (waiting for a core) in {runnable:.0f} % of samples {states} [{load_average()}]", flush=True)
        print(f"  longest UI stall while the 20 photos are dropped on the window: {summary(stalls, 'ms')} (goal ≤ 50 ms)")
        print(f"  the UI thread's own CPU time within one gap: {summary(busy, 'ms')} [{load_average()}]", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
