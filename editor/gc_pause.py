"""Pause Python's cyclic garbage collector during one bulk job.

Reading a 100-page Word document makes a few million small objects that
all live until the job ends. Each time their number grows by a quarter,
the collector walks every one of them, again and again: about a third of
the import's CPU time (measured by ``benchmarks/bench_import_large.py``:
5.6–6.3 s with it, 4.0 s without, the peak 15 MB higher). Reference
counting still frees everything that is not in a cycle; the cycles made
meanwhile are collected after the job.

The collector is one per process: paused here while any job in any thread
needs it paused, and switched back on by the last one, unless it was off
before the first.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_jobs = 0
_was_on = True


@contextmanager
def collector_paused() -> Iterator[None]:
    global _jobs, _was_on
    with _lock:
        if _jobs == 0:
            _was_on = gc.isenabled()
            gc.disable()
        _jobs += 1
    try:
        yield
    finally:
        with _lock:
            _jobs -= 1
            if _jobs == 0 and _was_on:
                gc.enable()
