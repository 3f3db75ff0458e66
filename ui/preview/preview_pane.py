"""Holds the preview at a chosen page width.

The page is laid out at the device's own width (360, 768, 1280 px, or A4's
210 mm), so it wraps exactly as it will there. A pane narrower than that
scales the page down to fit, but never below ``MIN_READABLE_ZOOM``: past
that, the page keeps a readable size and the pane scrolls sideways. The
user may zoom in and out from there (Ctrl + wheel over the page, or the
View menu); choosing another width fits again.

"Print (A4)" shows the page with its print stylesheet, as the PDF has it:
no Print button, the print margins, and a line where each page ends
(``resources/preview/print_view.js``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWebEngineCore import QWebEngineScript
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from ui.preview import scripts
from ui.preview.preview import PreviewView
from ui.preview.preview_width import PreviewWidth

# At 0.6 the page's 17 px body text is drawn at about 10 px: still read
# without leaning in. Below that, the pane scrolls instead.
MIN_READABLE_ZOOM = 0.6
MAX_ZOOM = 2.0
ZOOM_STEP = 1.15
PRINT_VIEW_SCRIPT = "toasoan-print-view"


class PreviewPane(QWidget):
    zoom_changed = Signal(float)  # the preview's zoom factor, 1.0 at 100%

    def __init__(self, view: PreviewView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self._width = PreviewWidth.DESKTOP
        self._user_zoom = 1.0  # the user's zoom on top of the fit
        self._print_view_js = scripts.source("print_view")
        self.scroll = QScrollArea(self)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidgetResizable(False)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        # The page scrolls itself up and down; the pane only ever sideways.
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self.setMinimumWidth(240)
        view.installEventFilter(self)  # Ctrl + wheel; the page's own widget is a child made later
        QTimer.singleShot(0, self, self._fit)  # with a context: cancelled if the pane goes first

    def page_width(self) -> PreviewWidth:
        return self._width

    def set_page_width(self, width: PreviewWidth) -> None:
        self._width = width
        self._user_zoom = 1.0
        self._fit()
        self._set_print_view(width is PreviewWidth.PRINT)

    def zoom_factor(self) -> float:
        return self.view.zoomFactor()

    def zoom_in(self) -> None:
        self._zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom_by(1 / ZOOM_STEP)

    def zoom_to_fit(self) -> None:
        self._user_zoom = 1.0
        self._fit()

    def _zoom_by(self, factor: float) -> None:
        fit = self._fitted_zoom()
        wanted = min(MAX_ZOOM, max(MIN_READABLE_ZOOM, self.view.zoomFactor() * factor))
        self._user_zoom = wanted / fit
        self._fit()

    def _fitted_zoom(self) -> float:
        available = max(1, self.scroll.width())
        return max(MIN_READABLE_ZOOM, min(1.0, available / self._width.value))

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def] # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        zoom = min(MAX_ZOOM, max(MIN_READABLE_ZOOM, self._fitted_zoom() * self._user_zoom))
        width = round(self._width.value * zoom)
        wider = width > self.scroll.width()
        self.scroll.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOn if wider else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar = self.scroll.horizontalScrollBar().sizeHint().height() if wider else 0
        resized = width != self.view.width()
        self.view.setFixedSize(width, max(1, self.scroll.height() - bar))
        if wider and resized:
            # The page's text is centred on a desktop: show the middle, not its left margin.
            QTimer.singleShot(0, self, self._centre)
        if abs(self.view.zoomFactor() - zoom) > 1e-3:
            self.view.setZoomFactor(zoom)
            self.zoom_changed.emit(zoom)

    def _centre(self) -> None:
        bar = self.scroll.horizontalScrollBar()
        bar.setValue((bar.minimum() + bar.maximum()) // 2)

    # --- Ctrl + wheel over the page ------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.ChildAdded and watched is self.view:
            child = event.child()  # type: ignore[attr-defined]
            if child.isWidgetType():
                child.installEventFilter(self)  # the widget Chromium draws the page in
        elif kind == QEvent.Type.Wheel and isinstance(event, QWheelEvent) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self._zoom_by(ZOOM_STEP ** steps)
            return True  # not Chromium's own zoom, which would fight the fit
        return super().eventFilter(watched, event)

    # --- Print (A4) -----------------------------------------------------------------------
    def _set_print_view(self, on: bool) -> None:
        """Run the print view on the page now, and on every page the preview loads
        later (a full reload after a change of site profile), as soon as its
        DOM is there: the page's style sheet is inline, so its rules are too."""
        scripts = self.view.page().scripts()
        for script in scripts.find(PRINT_VIEW_SCRIPT):
            scripts.remove(script)
        if on:
            script = QWebEngineScript()
            script.setName(PRINT_VIEW_SCRIPT)
            script.setSourceCode(f"({self._print_view_js})(true);")
            script.setWorldId(QWebEngineScript.ScriptWorldId.ApplicationWorld)
            script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentReady)
            scripts.insert(script)
        self._show_medium()

    def _show_medium(self) -> None:
        on = self._width is PreviewWidth.PRINT
        self.view.page().runJavaScript(f"({self._print_view_js})({'true' if on else 'false'});",
                                       QWebEngineScript.ScriptWorldId.ApplicationWorld)
