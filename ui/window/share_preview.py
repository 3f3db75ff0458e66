"""The Share preview beside the form: how the article's link will look when
shared on Facebook and in Zalo. The picture is the export's own card
(``editor.share_images.card_for_preview``, made in a photo process); the
title and description are the page's og:title and og:description
(``editor.structured_data.shared_link``), cut by lines where each card cuts
them (``editor.share_limits``, an approximation the panel says it is)."""

from __future__ import annotations

import math
from pathlib import PurePath

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGuiApplication, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from editor.errors import ArticleError
from editor.media import Media
from editor.model import Crop, Focus, ImageBlock
from editor.share_images import CARD_SIZE, CardPixels, card_for_preview
from editor.share_limits import CARDS, CardLayout, CardText, Measure, clamp_lines
from editor.structured_data import SharedLink, shared_link
from ui.common.errors import photo_refusal
from ui.common.language import Retranslating
from ui.common.workers import photo_pool, run_in_background, run_in_process
from ui.document.document import Document

# Typing shows in the cards once it pauses this long (the texts are cheap;
# the pause keeps a burst of keystrokes to one layout of the cards).
PAUSE_MS = 250

_GREY_TEXT = "#65676b"


def card_font(style: CardText) -> QFont:
    """The window's own typeface at the card's size: the networks' fonts
    (Segoe UI, Helvetica, Roboto…) are the phone's or the computer's."""
    font = QFont(QApplication.font())
    font.setPixelSize(round(style.font_px))
    font.setWeight(QFont.Weight.DemiBold if style.bold else QFont.Weight.Normal)
    return font


def card_measure(style: CardText) -> Measure:
    """A text's width in CSS px in the card's font, for ``clamp_lines``."""
    metrics = QFontMetricsF(card_font(style))
    return lambda text: metrics.horizontalAdvance(text)


class CardView(QWidget):
    """One network's card, painted at its own size in CSS px and scaled to
    the width it is given (never wider than the card is)."""

    def __init__(self, layout: CardLayout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = layout
        self.image: QImage | None = None
        self.domain = ""
        self.title_lines: tuple[str, ...] = ()
        self.description_lines: tuple[str, ...] = ()
        self._fonts = {name: card_font(getattr(layout, name)) for name in ("domain", "title", "description")}
        self._measures = {name: card_measure(getattr(layout, name)) for name in ("domain", "title", "description")}
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMaximumWidth(math.ceil(layout.width))
        self.setMinimumWidth(120)

    # --- what it shows --------------------------------------------------------
    def set_link(self, link: SharedLink) -> None:
        card = self.layout_
        self.domain = link.domain.upper() if card.domain_upper else link.domain
        self.title_lines = clamp_lines(link.title, card.title.lines, card.text_width, self._measures["title"])
        self.description_lines = clamp_lines(link.description, card.description.lines, card.text_width, self._measures["description"])
        self.updateGeometry()
        self.update()

    def set_image(self, image: QImage | None) -> None:
        self.image = image
        self.update()

    def text_width(self, part: str, text: str) -> float:
        """``text``'s width in CSS px as this card sets ``part``."""
        return float(self._measures[part](text))

    # --- its size ----------------------------------------------------------------
    def _picture_height(self) -> float:
        return self.layout_.width * CARD_SIZE[1] / CARD_SIZE[0]

    def _card_height(self) -> float:
        """In CSS px: the picture, then the texts with their padding."""
        card = self.layout_
        texts = card.padding_y * 2
        texts += card.domain.line_px if self.domain else 0
        texts += card.title.line_px * max(1, len(self.title_lines))
        texts += card.description.line_px * len(self.description_lines)
        return self._picture_height() + texts

    def _scale(self, width: int | None = None) -> float:
        return min(1.0, (self.width() if width is None else width) / self.layout_.width)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return math.ceil(self._card_height() * self._scale(width))

    def sizeHint(self) -> QSize:  # noqa: N802
        width = math.ceil(self.layout_.width)
        return QSize(width, self.heightForWidth(width))

    def image_rect(self) -> QRectF:
        """Where the picture is painted, in this widget's pixels."""
        scale = self._scale()
        return QRectF(0, 0, self.layout_.width * scale, self._picture_height() * scale)

    # --- painting ----------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        card = self.layout_
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(self._scale(), self._scale())
        picture = QRectF(0, 0, card.width, self._picture_height())
        if self.image is not None and not self.image.isNull():
            painter.drawImage(picture, self.image)
        else:
            painter.fillRect(picture, QColor("#dadde1"))
        below = QRectF(0, picture.bottom(), card.width, self._card_height() - picture.height())
        painter.fillRect(below, QColor("#f0f2f5" if card.domain_first else "#ffffff"))
        painter.setPen(QColor("#ccd0d5"))
        painter.drawRect(QRectF(0, 0, card.width - 0.5, self._card_height() - 0.5))
        y = below.top() + card.padding_y
        domain = ("domain", (self.domain,) if self.domain else (), _GREY_TEXT)
        texts = [("title", self.title_lines, "#050505"), ("description", self.description_lines, _GREY_TEXT)]
        parts: list[tuple[str, tuple[str, ...], str]] = [domain, *texts] if card.domain_first else [*texts, domain]
        for part, lines, colour in parts:
            style: CardText = getattr(card, part)
            painter.setFont(self._fonts[part])
            painter.setPen(QColor(colour))
            for line in lines:
                box = QRectF(card.padding_x, y, card.text_width + 1, style.line_px)
                painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine, line)
                y += style.line_px
            if part == "title" and not lines:
                y += style.line_px
        painter.end()


