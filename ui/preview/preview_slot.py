"""The preview's place in the window until QtWebEngine is up (the window is
painted first, and QtWebEngine loaded after: ui/window/main_window.py).

QtWebEngine's view draws through Qt's RHI (OpenGL here, Direct3D on
Windows), and a window already on screen that is given its first such
widget is made again by Qt with a surface for it: the X server saw the
window mapped at 0.40 s, unmapped at 0.68 s and a new one mapped at
0.69 s, a blink just as the article appears. A hidden QRhiWidget in the
slot from the start has the window made for the RHI at once: it is
mapped once, at 0.52-0.58 s, and stays (benchmarks/bench_ui.py, *window
kept*; tests/ui/test_startup.py)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QRhiWidget, QWidget

# Qt's platforms that draw no window through the RHI (tests, self-check):
# there the view needs no other surface, and a QRhiWidget only warns.
WITHOUT_RHI = ("offscreen", "minimal")


class PreviewSlot(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if QGuiApplication.platformName() not in WITHOUT_RHI:
            # Never shown, never initialised: only being in the window
            # counts (Qt marks the window as having a texture-drawn child).
            self._needs_rhi = QRhiWidget(self)
            self._needs_rhi.hide()
