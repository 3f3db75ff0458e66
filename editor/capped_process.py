"""Run another program on a file we do not trust, under caps.

A converter fed a hostile file can loop or grow without end. Run here, it
gets a cap on its address space and its CPU time (Linux: ``prlimit``, the
way the tests cap the app's own hostile-file runs), a wall-clock timeout
everywhere, its own process group (so nothing it starts outlives it), no
display, and a scratch folder as its home, so it writes nothing into the
user's settings. Windows has no rlimits: there the timeout is the only cap.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# What a program must not find: it would open a window, or talk to the desktop.
_DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS", "SESSION_MANAGER")


@dataclass(frozen=True)
class Caps:
    memory: int  # bytes of address space
    cpu_seconds: int
    timeout: float  # seconds on the wall clock


class CapReached(Exception):
    """The program was stopped by a cap, or died on its own: ``str`` says which."""


def _environment(scratch: Path) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if name not in _DISPLAY_VARIABLES}
    if os.name != "nt":
        # Settings, caches and "recent files" of the program go to the scratch folder.
        for name in ("HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR"):
            env[name] = str(scratch)
    return env


def _capped_command(command: list[str], caps: Caps) -> list[str]:
    """``command`` under prlimit where it exists: the caps hold from the
    program's first instruction, whatever threads the caller runs (a
    ``preexec_fn`` would not be safe in the window's worker threads)."""
    prlimit = shutil.which("prlimit") if sys.platform.startswith("linux") else None
    if prlimit is None:
        return command
    return [prlimit, f"--as={caps.memory}", f"--cpu={caps.cpu_seconds}", "--core=0", "--", *command]


def _set_caps_after_start(pid: int, caps: Caps) -> None:
    """Where prlimit is missing on Linux, the same caps set on the started
    process: before it has read its input, as starting takes far longer."""
    try:
        import resource

        resource.prlimit(pid, resource.RLIMIT_AS, (caps.memory, caps.memory))
        resource.prlimit(pid, resource.RLIMIT_CPU, (caps.cpu_seconds, caps.cpu_seconds))
    except (ImportError, AttributeError, OSError, ValueError):
        pass  # not Linux, or it has exited already


def _stop(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(OSError):
        if os.name == "nt":
            process.kill()
        else:
            os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def run_capped(command: list[str], caps: Caps, scratch: Path) -> None:
    """Run ``command`` in ``scratch`` under ``caps``; ``CapReached`` when it
    is stopped by one (or times out, crashes, or exits with an error)."""
    capped = _capped_command(command, caps)
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)  # Windows only: no console flashing up
    # Its messages go to a file, not a pipe: a program warning once per record
    # of a hostile file must not fill our memory.
    with open(scratch / "messages.txt", "w+b") as messages:
        try:
            process = subprocess.Popen(capped, cwd=scratch, env=_environment(scratch), stdin=subprocess.DEVNULL,
                                       stdout=messages, stderr=messages, creationflags=flags,
                                       start_new_session=os.name != "nt")
        except OSError as error:
            raise CapReached(f"could not start: {error.strerror or error}") from error
        if capped is command and sys.platform.startswith("linux"):
            _set_caps_after_start(process.pid, caps)
        try:
            process.wait(timeout=caps.timeout)
        except subprocess.TimeoutExpired as error:
            raise CapReached(f"stopped after {caps.timeout:g} s") from error
        finally:
            if process.poll() is None:  # timed out, or we were interrupted: never leave it running
                _stop(process)
        if process.returncode < 0:
            raise CapReached(f"stopped by signal {-process.returncode} (a cap of {caps.memory // 1024**2} MB, "
                             f"{caps.cpu_seconds} s of CPU, or a crash)")
        if process.returncode != 0:
            messages.seek(max(0, messages.seek(0, os.SEEK_END) - 2000))
            last = next((line.strip() for line in reversed(messages.read().decode("utf-8", "replace").splitlines()) if line.strip()), "")
            raise CapReached(f"failed (exit {process.returncode}{': ' + last[:200] if last else ''})")