def _cover_key(cover: ImageBlock) -> tuple[int, int, Crop | None, Focus | None]:
    """What the card's pixels depend on: the photo and its edits."""
    return id(cover.media), cover.rotate, cover.crop, cover.focus


class SharePreviewPanel(Retranslating, QDockWidget):
    """The cards, made again when typing pauses; the picture only when the
    cover, its crop or its focus point changes."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sharePreviewDock")
        self._document = document
        self._stale = True
        self._on_screen = False  # as visibilityChanged last said
        self._card_key: tuple[object, ...] | None = None
        self._card_ticket = 0
        self.link: SharedLink | None = None
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(8, 8, 8, 8)
        self.empty = QLabel(body)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet(f"color: {_GREY_TEXT}; padding: 24px 8px;")
        column.addWidget(self.empty)
        self.headings: list[QLabel] = []
        self.cards: list[CardView] = []
        for layout in CARDS:
            heading = QLabel(layout.name, body)
            heading.setStyleSheet("font-weight: 600; margin-top: 6px;")
            card = CardView(layout, body)
            column.addWidget(heading)
            column.addWidget(card)
            self.headings.append(heading)
            self.cards.append(card)
        self.facebook, self.zalo = self.cards
        self.problem = QLabel(body)  # the card could not be made, or no address to name it
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #9a6700;")
        column.addWidget(self.problem)
        self.note = QLabel(body)
        self.note.setWordWrap(True)
        small = self.note.font()
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.85))
        self.note.setFont(small)
        self.note.setStyleSheet(f"color: {_GREY_TEXT};")
        column.addWidget(self.note)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        self.setWidget(scroll)
        # Nothing shown until the first refresh, when the panel is first seen.
        for widget in (self.empty, *self.headings, *self.cards, self.problem, self.note):
            widget.hide()
        self._timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._timer.timeout.connect(self.refresh)
        for signal in (document.field_changed, document.block_changed, document.blocks_replaced, document.block_moved,
                       document.site_changed, document.reset):
            signal.connect(self._on_document_changed)
        self.visibilityChanged.connect(self._on_visibility_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Share preview"))
        self.empty.setText(self.tr("Add a cover photo to see the card"))
        self.note.setText(self.tr(
            "How the link may look when shared. The real card may differ: Facebook and Zalo publish no lengths, "
            "so the title and description are cut by lines at each card's usual width, and each app uses its own font."))
        self._stale = True
        self._on_document_changed()

    # --- when to refresh -------------------------------------------------------------
    def _on_document_changed(self, *args: object) -> None:
        self._stale = True
        if self._seen():
            self._timer.start()

    def _seen(self) -> bool:
        """Whether the panel is on screen. Behind the checklist's tab Qt keeps
        a dock widget visible (``isVisible()``) with nothing of it shown, and
        says so only through ``visibilityChanged``: going by ``isVisible()``
        the panel cut the cover's card from the whole photo at every article
        opened, 0.17 s of a photo process that the opened article's own
        photos were waiting for."""
        return self._on_screen and self.isVisible()

    def _on_visibility_changed(self, visible: bool) -> None:
        self._on_screen = visible
        # Behind the checklist's tab nothing is laid out or cut.
        if visible and self._stale:
            self._timer.start(0)

    def refresh(self) -> None:
        """The cards again from the article as it is now."""
        self._timer.stop()
        self._stale = False
        article = self._document.article
        cover = article.cover_image()
        has_photo = cover is not None and cover.media is not None
        self.empty.setVisible(not has_photo)
        for widget in (*self.headings, *self.cards, self.note):
            widget.setVisible(has_photo)
        if cover is None or cover.media is None:
            self.problem.hide()
            self._card_key = None
            self._card_ticket += 1  # a card under way is of a photo gone
            for card in self.cards:
                card.set_image(None)
            return
        self.show_texts()
        key = _cover_key(cover)
        if key != self._card_key:
            self._card_key = key
            self._make_card(cover.media, cover.rotate, cover.crop, cover.focus, PurePath(cover.src).name)

    def show_texts(self) -> None:
        """The cards' domain, title and description, from the page's own
        og:title and og:description, cut by each card's lines."""
        self.link = shared_link(self._document.article, self._document.site())
        for card in self.cards:
            card.set_link(self.link)
        self._show_problem("" if self.link.has_address else self.tr(
            "The article has no public address yet: without one the exported page names no card, "
            "and the networks show the link bare."))

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    # --- the picture, off the UI thread ---------------------------------------------
    def _make_card(self, media: Media, rotate: int, crop: Crop | None, focus: Focus | None, name: str) -> None:
        """Read the photo on a worker, cut the card in a photo process, show
        it when it comes back, unless another card was asked for meanwhile."""
        self._card_ticket += 1
        ticket = self._card_ticket
        screen = QGuiApplication.primaryScreen()
        ratio = screen.devicePixelRatio() if screen is not None else 1.0
        width = math.ceil(max(card.layout_.width for card in self.cards) * max(1.0, ratio))

        def failed(error: ArticleError) -> None:
            if ticket == self._card_ticket:
                for card in self.cards:
                    card.set_image(None)
                # One short line on the photo, as the form's refusals say it: the
                # window's headline, reason and path stacked up three messages here.
                refusal = photo_refusal(name, getattr(error, "reason", None), "; ".join(error.lines()))
                self._show_problem(self.tr("The card could not be made from the cover photo.") + "\n" + refusal)

        def made(pixels: CardPixels) -> None:
            if ticket != self._card_ticket:
                return
            image = QImage(pixels.rgb, pixels.width, pixels.height, 3 * pixels.width, QImage.Format.Format_RGB888).copy()
            for card in self.cards:
                card.set_image(image)

        def read(data: bytes) -> None:
            if ticket == self._card_ticket:
                run_in_process(card_for_preview, (data, media.describe(), rotate, crop, focus, width), made, failed, self)

        run_in_background(media.read_bytes, read, failed, photo_pool(), context=self)
