"""Updates without the internet: a folder this computer's settings name
(``update_folder``, usually a network share; never anything a draft says)
holds newer bundles, each a zip of the bundle folder with a manifest
beside it:

    toa-soan-0.2.0-windows-x64.zip    ``python3 tasks.py build --zip`` makes both
    toa-soan-0.2.0-windows-x64.json   {"format": "toa-soan-update/1", "version", "platform",
                                       "archive", "size", "sha256", "notes"}

The app offers the newest one for its platform that is newer than itself,
with its notes (the changelog's section). Accepted, the zip is copied to
this computer and checked against its SHA-256 while copying (a share that
cut the copy short, or a changed file, is refused), then unpacked beside
the other versions (``versions/0.2.0/``) and marked ready. On the next
start the bundle that is running hands over to the newest ready version
(main.py); nothing is replaced while in use, and the old folder stays as
it was, so a failed update leaves a working app.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import posixpath
import re
import shutil
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import platformdirs

from editor.atomic import atomic_write
from editor.errors import ArticleError

APP_NAME = "ToaSoan"  # the data folder's name, as editor/workspace.py's (not imported: main.py reads this before anything)
FORMAT = "toa-soan-update/1"
READY = "ready.json"  # inside a version's folder, written last: the version was unpacked whole and checked
EXECUTABLE = "toa-soan.exe" if os.name == "nt" else "toa-soan"
_VERSION = re.compile(r"^\d+(\.\d+){0,3}$")
CHUNK = 1 << 20


class UpdateError(ArticleError):
    """An update that cannot be used: said in one line, nothing changed."""


def platform_tag() -> str:
    """What a bundle was built for: ``windows-x64``, ``linux-x86_64``…"""
    if sys.platform == "win32":
        return "windows-x64"
    return f"{sys.platform}-{platform.machine()}"


def versions_folder() -> Path:
    """Where updates are unpacked, one folder per version: the user's own
    data folder, which needs no administrator rights."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "versions"


def version_key(version: str) -> tuple[int, ...]:
    if not _VERSION.match(version):
        raise ValueError(f"not a version: {version!r}")
    return tuple(int(part) for part in version.split("."))


@dataclass(frozen=True)
class Update:
    version: str
    notes: str
    archive: Path
    size: int
    sha256: str


def changelog_notes(changelog: str, version: str) -> str:
    """The section ``## VERSION`` of CHANGELOG.md, without its heading."""
    match = re.search(rf"^## {re.escape(version)}\s*\n(.*?)(?=^## |\Z)", changelog, re.MULTILINE | re.DOTALL)
    return match.group(1).strip() if match else ""


def write_manifest(archive: Path, version: str, tag: str, notes: str) -> Path:
    """The manifest beside ``archive`` (``NAME.json`` for ``NAME.zip``)."""
    digest = hashlib.sha256()
    with archive.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    manifest = {"format": FORMAT, "version": version, "platform": tag, "archive": archive.name,
                "size": archive.stat().st_size, "sha256": digest.hexdigest(), "notes": notes}
    target = archive.with_suffix(".json")
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    atomic_write(target, lambda stream: stream.write(text.encode("utf-8")))
    return target


