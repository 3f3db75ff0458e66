"""Crop…: drag a rectangle over the photo; the crop is stored as an edit
setting (fractions of the upright, rotated photo) and applied on export.
A click without dragging sets the focus point, in the same fractions: the
share card and the structured data's crops are centred on it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap, QRegion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from editor.model import Crop, Focus, ImageBlock
from ui.common.image_cache import ImageCache

# A press and release closer than this is a click (the focus point), not a drag.
_CLICK_DISTANCE = 4
# What is cut away is shown darkened; what is kept, as it is.
_CUT_AWAY = QColor(0, 0, 0, 150)


class _FocusMark(QWidget):
    """The focus point: a red ring and cross with a white edge, seen on any photo."""

    SIZE = 28

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFixedSize(self.SIZE, self.SIZE)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        middle, radius = self.SIZE // 2, self.SIZE // 2 - 4
        for colour, width in (("white", 5), ("#e00000", 2)):
            painter.setPen(QPen(QColor(colour), width))
            painter.drawEllipse(QPoint(middle, middle), radius, radius)
            painter.drawLine(middle, 1, middle, self.SIZE - 2)
            painter.drawLine(1, middle, self.SIZE - 2, middle)


class _CropArea(QLabel):
    def __init__(self, pixmap: QPixmap, crop: Crop | None, focus: Focus | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPixmap(pixmap)
        self.setFixedSize(pixmap.size())
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._origin = QPoint()
        self._selection: QRect | None = None  # the part kept; None: the whole photo
        self._before_press: QRect | None = None
        self._focus = focus
        self._marker = _FocusMark(self)
        self._show_focus()
        if crop is not None:
            w, h = pixmap.width(), pixmap.height()
            self._select(QRect(round(crop.left * w), round(crop.top * h), round(crop.width * w), round(crop.height * h)))

    def _select(self, rect: QRect) -> None:
        self._selection = rect
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)  # the photo
        if self._selection is None or self._selection.isEmpty():
            return
        painter = QPainter(self)
        kept = self._selection.intersected(self.rect())
        painter.setClipRegion(QRegion(self.rect()).subtracted(QRegion(kept)))
        painter.fillRect(self.rect(), _CUT_AWAY)
        painter.setClipping(False)
        painter.setPen(QPen(QColor("white"), 1, Qt.PenStyle.DashLine))
        painter.drawRect(kept.adjusted(0, 0, -1, -1))

    def _show_focus(self) -> None:
        x, y = (0.5, 0.5) if self._focus is None else (self._focus.x, self._focus.y)
        self._marker.move(round(x * self.width()) - self._marker.width() // 2, round(y * self.height()) - self._marker.height() // 2)
        self._marker.setVisible(self._focus is not None)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._origin = event.position().toPoint()
        self._before_press = self._selection
        self._select(QRect(self._origin, QSize()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._select(QRect(self._origin, event.position().toPoint()).normalized().intersected(self.rect()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        point = event.position().toPoint()
        if (point - self._origin).manhattanLength() >= _CLICK_DISTANCE:
            return
        # A click: the focus point, and the crop stays as it was.
        if self._before_press is None:
            self.clear()
        else:
            self._select(self._before_press)
        x = min(max(point.x(), 0), self.width()) / self.width()
        y = min(max(point.y(), 0), self.height()) / self.height()
        self._focus = Focus(x, y)
        self._show_focus()

    def focus(self) -> Focus | None:
        return self._focus

    def clear_focus(self) -> None:
        self._focus = None
        self._show_focus()

    def crop(self) -> Crop | None:
        if self._selection is None:
            return None
        rect = self._selection.intersected(self.rect())
        if rect.width() < 8 or rect.height() < 8:
            return None
        w, h = self.width(), self.height()
        return Crop(rect.x() / w, rect.y() / h, rect.width() / w, rect.height() / h)

    def clear(self) -> None:
        self._selection = None
        self.update()


class CropDialog(QDialog):
    def __init__(self, images: ImageCache, block: ImageBlock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Crop photo"))
        assert block.media is not None
        self._kept_focus = block.focus
        # The uncropped photo, with its rotation: what the crop is a part of.
        prepared = images.get(block.media, block.rotate, None)
        layout = QVBoxLayout(self)
        self._area: _CropArea | None = None
        if prepared is None:
            problem = images.error(images.token(block.media, block.rotate, None))
            # A photo that cannot be decoded (a truncated file) is never
            # prepared: saying "in a moment" sent the user back for ever.
            text = self.tr("The photo is still being prepared; try again in a moment.") if problem is None else \
                self.tr("This photo cannot be shown, so it cannot be cropped. Replace it with a good copy of the file.") \
                + "\n\n" + problem
            message = QLabel(text, self)
            message.setWordWrap(True)
            layout.addWidget(message)
            close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
            close.rejected.connect(self.reject)
            layout.addWidget(close)
            return
        pixmap = QPixmap()
        pixmap.loadFromData(prepared.shown.data)  # the preview's copy: as wide as this dialog shows it
        pixmap = pixmap.scaled(720, 540, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        self._area = _CropArea(pixmap, block.crop, block.focus, self)
        layout.addWidget(QLabel(self.tr("Drag over the part of the photo to keep. Click to set the point "
                                        "the share card is centred on."), self))
        layout.addWidget(self._area)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        area = self._area
        buttons.addButton(self.tr("Whole photo"), QDialogButtonBox.ButtonRole.ResetRole).clicked.connect(area.clear)
        buttons.addButton(self.tr("Centre the card"), QDialogButtonBox.ButtonRole.ResetRole).clicked.connect(area.clear_focus)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def crop(self) -> Crop | None:
        return self._area.crop() if self._area is not None else None

    def focus(self) -> Focus | None:
        """The focus point, or None for the centre of what is kept."""
        return self._area.focus() if self._area is not None else self._kept_focus
