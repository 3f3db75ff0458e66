"""Child process of bench_ui.py (and tests/ui/test_startup.py): prints the
wall-clock time of every top-level window mapped and unmapped on an X
display (the X server's MapNotify and UnmapNotify, seen through libX11 with
ctypes: no Python X library needed).

    python map_watch.py        (DISPLAY names the server)

Prints READY once it listens, then, until killed, MAPPED or UNMAPPED
<time.time()> <window> for each: a window mapped first and then replaced
by another (Qt making it again) shows as an unmap and a new map.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
import time

SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
UNMAP_NOTIFY = 18
MAP_NOTIFY = 19


class MapEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p), ("event", ctypes.c_ulong), ("window", ctypes.c_ulong),
        ("override_redirect", ctypes.c_int),
    ]


class XEvent(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("map", MapEvent), ("pad", ctypes.c_long * 24)]


def main() -> int:
    x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XDefaultRootWindow.restype = ctypes.c_ulong
    x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    x11.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
    x11.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(XEvent)]
    x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    display = x11.XOpenDisplay(None)
    if not display:
        print("ERROR no X display", flush=True)
        return 1
    x11.XSelectInput(display, x11.XDefaultRootWindow(display), SUBSTRUCTURE_NOTIFY_MASK)
    x11.XSync(display, 0)
    print("READY", flush=True)
    mapped: set[int] = set()
    event = XEvent()
    while True:
        x11.XNextEvent(display, ctypes.byref(event))
        # Menus and tooltips are override-redirect; the main window is not.
        if event.type == MAP_NOTIFY and not event.map.override_redirect:
            mapped.add(event.map.window)
            print(f"MAPPED {time.time()!r} {event.map.window}", flush=True)
        elif event.type == UNMAP_NOTIFY and event.map.window in mapped:  # XUnmapEvent: the same fields up to window
            mapped.discard(event.map.window)
            print(f"UNMAPPED {time.time()!r} {event.map.window}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
