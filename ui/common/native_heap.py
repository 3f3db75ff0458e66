"""How the window's process asks the C allocator for memory.

glibc's malloc (Linux) serves a large block from its own map and gives it
back when freed, until the first such block is freed: from then on it
raises that threshold to the block's size, and the next blocks of that size
come from its heaps, which it keeps. The window reads each photo's original
(5 MB for 12 MP) on worker threads to hash it and hand it to a photo
process, so after 50 photos the heaps of those threads held 15–20 MB that
nothing used (malloc_info), and the process never gave them back.

``return_large_blocks`` fixes the threshold where glibc starts it (a fixed
value turns its adjustment off): every block of 256 KB or more is mapped
on its own and unmapped when freed. The window's process tree after 50
photos: 436 → 411 MB (a scratch probe like benchmarks/bench_memory.py, at
load 3–5). Only this process is set (QtWebEngine's own code in it too),
not the preview's renderer nor the photo processes.

Linux with glibc only; elsewhere (Windows, macOS, musl) it does nothing:
Windows' heap and macOS' malloc return large blocks by themselves.
"""

from __future__ import annotations

import ctypes
import platform
import sys

# mallopt's parameter number for the threshold (glibc's malloc.h).
_M_MMAP_THRESHOLD = -3
LARGE_BLOCK = 256 * 1024


def return_large_blocks() -> bool:
    """Have glibc map every block of ``LARGE_BLOCK`` or more on its own.
    True if it was set (Linux with glibc)."""
    if not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc":
        return False
    try:
        libc = ctypes.CDLL(None)
        return bool(libc.mallopt(_M_MMAP_THRESHOLD, LARGE_BLOCK))
    except (OSError, AttributeError):
        return False