def _read_manifest(path: Path, tag: str) -> Update | None:
    """The update ``path`` describes, or None when it is not one for us."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("platform") != tag:
            return None
        version, archive, size, sha256 = data["version"], data["archive"], data["size"], data["sha256"]
        version_key(version)
        # The archive is a plain name inside the folder, never a path that leads out of it.
        if not isinstance(archive, str) or PurePosixPath(archive).name != archive or "\\" in archive:
            return None
        if not isinstance(size, int) or not re.fullmatch(r"[0-9a-f]{64}", str(sha256)):
            return None
        return Update(version, str(data.get("notes", "")), path.parent / archive, size, sha256)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # a half-copied or foreign file on the share: not an update


def find_update(folder: Path, current: str, tag: str | None = None) -> Update | None:
    """The newest update in ``folder`` newer than ``current``, or None.
    UpdateError when the folder cannot be read at all (the share is down)."""
    tag = tag or platform_tag()
    try:
        manifests = sorted(folder.glob("*.json"))
    except OSError as error:
        raise UpdateError(f"the update folder cannot be read ({error.strerror or error})", path=folder) from error
    if not folder.is_dir():
        raise UpdateError("the update folder is not there (is the network drive connected?)", path=folder)
    found = [update for path in manifests if (update := _read_manifest(path, tag)) is not None]
    newer = [update for update in found if version_key(update.version) > version_key(current) and update.archive.is_file()]
    return max(newer, key=lambda update: version_key(update.version), default=None)


def _copy_checked(update: Update, target: Path) -> None:
    digest, copied = hashlib.sha256(), 0
    try:
        with update.archive.open("rb") as source, target.open("wb") as sink:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                sink.write(chunk)
                copied += len(chunk)
    except OSError as error:
        raise UpdateError(f"the update could not be copied ({error.strerror or error})", path=update.archive) from error
    if copied != update.size or digest.hexdigest() != update.sha256:
        raise UpdateError("the update's checksum does not match its manifest: it was not copied whole, or it was "
                          "changed; nothing was installed", path=update.archive)


def _unpack(archive: Path, target: Path) -> None:
    with zipfile.ZipFile(archive) as zipped:
        for info in zipped.infolist():
            name = PurePosixPath(info.filename)
            if name.is_absolute() or ".." in name.parts:
                raise UpdateError(f"the update holds a file outside its folder ({info.filename})", path=archive)
            destination = target.joinpath(*name.parts)
            mode = info.external_attr >> 16
            if (mode & 0o170000) == 0o120000:  # a symbolic link, as `tasks.py build --zip` keeps Linux's Qt libraries
                destination.parent.mkdir(parents=True, exist_ok=True)
                link = zipped.read(info).decode("utf-8")
                lands = posixpath.normpath(posixpath.join(str(name.parent), link))
                if PurePosixPath(link).is_absolute() or lands == ".." or lands.startswith("../"):
                    raise UpdateError(f"the update holds a link outside its folder ({info.filename})", path=archive)
                os.symlink(link, destination)
            elif info.is_dir():
                destination.mkdir(parents=True, exist_ok=True)
            else:
                destination.parent.mkdir(parents=True, exist_ok=True)
                with zipped.open(info) as source, destination.open("wb") as sink:
                    shutil.copyfileobj(source, sink, CHUNK)
                if mode & 0o111:
                    destination.chmod(0o755)


def stage_update(update: Update, versions: Path) -> Path:
    """Copy, check and unpack ``update`` into ``versions/VERSION``, ready
    for the next start; returns that folder. Nothing is left half-done:
    the folder gets its name only once whole."""
    final = versions / update.version
    if (final / READY).is_file():
        return final
    versions.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f".{update.version}-", dir=versions) as scratch:
        archive = Path(scratch) / "bundle.zip"
        _copy_checked(update, archive)
        unpacked = Path(scratch) / "unpacked"
        try:
            _unpack(archive, unpacked)
        except (zipfile.BadZipFile, OSError) as error:
            raise UpdateError(f"the update could not be unpacked ({error})", path=update.archive) from error
        if not (unpacked / "toa-soan" / EXECUTABLE).is_file():
            raise UpdateError(f"the update holds no toa-soan/{EXECUTABLE}", path=update.archive)
        ready = {"version": update.version, "sha256": update.sha256, "notes": update.notes}
        (unpacked / READY).write_text(json.dumps(ready, ensure_ascii=False), encoding="utf-8")
        if final.exists():  # an earlier attempt without its READY mark
            shutil.rmtree(final)
        os.replace(unpacked, final)
    return final


def ready_executable(versions: Path, current: str) -> Path | None:
    """The program of the newest version unpacked whole and newer than
    ``current``: what the next start hands over to."""
    best: tuple[tuple[int, ...], Path] | None = None
    try:
        folders = list(versions.iterdir())
    except OSError:
        return None
    for folder in folders:
        try:
            key = version_key(folder.name)
        except ValueError:
            continue
        executable = folder / "toa-soan" / EXECUTABLE
        if key > version_key(current) and (folder / READY).is_file() and executable.is_file():
            if best is None or key > best[0]:
                best = (key, executable)
    return best[1] if best else None
