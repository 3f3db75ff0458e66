"""What runs inside a photo process (``ui.common.workers.run_in_process``)
and the drafts library's index process (``run_in_index_process``).

Kept free of Qt on purpose: a photo process is started with "spawn" and
imports only what its job names. When this code lived in ``workers`` (which
imports PySide6.QtCore and shiboken6), every photo process paid some 0.1 s of
Qt imports before its first photo, which an opened article waits for.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from typing import Any

from editor.process_priority import give_way

_gave_way = False  # whether this process lowered its priority


def run_job(function: Callable[..., Any], args: tuple[Any, ...], urgent: bool) -> Any:
    """Run one job. The first job that is not urgent makes the process give
    way to the window (and its preview's renderer) for the rest of its life
    (a process cannot raise its priority again): photos dropped in bulk
    never slow the window down, but the first photos an opened article shows
    are not made at a tenth of a core while other programs keep the machine
    busy (issue 20, item 6: 1 s a photo at load 9)."""
    if not urgent:
        _give_way_once()
    return function(*args)


def process_started(spare: bool = False) -> None:
    """In each photo process: end with the app, even when it leaves with
    os._exit and never shuts the pool down. The spare process gives way at
    once: it is to use only the core the window leaves idle."""
    if spare:
        _give_way_once()
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=lambda: (parent.join(), os._exit(0)), daemon=True).start()


def _give_way_once() -> None:
    global _gave_way
    if not _gave_way:
        _gave_way = True
        give_way()


def index_process_started(spare: bool = False) -> None:
    """In the library's process (never a spare): behind the window from the
    start (before any thread is started, which on Linux inherits the nice
    value), and ending with the app."""
    _give_way_once()
    process_started()
