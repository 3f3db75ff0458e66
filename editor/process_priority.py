"""Lower this process's priority, so that the window's UI thread gets the
core first (the drafts library's index, photos made in bulk).

- Linux, macOS and the BSDs: ``nice`` 10. An unprivileged process cannot
  raise it again, so it is for processes that stay in the background. On
  Linux the nice value is the calling thread's (and that of the threads it
  starts after), so call it from the thread that does the work, before it
  starts others.
- Windows: ``BELOW_NORMAL_PRIORITY_CLASS`` for the whole process, through
  kernel32's ``SetPriorityClass`` (ctypes: no psutil). The window's
  threads, at the normal class, are then run first whenever they are
  ready; not ``IDLE_PRIORITY_CLASS``, under which the index would wait for
  as long as any other program keeps a core busy.

Anything refused (a sandbox, a system without either) leaves the priority
as it was: the work is then done at the window's priority, as before.
"""

from __future__ import annotations

import ctypes
import os

NICE = 10  # the increment on POSIX systems: clearly behind the window, never starved
BELOW_NORMAL_PRIORITY_CLASS = 0x00004000


def give_way() -> bool:
    """Lower this process's (on Linux: this thread's) priority; whether it was."""
    if os.name == "nt":
        # Looked up by name: ctypes.windll exists on Windows only (and mypy checks on Linux).
        kernel32 = getattr(ctypes, "windll").kernel32  # noqa: B009
        return bool(kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), BELOW_NORMAL_PRIORITY_CLASS))
    nice = getattr(os, "nice", None)
    if nice is None:
        return False
    try:
        nice(NICE)
    except OSError:
        return False
    return True
