"""Launch of Tòa Soạn beside ReText, a PyQt6 Markdown editor with a
QtWebEngine live preview (from PyPI), started alternately on the same
article: launch to the first top-level window mapped and to the window
kept mapped (the X server's MapNotify under a private Xvfb, as bench_ui.py
measures them: Qt may make a window again, see launch_once) and launch to
the preview's title painted (the article's title in the preview's h1 and
two requestAnimationFrames run), Python's own start included in both.

Tòa Soạn opens resources/examples/le-chan/article.json; ReText a Markdown
file made of its text (``# title``, the lead, the paragraphs: no photos).
ReText shows its live preview with the WebEngine renderer from the start
(its config file). Each app has its own settings, data and caches in a
temporary home, one untimed start first, and compiled bytecode as an
installed app has (PYTHONPYCACHEPREFIX in that home, written by the first
start; nothing in the source tree). ReText is installed, if missing, in
its own venv, .tools/retext-venv.

    python benchmarks/compare_retext.py [-n RUNS]
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_ui import EXAMPLE, ROOT, Xvfb, alternate_launches, app_environment, launch_once, load, summary  # noqa: E402

VENV = (ROOT / ".tools").resolve() / "retext-venv"
VENV_PYTHON = VENV / "bin" / "python"
RETEXT_SCRIPT = VENV / "bin" / "retext"
RETEXT_PROBE = Path(__file__).resolve().parent / "retext_probe.py"
PACKAGES = ("ReText", "PyQt6", "PyQt6-WebEngine")
# ReText 8's settings (ReText/__init__.py's configOptions): the live preview
# (editor and preview side by side) for every file opened, drawn by
# QtWebEngine rather than QTextBrowser; and a file given on the command line
# opened here, never handed over D-Bus to a ReText running elsewhere.
RETEXT_CONFIG = "[General]\ndefaultPreviewState=live-preview\nuseWebEngine=true\nopenFilesInExistingWindow=false\n"
VERSIONS = """import importlib.metadata as m, json
from {qt}.QtCore import qVersion
from {qt}.QtWebEngineCore import qWebEngineChromiumVersion, qWebEngineChromiumSecurityPatchVersion, qWebEngineVersion
print(json.dumps({{**{{p: m.version(p) for p in {packages!r}}}, "Qt": qVersion(), "QtWebEngine": qWebEngineVersion(),
      "Chromium": qWebEngineChromiumVersion(), "Chromium security patches": qWebEngineChromiumSecurityPatchVersion()}}))"""


def install_retext() -> None:
    """ReText in a venv of its own, made by the Python running this (the
    project's .venv), so both apps start the same interpreter."""
    if VENV_PYTHON.exists() and subprocess.run([str(VENV_PYTHON), "-c", "import ReText, PyQt6.QtWebEngineWidgets"],
                                               capture_output=True).returncode == 0:
        return
    print(f"  installing {', '.join(PACKAGES)} in {VENV} …", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(VENV_PYTHON), "-m", "pip", "install", "-qq", *PACKAGES], check=True)


def versions(python: Path | str, script: str) -> dict[str, str]:
    result = subprocess.run([str(python), "-c", script], capture_output=True, text=True, check=True,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    return json.loads(result.stdout)


def markdown_of(article: Path, target: Path) -> Path:
    """The article's text as Markdown: its title as the h1, its lead and
    its paragraphs (photos and their captions left out)."""
    data = json.loads(article.read_text(encoding="utf-8"))
    parts = [f"# {data['title']}", data.get("lead", ""),
             *(block["text"] for block in data["blocks"] if block["type"] == "paragraph")]
    target.write_text("\n\n".join(part for part in parts if part) + "\n", encoding="utf-8")
    return target


def child_environment(home: Path, display: str | None, retext: bool) -> dict[str, str]:
    """bench_ui's environment (with bytecode written by the first start
    under the run's home, read by the others, as in an installed app)."""
    env = app_environment(home, display, site_profile=not retext)  # Tòa Soạn's everyday start: no welcome
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"  # Chromium refuses root otherwise (Tòa Soạn sets it itself)
    if retext:
        del env["PYTHONPATH"]  # Tòa Soạn's checkout, not on ReText's path
        config = home / "config" / "ReText project"
        config.mkdir(parents=True, exist_ok=True)
        (config / "ReText.conf").write_text(RETEXT_CONFIG, encoding="utf-8")
    return env


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", "--runs", type=int, default=8)
    options = parser.parse_args()
    if not sys.platform.startswith("linux") or shutil.which("Xvfb") is None:
        print("compare_retext: needs Linux and Xvfb (the X server's MapNotify)")
        return 0
    print(f"compare_retext: {os.cpu_count()} cores; load {load()}", flush=True)
    install_retext()
    retext_versions = versions(VENV_PYTHON, VERSIONS.format(qt="PyQt6", packages=(*PACKAGES, "Markdown")))
    ours = versions(sys.executable, VERSIONS.format(qt="PySide6", packages=("PySide6", "PySide6_WebEngine")))
    print("  ReText: " + ", ".join(f"{name} {version}" for name, version in retext_versions.items()), flush=True)
    print("  Tòa Soạn: " + ", ".join(f"{name} {version}" for name, version in ours.items()), flush=True)
    print("  content: Tòa Soạn opens le-chan/article.json (with its photos); ReText a Markdown file of its text only "
          "(# title, lead, paragraphs; no photos), in its live preview (WebEngine renderer)", flush=True)
    print("  launch, Python start included; window mapped = the first X MapNotify under Xvfb, "
          "the one kept = the first mapped that is still mapped when the title is painted (bench_ui.launch_once); alternately ReText, Tòa Soạn:", flush=True)
    apps = ("ReText", "Tòa Soạn")
    server = Xvfb()
    try:
        with tempfile.TemporaryDirectory() as temp:
            markdown = markdown_of(EXAMPLE, Path(temp) / "le-chan.md")
            envs = {"ReText": child_environment(Path(temp) / "retext", server.display, retext=True),
                    "Tòa Soạn": child_environment(Path(temp) / "toasoan", server.display, retext=False)}
            commands = {"ReText": [str(VENV_PYTHON), str(RETEXT_PROBE), str(markdown), str(RETEXT_SCRIPT)], "Tòa Soạn": None}
            series = alternate_launches({name: (lambda name=name: launch_once(envs[name], True, command=commands[name]))
                                         for name in apps}, options.runs)
    finally:
        server.close()
    labels = {"mapped": "window mapped", "kept": "window kept mapped", "title": "preview title painted"}
    for name in apps:
        print(f"  {name}: " + "; ".join(f"launch to {label} {summary(series[name][key])}" for key, label in labels.items()), flush=True)
    for key, label in labels.items():
        ratio = statistics.median(series["Tòa Soạn"][key]) / statistics.median(series["ReText"][key])
        print(f"  Tòa Soạn / ReText, medians, {label}: {ratio:.2f}", flush=True)
    print(f"  load at the end {load()}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
