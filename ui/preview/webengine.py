"""QtWebEngine set-up that must happen before the QApplication exists:
the preview's URL scheme, and Chromium's flags.

The scheme is registered by the window just before it makes the preview's
profile (QtWebEngine accepts it until then): importing QtWebEngine costs a
fifth of a second, which the window spends after its first paint.

Chromium refuses to start its sandbox as root (build machines, CI), and the
whole app would abort. Started as root, the app turns the sandbox off
itself and says so, instead of dying.

The preview runs Chromium in low-end device mode (``LOW_MEMORY_FLAG``).
Its decoded photos are kept as discardable memory that Chromium lets grow
to 512 MB (or a quarter of the machine's memory) before it gives any back,
so every photo scrolled past stayed decoded: 50 photos of 12 MP held 84 MB
in the renderer. In this mode the limit is an eighth of that (64 MB): photos
far from the reader's place are decoded again when scrolled back to.
Measured on Linux (software compositing, offscreen): the renderer's
decoded photos went from 84 to 47 MB, and the page's pixels are the same
(benchmarks/bench_memory.py; tests/ui/test_preview_memory.py). The switch
is Chromium's own (``base::SysInfo::IsLowEndDevice``) and means the same
on Windows; there, with GPU rasterization, it also lowers the budget of the
photos locked for the tiles in view to 32 MB (from 256 MB on a PC of 4 GB
or more), which was not measured: a window shows two or three photos of
1.6 MB each.
"""

from __future__ import annotations

import logging
import os

SCHEME = b"toasoan"
LOW_MEMORY_FLAG = "--enable-low-end-device-mode"
log = logging.getLogger(__name__)


def running_as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def prepare_chromium() -> list[str]:
    """Chromium flags to pass to QApplication (as ``--webEngineArgs``)."""
    flags: list[str] = [LOW_MEMORY_FLAG]
    if running_as_root() and os.environ.get("QTWEBENGINE_DISABLE_SANDBOX") != "1":
        log.warning("running as root: the preview's Chromium sandbox is turned off")
        os.environ["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        flags.append("--disable-gpu")  # no GPU without a display
    return flags


def register_scheme() -> None:
    """Register ``toasoan://`` (once, before the QApplication is created).

    Secure, so the page's CSP treats it as a real origin; local, so web
    pages could never load it; allowed to load local content, which is what
    lets the page load its own photos from the same scheme.
    """
    from PySide6.QtWebEngineCore import QWebEngineUrlScheme

    if bytes(QWebEngineUrlScheme.schemeByName(SCHEME).name()) == SCHEME:
        return
    scheme = QWebEngineUrlScheme(SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    scheme.setFlags(
        QWebEngineUrlScheme.Flag.SecureScheme
        | QWebEngineUrlScheme.Flag.LocalScheme
        | QWebEngineUrlScheme.Flag.LocalAccessAllowed
    )
    QWebEngineUrlScheme.registerScheme(scheme)
