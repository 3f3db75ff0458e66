"""Benchmark the window: launch to window mapped and to the preview's title
painted, opening a 20-photo draft, the UI stall while the 36,000-word article
opens, keystroke to preview paint on a long
article, and memory of the whole process tree.

Targets (issue 20): launch to window mapped <= 0.6 s (the window kept
mapped: a first one that Qt makes again does not count) and to the
preview's title painted <= 1.0 s, Python's own start included, with the
bytecode and the site profile of an everyday start; a 20-photo .article
shows its form <= 0.5 s after Open and its whole preview <= 1.5 s;
keystroke p95 under 50 ms on 3,000 words with 20 photos; under 400 MB PSS
with 50 photos of 12 MP. Each figure comes from a fresh child process
running the real window: under Xvfb (the X server's MapNotify) where Xvfb
is installed, offscreen (the window's first expose) otherwise.

    python benchmarks/bench_ui.py [--only launch,open,openlong,typing,memory] [-n RUNS] [--compare CHECKOUT]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_export import camera_jpeg  # noqa: E402
from runs import installed_bytecode, tree_pids  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PROBE = Path(__file__).resolve().parent / "ui_probe.py"
LAUNCH_PROBE = Path(__file__).resolve().parent / "launch_probe.py"
MAP_WATCH = Path(__file__).resolve().parent / "map_watch.py"
OPEN_STALL_PROBE = Path(__file__).resolve().parent / "open_stall_probe.py"
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
    total_kb = 0
    for current in tree_pids(pid):
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


def load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def summary(values: list[float]) -> str:
    """Median and p95 (nearest rank) of a series, in seconds."""
    ordered = sorted(values)
    p95 = ordered[max(0, -(-len(ordered) * 95 // 100) - 1)]
    return f"median {statistics.median(ordered):.3f} s, p95 {p95:.3f} s (n={len(ordered)})"


class Xvfb:
    """A private X server for the launch runs, so the X server itself says
    when the window was mapped."""

    def __init__(self) -> None:
        read, write = os.pipe()
        self.process = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                                        pass_fds=(write,), stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as pipe:
            self.display = ":" + pipe.readline().strip()

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


def site_settings(article: Path = EXAMPLE) -> str:
    """The settings of the user who wrote ``article`` on this computer: its
    site profile is theirs (the welcome asks for one at the first start,
    and comes back at every start until it is filled in; one other than
    the article's shows a bar offering to switch; an article without one
    gets the example's). QSettings' INI file on Linux, values quoted (a
    bare comma would make a list); Qt 6 reads UTF-8."""
    site = json.loads(article.read_text(encoding="utf-8")).get("site") or json.loads(EXAMPLE.read_text(encoding="utf-8"))["site"]
    quoted = {name: str(value).replace("\\", "\\\\").replace('"', '\\"') for name, value in site.items()}
    return "[site]\n" + "".join(f'{name}="{value}"\n' for name, value in quoted.items())


def app_environment(home: Path, display: str | None, root: Path = ROOT, site_profile: bool = False, article: Path = EXAMPLE) -> dict[str, str]:
    """The app's own settings, workspace, caches and bytecode in a folder of
    the run, never the user's (a recovery offer would stop the run);
    ``site_profile``: the settings hold ``article``'s, as an everyday start's do."""
    if site_profile:
        settings = home / "config" / "ToaSoan" / "Tòa Soạn.conf"
        settings.parent.mkdir(parents=True, exist_ok=True)
        settings.write_text(site_settings(article), encoding="utf-8")
    env = installed_bytecode(dict(os.environ, XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
                                  XDG_CACHE_HOME=str(home / "cache"), PYTHONPATH=str(root)), home)
    if display:
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def launch_once(env: dict[str, str], use_x: bool, root: Path = ROOT, command: list[str] | None = None) -> dict[str, float]:
    """One start of the app on the example article, timed from just before
    the Python process is made (so Python's own start counts). ``command``:
    another probe printing the same RESULT (compare_retext.py's ReText).

    ``mapped``: the first top-level window mapped; ``kept``: the first one
    mapped that is still mapped when the title is painted. They differ
    when Qt makes a window again (a QtWebEngine view put into a window
    already shown needs another surface): the X server then sees the first
    unmapped and a new one mapped, and the user a blink."""
    watcher = None
    if use_x:
        watcher = subprocess.Popen([sys.executable, str(MAP_WATCH)], stdout=subprocess.PIPE, text=True, env=env)
        assert watcher.stdout is not None
        if watcher.stdout.readline().strip() != "READY":
            raise RuntimeError("the MapNotify watcher could not listen")
    command = command or [sys.executable, str(LAUNCH_PROBE), str(EXAMPLE), str(root)]
    start = time.time()
    try:
        result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    finally:
        if watcher is not None:
            watcher.kill()
            events = [(kind, float(at), window) for kind, at, window in (line.split() for line in watcher.communicate()[0].splitlines())]
    figures = next((json.loads(line[7:]) for line in result.stdout.splitlines() if line.startswith("RESULT ")), None)
    if figures is None or "error" in figures:
        raise RuntimeError(f"launch probe failed: {figures} {result.stderr[-2000:]}")
    title = figures["title_painted_at"] - start
    if watcher is None:
        return {"mapped": figures["exposed_at"] - start, "kept": figures["exposed_at"] - start, "title": title}
    painted = figures["title_painted_at"]
    maps = [(at, window) for kind, at, window in events if kind == "MAPPED" and at <= painted]
    gone = {window for kind, at, window in events if kind == "UNMAPPED" and at <= painted}
    if not maps:
        raise RuntimeError("no window was mapped before the title was painted")
    kept = next((at for at, window in maps if window not in gone), maps[-1][0])
    return {"mapped": maps[0][0] - start, "kept": kept - start, "title": title}


def alternate_launches(starts: dict[str, Callable[[], dict[str, float]]], runs: int) -> dict[str, dict[str, list[float]]]:
    """Each of ``starts`` once untimed (it makes the settings, font caches
    and bytecode a user already has), then ``runs`` rounds of one start of
    each in turn, so that all meet the same load; each run printed as it
    comes. The figures of each, by launch_once's names."""
    series: dict[str, dict[str, list[float]]] = {name: {"mapped": [], "kept": [], "title": []} for name in starts}
    for start in starts.values():
        start()
    for run in range(runs):
        for name, start in starts.items():
            figures = start()
            for key, values in series[name].items():
                values.append(figures[key])
            print(f"    run {run + 1} ({name}): window mapped {figures['mapped']:.3f} s (the one kept {figures['kept']:.3f} s), "
                  f"preview title painted {figures['title']:.3f} s; load {load()}", flush=True)
    return series


def bench_launch(runs: int, compare: Path | None) -> None:
    """``compare``: another checkout (the main branch, say), started
    alternately with this one, so that both meet the same load."""
    use_x = shutil.which("Xvfb") is not None
    server = Xvfb() if use_x else None
    how = "X MapNotify under Xvfb" if use_x else "offscreen, first expose (no Xvfb)"
    print(f"  launch (example article, Python start included; window mapped = {how}):", flush=True)
    roots = {"this": ROOT, **({"compared": compare} if compare else {})}
    try:
        with tempfile.TemporaryDirectory() as home:
            envs = {name: app_environment(Path(home) / name, server.display if server else None, root, site_profile=True)
                    for name, root in roots.items()}
            series = alternate_launches({name: (lambda name=name, root=root: launch_once(envs[name], use_x, root))
                                         for name, root in roots.items()}, runs)
    finally:
        if server is not None:
            server.close()
    for name, root in roots.items():
        print(f"  {name} ({root}):", flush=True)
        print(f"    launch to the first window mapped: {summary(series[name]['mapped'])}", flush=True)
        print(f"    launch to the window kept mapped (the one the user works in): {summary(series[name]['kept'])} (goal <= 0.6 s)", flush=True)
        print(f"    launch to preview title painted: {summary(series[name]['title'])} (goal <= 1.0 s)", flush=True)


def twenty_photo_draft(folder: Path) -> Path:
    """A 20-photo .article (camera-like 12 MP photos), saved by the core:
    it carries no preview copies (as one the command line writes)."""
    from editor.draft import save_draft
    from editor.inputs import load_article

    source = long_article(folder / "source", photos=20, words=3000)
    draft = folder / "twenty.article"
    save_draft(load_article(source), draft)
    return draft


def saved_by_the_window(draft: Path) -> Path:
    """``draft`` saved again by this checkout's window, in a home of its
    own: it carries the copies the window made (a colleague's draft)."""
    target = draft.with_name("twenty-saved-by-the-window.article")
    with tempfile.TemporaryDirectory() as home:
        saver = dict(app_environment(Path(home), None, ROOT), BENCH_APP_ROOT=str(ROOT))
        result = subprocess.run([sys.executable, str(PROBE), "save-as", str(draft), str(target)], capture_output=True, text=True,
                                env=saver, timeout=600)
    if not target.exists():
        raise RuntimeError(f"the window did not save the draft: {result.stdout[-1000:]} {result.stderr[-2000:]}")
    for lock in target.parent.glob(".~lock.*#"):
        lock.unlink()
    return target


def preview_copies_folder(home: Path) -> Path:
    """Where the window keeps its preview copies under this run's home."""
    return home / "data" / "ToaSoan" / "preview-copies"


def open_once(draft: Path, env: dict[str, str]) -> dict[str, float]:
    for lock in draft.parent.glob(".~lock.*#"):
        lock.unlink()  # the probe leaves with os._exit, its lock behind
    result = subprocess.run([sys.executable, str(PROBE), "open", str(draft)], capture_output=True, text=True, env=env, timeout=600)
    figures = next((json.loads(line[7:]) for line in result.stdout.splitlines() if line.startswith("RESULT ")), None)
    if figures is None or "error" in figures:
        raise RuntimeError(f"open probe failed: {figures} {result.stderr[-2000:]}")
    return figures


OPEN_KINDS = {
    "first": "first open of a draft without copies (the command line's), no copies kept",
    "carried": "first open of a draft the window saved (it carries its copies), no copies kept",
    "reopen": "reopened, copies kept",
}


def bench_open(runs: int, compare: Path | None) -> None:
    """Each round opens a draft three times: one that carries no preview
    copies, with none kept (a draft never opened on this computer, written
    by the command line); the same saved by the window (it carries them),
    with none kept (a colleague's); then again (its copies kept from the
    one before). ``compare``: another checkout's app, opened by the same
    probe in the same rounds, alternately, on the same files."""
    print("  open a 20-photo .article (window already up, offscreen); each round: " + "; ".join(OPEN_KINDS.values()), flush=True)
    roots = {"this": ROOT, **({"compared": compare} if compare else {})}
    with tempfile.TemporaryDirectory() as temp:
        draft = twenty_photo_draft(Path(temp))
        homes = {name: Path(temp) / f"home-{name}" for name in roots}
        envs = {name: dict(app_environment(homes[name], None, root), BENCH_APP_ROOT=str(root)) for name, root in roots.items()}
        carried = saved_by_the_window(draft)
        print(f"    the draft: {draft.stat().st_size / 1e6:.1f} MB; saved by the window, with its copies: "
              f"{carried.stat().st_size / 1e6:.1f} MB", flush=True)
        figures: dict[tuple[str, str], dict[str, list[float]]] = {
            (name, kind): {"form_shown_s": [], "form_complete_s": [], "preview_complete_s": [], "cpu_s": [], "photo_cpu_s": [],
                           "tree_cpu_s": [], "checklist_s": [], "copies_kept_s": [], "load": []}
            for name in roots for kind in OPEN_KINDS}
        for run in range(runs):
            for name in roots:
                for kind in OPEN_KINDS:
                    if kind != "reopen":
                        shutil.rmtree(preview_copies_folder(homes[name]), ignore_errors=True)
                    result = open_once(carried if kind != "first" else draft, envs[name])
                    for key, values in figures[(name, kind)].items():
                        values.append(os.getloadavg()[0] if key == "load" else result[key])
                    print(f"    run {run + 1} ({name}, {kind}): form shown {result['form_shown_s']:.3f} s, every block in the form "
                          f"{result['form_complete_s']:.3f} s, preview complete {result['preview_complete_s']:.3f} s, "
                          f"checklist {result['checklist_s']:.3f} s, a copy of every photo kept {result['copies_kept_s']:.3f} s "
                          f"(CPU: the window's {result['cpu_s']:.2f} s, the photo processes' {result['photo_cpu_s']:.2f} s, "
                          f"the whole tree's {result['tree_cpu_s']:.2f} s); load {load()}", flush=True)
        for name, root in roots.items():
            for kind, label in OPEN_KINDS.items():
                measured = figures[(name, kind)]
                print(f"  {name} ({root}), {label}; load {min(measured['load']):.1f}–{max(measured['load']):.1f}:", flush=True)
                print(f"    Open to form shown (fields and the first blocks painted): {summary(measured['form_shown_s'])} (goal <= 0.5 s)", flush=True)
                print(f"    Open to every block in the form: {summary(measured['form_complete_s'])}", flush=True)
                print(f"    Open to preview complete: {summary(measured['preview_complete_s'])} (goal <= 1.5 s)", flush=True)
                print(f"    Open to the checklist's findings on every photo: {summary(measured['checklist_s'])}", flush=True)
                print(f"    Open to a copy of every photo kept on disk (a carried copy once made again here): "
                      f"{summary(measured['copies_kept_s'])}", flush=True)
                print(f"    CPU time of the window's process (UI thread and its workers) until then: {summary(measured['cpu_s'])}", flush=True)
                print(f"    CPU time of the photo processes until then (their start included): {summary(measured['photo_cpu_s'])}", flush=True)
                print(f"    CPU time of the whole tree (the window, the photo processes, QtWebEngine's helpers): "
                      f"{summary(measured['tree_cpu_s'])}; on 2 cores no wall time below half of it", flush=True)


def bench_open_long(runs: int, compare: Path | None) -> None:
    """Open the 36,000-word article (1,000 blocks, 20 photos of 12 MP) in a
    fresh window each run: the longest stall of the UI thread until all of
    it is shown, and where the UI thread was in the stalls. ``compare``:
    another checkout's app, by the same probe, alternately."""
    from bench_typing import PHOTOS, make_article

    print("  open the 36,000-word article (1,000 blocks, 20 photos of 12 MP), offscreen; longest UI-thread stall "
          "(5 ms heartbeat) until every block, the preview and every photo are there, and 2.5 s more:", flush=True)
    roots = {"this": ROOT, **({"compared": compare} if compare else {})}
    with tempfile.TemporaryDirectory() as temp:
        photos = Path(temp) / "photos"
        photos.mkdir()
        for number in range(PHOTOS):
            (photos / f"{number + 1:02d}.jpg").write_bytes(camera_jpeg(number))
        article = make_article(Path(temp) / "long", photos, 36000, 1000)
        figures = {name: {"stall": [], "busy": [], "load": []} for name in roots}
        for run in range(runs):
            for name, root in roots.items():
                env = dict(app_environment(Path(temp) / f"home-{name}-{run}", None, root), BENCH_APP_ROOT=str(root))
                result = subprocess.run([sys.executable, str(OPEN_STALL_PROBE), str(article)], capture_output=True, text=True, env=env, timeout=900)
                data = next((json.loads(line[7:]) for line in result.stdout.splitlines() if line.startswith("RESULT ")), None)
                if data is None or "error" in data:
                    raise RuntimeError(f"open stall probe failed: {data} {result.stderr[-2000:]}")
                figures[name]["stall"].append(data["longest_stall_ms"] / 1000)
                figures[name]["busy"].append(data["longest_ui_cpu_ms"] / 1000)
                figures[name]["load"] += data["load"]
                where = "; ".join(f"{place} ×{count}" for place, count in data["where"][:3]) or "none over 40 ms"
                print(f"    run {run + 1} ({name}): longest stall {data['longest_stall_ms']:.0f} ms (worst gaps, wall/UI CPU ms: "
                      f"{data['worst_gaps_ms']}), all there after {data['complete_s']:.2f} s; in the stalls: {where}; "
                      f"load {data['load'][0]:.1f}→{data['load'][1]:.1f}", flush=True)
                for cpu, places in data["busiest_gaps"]:
                    inside = "; ".join(f"{place} ×{count}" for place, count in places) or "(no sample)"
                    print(f"      the UI thread ran {cpu:.0f} ms in one gap: {inside}", flush=True)
        for name, root in roots.items():
            measured = figures[name]
            print(f"  {name} ({root}): longest stall {summary(measured['stall'])} (goal <= 0.050 s); the UI thread's longest "
                  f"run between beats {summary(measured['busy'])}; load {min(measured['load']):.1f}–{max(measured['load']):.1f}", flush=True)


def main() -> int:
    if not sys.platform.startswith("linux"):
        print("bench_ui: reads /proc; run it on Linux")
        return 0
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", default="launch,open,typing,memory", help="comma-separated: launch, open, openlong, typing, memory")
    parser.add_argument("-n", "--runs", type=int, default=8)
    parser.add_argument("--compare", type=Path, help="another checkout whose launch and open are measured alternately with this one's")
    options = parser.parse_args()
    only = set(options.only.split(","))
    print(f"bench_ui: {os.cpu_count()} cores; load {load()}", flush=True)
    if "launch" in only:
        bench_launch(options.runs, options.compare)
    if "open" in only:
        bench_open(options.runs, options.compare)
    if "openlong" in only:
        bench_open_long(options.runs, options.compare)
    if not only & {"typing", "memory"}:
        return 0
    with tempfile.TemporaryDirectory() as temp:
        if "typing" in only:
            print("  making a 3,000-word article with 20 photos of 12 MP …", flush=True)
            long = long_article(Path(temp) / "long", photos=20, words=3000)
            typing = probe("typing", str(long))
            print(f"  keystroke to preview painted ({typing['keystrokes']} keys): p50 {typing['p50_ms']:.1f} ms, "
                  f"p95 {typing['p95_ms']:.1f} ms, max {typing['max_ms']:.1f} ms (target p95 < 50 ms)", flush=True)
        if "memory" not in only:
            return 0
        print("  making an article with 50 photos of 12 MP …", flush=True)
        fifty = long_article(Path(temp) / "fifty", photos=50, words=2000)
        empty = memory("-")
        full = memory(str(fifty))
        print(f"  memory, whole process tree (PSS): empty article {empty:.0f} MB; 50 photos of 12 MP {full:.0f} MB (target < 400 MB)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
