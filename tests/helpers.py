"""Shared test helpers: article folders on disk, camera-like photos, and
the external checkers (vnu, Chromium) that nobody on this project wrote."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import html5lib
import pytest
from keyring.backend import KeyringBackend
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_DIR = ROOT / "resources" / "examples" / "le-chan"
TOOLS_DIR = ROOT / ".tools"
# Test files from other projects and the reference article, copied into the
# repository byte for byte (each folder with its licence) so that a bare clone
# runs every test; tests/test_corpus_in_step.py says when ../shared/ has more.
CORPUS = ROOT / "tests" / "corpus"
REFERENCE_DIR = ROOT / "tests" / "reference"


def minimal_article(**overrides: Any) -> dict[str, Any]:
    """The minimal shape outside tools write (issue 2), with real values."""
    data: dict[str, Any] = {
        "format": "article/1",
        "title": "Quận Lê Chân họp Ban Chỉ đạo 35",
        "published": "2023-11-01T16:20:00+07:00",
        "lead": "Chiều 01/11, Ban Chỉ đạo 35 quận Lê Chân họp.",
        "blocks": [
            {"type": "paragraph", "text": "Đồng chí Phạm Văn Tân chủ trì cuộc họp."},
            {"type": "image", "src": "photos/1.jpg", "caption": "Toàn cảnh cuộc họp.", "alt": "Phòng họp với các đại biểu"},
            {"type": "heading", "text": "Nhiệm vụ thời gian tới"},
        ],
        "author": "Hoàng Tùng",
        "source": "Cổng TTĐT quận Lê Chân",
        "original_url": "https://lechan.haiphong.gov.vn/tin/1.html",
        "url": "https://haiphong.gov.vn/tin/quan-le-chan-hop.html",
        "related": [{"title": "Tin liên quan", "url": "https://haiphong.gov.vn/tin/2.html"}],
        "site": {
            "name": "Cổng tin tức Thành phố Hải Phòng",
            "url": "https://haiphong.gov.vn",
            "fanpage_url": "https://www.facebook.com/congttdthaiphong",
            "fanpage_label": "Mã QR Code truy cập vào Fanpage",
        },
    }
    data.update(overrides)
    return data


def photo_bytes(size: tuple[int, int] = (640, 480), color: str = "navy", **save: Any) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG", **save)
    return buffer.getvalue()


def write_article_dir(folder: Path, data: dict[str, Any] | None = None, photos: dict[str, bytes] | None = None) -> Path:
    """An ``article.json`` with its photos; returns the JSON path."""
    folder.mkdir(parents=True, exist_ok=True)
    data = minimal_article() if data is None else data
    if photos is None:
        photos = {"photos/1.jpg": photo_bytes()}
    for name, payload in photos.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(payload)
    path = folder / "article.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def parse_html(text: str) -> Any:
    """Parse like a browser does (html5lib follows the HTML spec)."""
    return html5lib.parse(text, namespaceHTMLElements=False)


def tree_files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def vnu_jar() -> Path:
    jar = TOOLS_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    if not jar.is_file() or shutil.which("java") is None:
        pytest.fail("the W3C Nu HTML Checker is not installed: run `python3 tasks.py test`, which installs it")
    return jar


VNU_RUNS: list[tuple[Path, ...]] = []  # every start of Java, for the test that there is only one


def vnu_errors(*html_files: Path) -> dict[Path, list[dict[str, Any]]]:
    """Messages of type "error" from the W3C Nu HTML Checker, for each file.
    Java starts in seconds, so the suite checks all its pages in one call
    (the session fixture ``vnu_report`` in tests/editor/conftest.py)."""
    VNU_RUNS.append(html_files)
    result = subprocess.run(
        ["java", "-jar", str(vnu_jar()), "--format", "json", *map(str, html_files)],
        capture_output=True, text=True, timeout=300,
    )
    report = json.loads(result.stderr or result.stdout)
    errors: dict[Path, list[dict[str, Any]]] = {path: [] for path in html_files}
    for message in report["messages"]:
        if message.get("type") == "error":
            # vnu names a file "file:/tmp/x.html"; a message without one is about the run itself
            url = message.get("url", "")
            matches = [path for path in html_files if url.endswith(str(path.resolve()))] or list(html_files)
            for path in matches:
                errors[path].append(message)
    return errors


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):  # "chrome": Windows' chrome.exe
        path = shutil.which(name)
        if path:
            return path
    pytest.fail("Chromium is not installed: run `python3 tasks.py test`, which installs it")


def chromium_screenshot(page: Path, out: Path, width: int, height: int, profile: Path) -> Image.Image:
    """A screenshot of ``page`` as headless Chromium really renders it."""
    command = [
        chromium(), "--headless", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--hide-scrollbars", f"--user-data-dir={profile}",
        f"--window-size={width},{height}", "--virtual-time-budget=5000", f"--screenshot={out}", page.as_uri(),
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.insert(1, "--no-sandbox")  # Chromium refuses to run as root with its sandbox
    subprocess.run(command, capture_output=True, timeout=120, check=True)
    return Image.open(out).convert("RGB")


def read_image(path: Path) -> Image.Image:
    """Decode an image file fully and close it."""
    with Image.open(path) as image:
        image.load()
    return image


def axe_violations(width: int, *pages: Path) -> dict[str, list[dict[str, Any]]]:
    """axe-core's accessibility violations for each page at ``width`` px."""
    if not (TOOLS_DIR / "node_modules" / "axe-core").is_dir() or shutil.which("node") is None:
        pytest.fail("axe-core is not installed: run `python3 tasks.py test`, which installs it")
    result = subprocess.run(
        ["node", str(ROOT / "tools" / "axe_check.mjs"), chromium(), str(width), *map(str, pages)],
        capture_output=True, text=True, timeout=300, env={**os.environ, "TOASOAN_TOOLS": str(TOOLS_DIR)},
    )
    if result.returncode:
        raise AssertionError(result.stderr[-3000:])
    return json.loads(result.stdout)


class MemoryKeyring(KeyringBackend):
    """An in-memory keyring backend (there is no Secret Service without a desktop session)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)
