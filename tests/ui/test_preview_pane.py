"""The preview at each page width (issue 18, item 5): laid out at the
device's width, scaled to the pane but never unreadably small (the pane
scrolls sideways instead), zoomed with Ctrl + wheel, and "Print (A4)" shows
the page with its print stylesheet, as the PDF prints it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import js, wait_until_dom
from ui.preview.preview_pane import MIN_READABLE_ZOOM
from ui.preview.preview_width import PreviewWidth

PRINT_BUTTON_SHOWN = "getComputedStyle(document.getElementById('print-button')).display !== 'none'"


def choose_width(qtbot: Any, window: Any, width: PreviewWidth) -> None:
    window.actions.widths[width].trigger()
    qtbot.wait(50)


def pane_width(window: Any, pixels: int) -> None:
    total = sum(window.splitter.sizes())
    window.splitter.setSizes([total - pixels, pixels])


def test_print_a4_shows_the_page_as_the_pdf_prints_it(qtbot: Any, window: Any) -> None:
    wait_until_dom(qtbot, window.preview, PRINT_BUTTON_SHOWN, True)  # on screen, the page has its Print button
    choose_width(qtbot, window, PreviewWidth.PRINT)
    wait_until_dom(qtbot, window.preview, PRINT_BUTTON_SHOWN, False)
    # The @page margins (18 mm top, 16 mm sides) are the sheet's, 1 mm = 96/25.4 px.
    top = js(qtbot, window.preview, "getComputedStyle(document.body).paddingTop")
    side = js(qtbot, window.preview, "getComputedStyle(document.body).paddingLeft")
    assert abs(float(top.removesuffix("px")) - 18 * 96 / 25.4) < 0.5
    assert abs(float(side.removesuffix("px")) - 16 * 96 / 25.4) < 0.5
    # The print rules themselves apply: main loses its screen padding, links their colour.
    assert js(qtbot, window.preview, "getComputedStyle(document.querySelector('main')).paddingTop") == "0px"
    # A line where each page's printable 261 mm (297 less both margins) ends: 986 px.
    assert "986" in js(qtbot, window.preview, "getComputedStyle(document.body).backgroundImage")

    choose_width(qtbot, window, PreviewWidth.TABLET)
    wait_until_dom(qtbot, window.preview, PRINT_BUTTON_SHOWN, True)
    assert js(qtbot, window.preview, "getComputedStyle(document.body).paddingTop") == "0px"


def test_print_a4_stays_after_the_page_reloads(qtbot: Any, window: Any) -> None:
    choose_width(qtbot, window, PreviewWidth.PRINT)
    wait_until_dom(qtbot, window.preview, PRINT_BUTTON_SHOWN, False)
    with qtbot.waitSignal(window.preview.loadFinished, timeout=20_000):
        window.preview.reload_page()  # as a change of site profile does
    wait_until_dom(qtbot, window.preview, "document.documentElement.hasAttribute('data-print-view')", True)
    assert js(qtbot, window.preview, PRINT_BUTTON_SHOWN) is False


def test_a_wide_page_in_a_narrow_pane_stays_readable_and_scrolls(qtbot: Any, window: Any) -> None:
    pane_width(window, 560)
    choose_width(qtbot, window, PreviewWidth.DESKTOP)
    pane = window.preview_pane
    qtbot.waitUntil(lambda: abs(window.preview.zoomFactor() - MIN_READABLE_ZOOM) < 1e-3)
    # Laid out at the desktop's 1280 px, drawn at 60%: wider than the pane, which scrolls.
    assert window.preview.width() == round(1280 * MIN_READABLE_ZOOM) > pane.scroll.viewport().width()
    assert pane.scroll.horizontalScrollBar().isVisible()
    wait_until_dom(qtbot, window.preview, "window.innerWidth", 1280)

    choose_width(qtbot, window, PreviewWidth.PHONE)  # a phone fits at 100%, with no scroll bar
    qtbot.waitUntil(lambda: window.preview.zoomFactor() == 1.0)
    assert window.preview.width() == 360 and not pane.scroll.horizontalScrollBar().isVisible()
    wait_until_dom(qtbot, window.preview, "window.innerWidth", 360)


def test_ctrl_wheel_zooms_the_preview_and_fit_undoes_it(qtbot: Any, window: Any) -> None:
    pane_width(window, 700)
    choose_width(qtbot, window, PreviewWidth.TABLET)
    fitted = window.preview.zoomFactor()
    assert 0.85 < fitted <= 1.0  # 768 px page in a 700 px pane
    target = window.preview.focusProxy() or window.preview
    centre = QPointF(target.width() / 2, target.height() / 2)
    wheel = QWheelEvent(centre, target.mapToGlobal(centre), QPoint(0, 0), QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(target, wheel)
    qtbot.waitUntil(lambda: window.preview.zoomFactor() > fitted * 1.1)
    assert window.preview_pane.scroll.horizontalScrollBar().isVisible()  # larger than the pane now
    window.actions.zoom_out.trigger()
    window.actions.zoom_out.trigger()
    assert window.preview.zoomFactor() < fitted
    window.actions.zoom_fit.trigger()
    assert abs(window.preview.zoomFactor() - fitted) < 1e-3

