"""Imported by the window's photo processes in test_photo_intake.py: the
core's prepare_preview_of, which also notes in which process and thread it ran
(in a file named after the test process, its parent)."""

from __future__ import annotations

import os
import tempfile
import threading
from pathlib import Path
from typing import Any

from editor.images import PreviewPhoto
from editor.photo_jobs import prepare_preview_of


def spy_file(test_pid: int) -> Path:
    return Path(tempfile.gettempdir()) / f"toasoan-photo-spy-{test_pid}.txt"


def prepare_preview_noting_where(*args: Any) -> PreviewPhoto:
    with spy_file(os.getppid()).open("a", encoding="utf-8") as notes:
        notes.write(f"{os.getpid()} {threading.get_ident()}\n")
    return prepare_preview_of(*args)


def process_id() -> int:
    return os.getpid()


def crash() -> None:
    """A decoder that takes its process down (a segfault, the kernel's OOM killer)."""
    os._exit(70)
