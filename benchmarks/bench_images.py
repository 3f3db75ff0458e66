"""Benchmark photos: the app's export against libvips and ImageMagick, each
run as fast as it fairly can, and the window's longest stall while 20
photos of 12 MP are dropped at once.

Every tool does the same work: the same two sizes (fitted within 1600 and
800 px, turned upright, metadata stripped, progressive JPEG quality 82)
from the same 20 camera-like photos (4000×3000 of noise, 5 MB, EXIF
orientation 6 and GPS), each decoded once for both sizes, at reduced
scale; and from the cover (the first photo), the share card (1200×630) and
the structured data's three crops (1:1, 4:3, 16:9, 1200 px wide), which
the export makes for an article with a web address.

Every tool is timed as whole processes, from start to exit, as a user
running it waits for it (Python's start and imports included for ours and
for pyvips; process start for the command-line tools):

- Tòa Soạn: ``python main.py export`` in a fresh process (reading the
  article, writing the page and fsyncing the bundle included), its own
  thread per core;
- libvips, the faster of two ways, round by round:
  - ``vipsthumbnail`` on the command line, one process per core, each given
    its share of the photos at once (its own threads; shrink-on-load): the
    1600 px from the originals, then the 800 px from those, beside one
    process per share picture (``--smartcrop centre``);
  - pyvips in one Python process: each photo's 1600 px thumbnail
    (shrink-on-load) kept in memory, saved, and the 800 px made from it, one
    photo per core, and the share pictures as cropped thumbnails;
- ImageMagick: one ``convert`` per photo, one per core, with
  ``-define jpeg:size=`` (libjpeg's reduced-scale decoding, as ours) and both
  sizes written from the one decode (``-write``), and one more for the
  share pictures from the cover's one decode.

Rounds are interleaved (ours, libvips, ImageMagick, then again) so a change
in the machine's load falls on every tool alike; each figure is printed with
the load average, and the median and p95 over the rounds. Goals: export
≤ 1.0× libvips' time (issue 14), faster than ImageMagick; no UI stall above
50 ms (issue 20).

    python benchmarks/bench_images.py [ROUNDS] [--no-stall]

``--no-stall`` measures the export and the tools only, not the window.
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
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_export import PHOTOS, ROOT, make_article  # noqa: E402
from runs import REPEATS, load_average, p95, summary  # noqa: E402

sys.path.insert(0, str(ROOT))
from editor.share_images import CARD_SIZE, STRUCTURED_RATIOS, STRUCTURED_WIDTH  # noqa: E402

QUALITY = 82
SIZES = (1600, 800)
# What the export makes from the cover of an article with a web address: the card, then the crops.
SHARE = (("share", *CARD_SIZE), *((kind, STRUCTURED_WIDTH, round(STRUCTURED_WIDTH * high / wide)) for kind, wide, high in STRUCTURED_RATIOS))


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


def ours(source: Path, target: Path) -> dict[str, float]:
    """``python main.py export`` as a user runs it, timed from start to exit."""
    command = ["/usr/bin/time", "-f", "%M %U %S", sys.executable, str(ROOT / "main.py"), "export", str(source), "-o", str(target)]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if result.returncode:
        raise RuntimeError(result.stderr)
    memory, user, system = result.stderr.strip().splitlines()[-1].split()
    return {"wall": wall, "cpu": float(user) + float(system), "peak_mb": int(memory) / 1024}


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

    share = [[vipsthumbnail, "--size", f"{width}x{height}", "--smartcrop", "centre", "-o", f"{out}/%s-{kind}.jpg{options}", str(photos[0])]
             for kind, width, height in SHARE]
    return run_in_stages([large, [small(n) for n in range(cores)] + share], "vips")


PYVIPS_PROGRAM = """
import json
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyvips

out, cores, quality, share = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), json.loads(sys.argv[4])
photos = [Path(p) for p in sys.argv[5:]]

