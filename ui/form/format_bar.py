"""The formatting bar: one tool button per formatting action, drawn as the
icons word processors use (B, I, a chain, H, a quotation mark, the two
lists), since Qt ships no such icons and the app ships no icon theme.

The buttons take no focus, so clicking one leaves the cursor (and the
selection) in the field being written.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QToolBar, QToolButton, QWidget

ICON = 20  # logical pixels


def _canvas(ratio: float) -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(int(ICON * ratio), int(ICON * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, painter


def _letter(painter: QPainter, text: str, *, bold: bool = False, italic: bool = False, serif: bool = True) -> None:
    font = QFont("serif" if serif else "sans-serif")
    font.setPixelSize(16)
    font.setBold(bold)
    font.setItalic(italic)
    painter.setFont(font)
    painter.drawText(QRectF(0, 0, ICON, ICON), Qt.AlignmentFlag.AlignCenter, text)


def _chain(painter: QPainter, pen: QPen) -> None:
    painter.setPen(pen)
    painter.save()
    painter.translate(ICON / 2, ICON / 2)
    painter.rotate(-45)
    for x in (-8.5, -1.5):
        painter.drawRoundedRect(QRectF(x, -3, 10, 6), 3, 3)
    painter.restore()


def _list(painter: QPainter, pen: QPen, numbered: bool) -> None:
    painter.setPen(pen)
    font = QFont("sans-serif")
    font.setPixelSize(6)
    font.setBold(True)
    painter.setFont(font)
    for row in range(3):
        y = 4.5 + row * 5.5
        if numbered:
            painter.drawText(QRectF(0, y - 3.5, 6, 7), Qt.AlignmentFlag.AlignCenter, str(row + 1))
        else:
            painter.setBrush(pen.color())
            painter.drawEllipse(QPointF(3, y), 1.4, 1.4)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawLine(QPointF(8, y), QPointF(18, y))


def _quote(painter: QPainter, pen: QPen) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(pen.color())
    for x in (3.5, 11):
        path = QPainterPath()
        path.addEllipse(QPointF(x + 2.5, 11), 2.6, 2.6)
        path.moveTo(x + 0.2, 11)
        path.quadTo(x, 5, x + 5, 4.5)
        path.lineTo(x + 5, 6)
        path.quadTo(x + 2, 7, x + 2.2, 11)
        painter.drawPath(path.simplified())


def format_icon(name: str, colour: QColor, ratio: float = 2.0) -> QIcon:
    """The bar's icon for the action ``name`` (see ``ui.window.actions.FORMAT_ACTIONS``)."""
    pixmap, painter = _canvas(ratio)
    pen = QPen(colour, 1.6)
    painter.setPen(pen)
    if name == "bold":
        _letter(painter, "B", bold=True, serif=False)
    elif name == "italic":
        _letter(painter, "I", italic=True)
    elif name in ("link", "remove_link"):
        _chain(painter, pen)
        if name == "remove_link":
            painter.setPen(QPen(QColor("#b00020"), 2))
            painter.drawLine(QPointF(4, 4), QPointF(16, 16))
    elif name == "heading":
        _letter(painter, "H", bold=True, serif=False)
    elif name == "quote":
        _quote(painter, pen)
    elif name in ("bulleted_list", "numbered_list"):
        _list(painter, pen, name == "numbered_list")
    painter.end()
    return QIcon(pixmap)


class FormatBar(QToolBar):
    """The bar above the form: the formatting actions, for the field with the cursor."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formatBar")
        self.setMovable(False)
        self.setFloatable(False)
        self.setIconSize(QSize(ICON, ICON))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

    def add_actions(self, actions: list[tuple[str, QAction] | None]) -> None:
        """The actions by name, in order; None is a separator."""
        colour = self.palette().windowText().color()
        for entry in actions:
            if entry is None:
                self.addSeparator()
                continue
            name, action = entry
            action.setIcon(format_icon(name, colour, self.devicePixelRatioF() or 1.0))
            self.addAction(action)
            button = self.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the cursor stays in the text
                button.setObjectName(f"format_{name}")
