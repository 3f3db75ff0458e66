"""A photo's original read and let go leaves no memory behind in the
window's process (ui/common/native_heap.py)."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

from tests.helpers import ROOT

# In a fresh process: an original of 5 MB read and dropped on a worker
# thread, photo after photo, as the window's photo readers do; then how much
# more the process holds (its resident size) than before the first.
SCRIPT = """
import sys, threading
from ui.common.native_heap import return_large_blocks
if sys.argv[1] == "set":
    assert return_large_blocks()

def resident():
    return int(open("/proc/self/statm").read().split()[1]) * 4096

def read_one():
    original = bytearray(5 * 1024 * 1024)
    original[::4096] = b"x" * len(original[::4096])  # touched, as a file read is
    del original

before = resident()
for _ in range(6):
    reader = threading.Thread(target=read_one)
    reader.start()
    reader.join()
print((resident() - before) // 1024)
"""


def _kept_kb(mode: str) -> int:
    result = subprocess.run([sys.executable, "-c", SCRIPT, mode], env={"PYTHONPATH": str(ROOT)},
                            capture_output=True, text=True, timeout=60, check=True)
    return int(result.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
                    reason="glibc's malloc only; elsewhere return_large_blocks does nothing")
def test_a_photo_read_and_let_go_is_given_back() -> None:
    assert _kept_kb("set") < 1024
    assert _kept_kb("unset") > 4096  # what glibc kept before: the test sees the difference