def convert(photo):
    large = pyvips.Image.thumbnail(str(photo), 1600, height=1600).copy_memory()  # decoded once, at reduced scale
    large.jpegsave(str(out / f"{photo.stem}-1600.jpg"), Q=quality, strip=True, interlace=True)
    large.thumbnail_image(800, height=800).jpegsave(str(out / f"{photo.stem}-800.jpg"), Q=quality, strip=True, interlace=True)

def cut(picture):
    kind, width, height = picture
    pyvips.Image.thumbnail(str(photos[0]), width, height=height, crop="centre").jpegsave(
        str(out / f"{photos[0].stem}-{kind}.jpg"), Q=quality, strip=True, interlace=True)

with ThreadPoolExecutor(cores) as pool:
    waits = [pool.submit(convert, photo) for photo in photos] + [pool.submit(cut, picture) for picture in share]
    for wait in waits:
        wait.result()
"""


def pyvips_process(photos: list[Path], out: Path, cores: int) -> tuple[float, float]:
    """pyvips in one Python process of its own (its start and import timed, as ours)."""
    program = [sys.executable, "-c", PYVIPS_PROGRAM, str(out), str(cores), str(QUALITY), json.dumps(SHARE), *map(str, photos)]
    return timed([program], 1, "pyvips")


def magick_commands(magick: str, photos: list[Path], out: Path) -> list[list[str]]:
    """One ``convert`` a photo, and one for the share pictures."""
    with Image.open(photos[0]) as first:
        width, height = first.size  # as stored: the hint is for the decoder, before -auto-orient
    return [*photo_commands(magick, photos, out, width, height), share_command(magick, photos[0], width, height, out)]


def photo_commands(magick: str, photos: list[Path], out: Path, width: int, height: int) -> list[list[str]]:
    scale = 1600 / max(width, height)
    hint = f"{round(width * scale)}x{round(height * scale)}"
    return [
        [magick, "-define", f"jpeg:size={hint}", str(p), "-auto-orient", "-strip", "-resize", "1600x1600>",
         "-quality", str(QUALITY), "-interlace", "Plane", "-write", str(out / f"{p.stem}-1600.jpg"),
         "-resize", "800x800>", str(out / f"{p.stem}-800.jpg")]
        for p in photos
    ]


def share_command(magick: str, cover: Path, width: int, height: int, out: Path) -> list[str]:
    """The share pictures from one decode of the cover (stored ``width`` ×
    ``height``), each the centred box of its ratio, filled to its size;
    decoded at the smallest scale that still gives every picture its pixels
    (as libvips' shrink-on-load does)."""
    with Image.open(cover) as image:
        turned = image.getexif().get(0x0112, 1) in (5, 6, 7, 8)
    upright = (height, width) if turned else (width, height)
    scale = max(box_width / min(upright[0], upright[1] * box_width / box_height) for _, box_width, box_height in SHARE)
    hint = f"{round(width * scale)}x{round(height * scale)}"
    command = [magick, "-define", f"jpeg:size={hint}", str(cover), "-auto-orient", "-strip", "-quality", str(QUALITY),
               "-interlace", "Plane", "-gravity", "center"]
    *first, last = SHARE
    for kind, box_width, box_height in first:
        command += ["(", "+clone", "-resize", f"{box_width}x{box_height}^", "-extent", f"{box_width}x{box_height}",
                    "-write", str(out / f"{cover.stem}-{kind}.jpg"), "+delete", ")"]
    kind, box_width, box_height = last
    return [*command, "-resize", f"{box_width}x{box_height}^", "-extent", f"{box_width}x{box_height}", str(out / f"{cover.stem}-{kind}.jpg")]


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
    arguments = [a for a in sys.argv[1:] if a != "--no-stall"]
    rounds = int(arguments[0]) if arguments else REPEATS
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
        peaks: dict[str, float] = {"ours": 0.0, "vips": 0.0, "pyvips": 0.0, "magick": 0.0}
        for number in range(rounds):
            mine = ours(source, fresh(folder / "ours") / "bundle")
            CPU.clear()
            vips_time, vips_peak = vips_cli(vipsthumbnail, photos, fresh(folder / "vips"), cores)
            pyvips_time, pyvips_peak = pyvips_process(photos, fresh(folder / "pyvips"), cores)
            for tool in ("vips", "pyvips"):
                figures.setdefault(f"{tool}_cpu", []).append(CPU.get(tool, 0.0))
            magick_time, magick_peak = timed(magick_commands(magick, photos, fresh(folder / "magick")), cores, "magick")
            libvips = min(vips_time, pyvips_time)
            for name, value in (("ours", mine["wall"]), ("vips", vips_time), ("pyvips", pyvips_time), ("libvips", libvips), ("magick", magick_time)):
                figures[name].append(value)
            ratios["libvips"].append(mine["wall"] / libvips)
            ratios["magick"].append(mine["wall"] / magick_time)
            peaks["ours"] = max(peaks["ours"], mine["peak_mb"])
            peaks["vips"] = max(peaks["vips"], vips_peak)
            peaks["pyvips"] = max(peaks["pyvips"], pyvips_peak)
            peaks["magick"] = max(peaks["magick"], magick_peak)
            figures.setdefault("ours_cpu", []).append(mine["cpu"])
            figures.setdefault("magick_cpu", []).append(CPU.get("magick", 0.0))
            print(f"    round {number + 1}: ours {mine['wall']:.2f} s ({mine['cpu']:.2f} s CPU), vipsthumbnail {vips_time:.2f} s, "
                  f"pyvips {pyvips_time:.2f} s, ImageMagick {magick_time:.2f} s → ours/libvips {ratios['libvips'][-1]:.2f}× [{load_average()}]", flush=True)
        print("  every figure is whole processes, start to exit (Python's start and imports included for ours and pyvips)")
        print(f"  Tòa Soạn export, python main.py export: {summary(figures['ours'], 's', 2)}; peak {peaks['ours']:.0f} MB (one process), "
              f"images {folder_size(folder / 'ours' / 'bundle' / 'images'):.1f} MB")
        print("  CPU time (user + system, every thread and process), which the machine's load does not change much:")
        for tool, label in (("ours", "Tòa Soạn export"), ("vips", "vipsthumbnail"), ("pyvips", "pyvips"), ("magick", "ImageMagick")):
            print(f"    {label}: {summary(figures[f'{tool}_cpu'], 's', 2)}")
        print(f"  vipsthumbnail, {cores} processes, 1600 then 800 from it (and the share pictures): {summary(figures['vips'], 's', 2)}; "
              f"peak {peaks['vips']:.0f} MB a process")
        print(f"  pyvips, one Python process, {cores} threads: {summary(figures['pyvips'], 's', 2)}; peak {peaks['pyvips']:.0f} MB, "
              f"images {folder_size(folder / 'pyvips'):.1f} MB")
        print(f"  libvips, the faster of the two each round: {summary(figures['libvips'], 's', 2)}")
        print(f"  ImageMagick, -define jpeg:size, both sizes from one decode: {summary(figures['magick'], 's', 2)}; "
              f"peak {peaks['magick']:.0f} MB a process, images {folder_size(folder / 'magick'):.1f} MB")
        print(f"  → ours / libvips: median {statistics.median(ratios['libvips']):.2f}×, p95 {p95(ratios['libvips']):.2f}× (goal ≤ 1.0×)")
        print(f"  → ours / ImageMagick: median {statistics.median(ratios['magick']):.2f}×, p95 {p95(ratios['magick']):.2f}× (goal < 1×)")
        print(f"  [{load_average()}]", flush=True)
        stalls, busy = [], []
        if "--no-stall" in sys.argv:
            return 0
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
