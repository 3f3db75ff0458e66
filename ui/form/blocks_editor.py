"""The body of the article as a column of segments.

Consecutive paragraph blocks form one text segment; headings, quotes and
photos are segments of their own. When the model's blocks change, the
column is reconciled with it: a segment whose blocks are unchanged is kept
(so the editor being typed in keeps its cursor), others are built, from a
retired segment of the same kind when there is one (segments are never
deleted while the window runs: see ``_retire``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFrame, QVBoxLayout, QWidget

from editor.block_kinds import Kind, convert_blocks
from editor.model import Block, HeadingBlock, ParagraphBlock, QuoteBlock
from ui.common.image_cache import ImageCache
from ui.document.document import Document
from ui.form.block_widgets import BLOCK_MIME, BlockFrame, HeadingSegment, ImageSegment, ListSegment, QuoteSegment, TextSegment
from ui.form.text_edits import PasteHandlers

BATCH = 1  # new segments built per pass of the event loop (a photo's takes ~10 ms)
# A real timer, not a zero one: Qt runs zero timers before other timers and
# input, so back-to-back passes would add up to one long stall.
NEXT_PASS_MS = 1


def _segments_of(blocks: list[Block]) -> list[tuple[str, tuple[str, ...]]]:
    segments: list[tuple[str, tuple[str, ...]]] = []
    for block in blocks:
        if isinstance(block, ParagraphBlock) and segments and segments[-1][0] == "text":
            segments[-1] = ("text", (*segments[-1][1], block.id))
        elif isinstance(block, ParagraphBlock):
            segments.append(("text", (block.id,)))
        else:
            segments.append((block.type, (block.id,)))
    return segments


class BlocksEditor(QWidget):
    block_focused = Signal(str)  # the user is in this block
    files_dropped = Signal(list, int)  # local file paths, at this block index

    def __init__(self, document: Document, images: ImageCache, parent: QWidget | None = None, *,
                 paste: PasteHandlers | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._images = images
        # One object for every segment's text fields, made now or later (see PasteHandlers).
        self._paste = paste if paste is not None else PasteHandlers()
        self._segments: list[BlockFrame] = []
        self._current: BlockFrame | None = None
        self._focused_id: str | None = None
        self._more_pending = False
        self._spare: dict[str, list[BlockFrame]] = {}  # retired segments by kind, for reuse
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        # It grows at its foot as an opened article's segments are built, a
        # pass at a time: only what a resize uncovers is painted, not every
        # segment in view again at each pass (see Composer).
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setAcceptDrops(True)
        # Where a drop would land: a line between two segments, shown while dragging.
        self.drop_line = QFrame(self)
        self.drop_line.setFrameShape(QFrame.Shape.NoFrame)
        self.drop_line.setStyleSheet("background: palette(highlight);")
        self.drop_line.hide()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)
        document.blocks_replaced.connect(self._reconcile)
        document.block_moved.connect(self._reconcile)
        document.block_changed.connect(self._on_document_block_changed)
        document.reset.connect(self._reconcile)
        self._reconcile()

    def segments(self) -> list[BlockFrame]:
        return list(self._segments)

    def segment_of(self, block_id: str) -> BlockFrame | None:
        for segment in self._segments:
            if block_id in segment.block_ids():
                return segment
        return None

    # --- keeping the column in step with the model --------------------------
    def _make(self, kind: str, ids: tuple[str, ...]) -> BlockFrame:
        segment: BlockFrame
        if kind == "text":
            segment = TextSegment(self._document, ids, self, paste=self._paste)
        elif kind == "heading":
            segment = HeadingSegment(self._document, ids[0], self)
        elif kind == "quote":
            segment = QuoteSegment(self._document, ids[0], self, paste=self._paste)
        elif kind == "list":
            segment = ListSegment(self._document, ids[0], self, paste=self._paste)
        else:
            segment = ImageSegment(self._document, ids[0], self._images, self, paste=self._paste)
        segment.focused.connect(lambda block_id, s=segment: self._on_segment_focused(s, block_id))
        segment.edge_reached.connect(lambda step, s=segment: self._move_focus(s, step))
        segment.move_requested.connect(self._on_segment_move_requested)
        segment.remove_requested.connect(lambda s=segment: self.remove_segment(s))
        return segment

    def _reconcile(self, *args: int) -> None:
        """Bring the column in line with the model. At most ``BATCH``
        segments are built or reused per pass, the rest in later passes of
        the event loop, so dropping 20 photos never freezes the window."""
        self._bring_in_line(show_kept=True)

    def _bring_in_line(self, show_kept: bool) -> None:
        """One pass of ``_reconcile``. ``show_kept``: the segments already
        on the column show the model again; a later pass of the same build
        leaves them, since every change in between reached them itself
        (``block_changed``) or started a full pass (a 1,000-block article
        is built in about 40 passes, which compared every paragraph built
        so far each time: 45 ms of the UI thread per open)."""
        wanted = _segments_of(self._document.article.blocks)
        existing = {segment.key(): segment for segment in self._segments}
        kept = {key: existing.pop(key) for key in wanted if key in existing}
        for key in wanted:
            if key not in kept and key[0] == "text":
                shared = self._text_segment_sharing(existing, key[1])
                if shared is not None:
                    kept[key] = shared
        for stale in existing.values():
            self._retire(stale)
        segments = []
        built = 0
        for key in wanted:
            segment = kept.get(key)
            if segment is not None:
                if show_kept:
                    segment.show_model()
            else:
                if built == BATCH:
                    if not self._more_pending:
                        self._more_pending = True
                        QTimer.singleShot(NEXT_PASS_MS, self, self._reconcile_later)
                    continue
                segment = self._reuse(*key) or self._make(*key)
                built += 1
            segments.append(segment)
        if segments != self._segments:
            # Move only what is out of place: re-adding every widget made
            # each pass relayout the whole column.
            for position, segment in enumerate(segments):
                item = self._layout.itemAt(position)
                if item is None or item.widget() is not segment:
                    if self._layout.indexOf(segment) >= 0:
                        self._layout.removeWidget(segment)
                    self._layout.insertWidget(position, segment)
                    segment.show()
            self._segments = segments

    def _retire(self, segment: BlockFrame) -> None:
        """Take a segment off the column and keep it for reuse. Segments are
        never deleted while the window runs: deleting widgets made in
        Python (deleteLater) segfaulted PySide6 6.12 in shiboken's
        releaseWrapper during the soak run, from the segment's nested
        layouts, under gdb. Kept, a photo segment costs its widgets only (its
        thumbnail and texts are dropped), and the next segment of its kind
        is built from it, which is also quicker."""
        if segment is self._current:
            self._current = None
        segment.hide()
        self._layout.removeWidget(segment)
        segment.retire()
        self._spare.setdefault(segment.kind, []).append(segment)

    def _reuse(self, kind: str, ids: tuple[str, ...]) -> BlockFrame | None:
        spare = self._spare.get(kind)
        if not spare:
            return None
        segment = spare.pop()
        segment.rebind(ids)
        return segment

    def _reconcile_later(self) -> None:
        self._more_pending = False
        self._bring_in_line(show_kept=False)

    def is_complete(self) -> bool:
        """True when every block of the model has its widget."""
        return not self._more_pending

    @staticmethod
    def _text_segment_sharing(existing: dict[tuple[str, tuple[str, ...]], BlockFrame], ids: tuple[str, ...]) -> TextSegment | None:
        """An unused text segment holding one of ``ids``: rebound to them, so
        an undone split or join keeps the editor the user is in."""
        for key, segment in list(existing.items()):
            if isinstance(segment, TextSegment) and set(key[1]) & set(ids):
                del existing[key]
                segment.rebind(ids)
                return segment
        return None

    def _on_document_block_changed(self, block_id: str) -> None:
        segment = self.segment_of(block_id)
        if segment is not None:
            segment.show_model()

    # --- focus -------------------------------------------------------------
    def _on_segment_focused(self, segment: BlockFrame, block_id: str) -> None:
        if segment is self._current and block_id == self._focused_id:
            return
        self._current = segment
        self._focused_id = block_id
        self.block_focused.emit(block_id)

    def _move_focus(self, segment: BlockFrame, step: int) -> None:
        index = self._segments.index(segment) + step
        if 0 <= index < len(self._segments):
            target = self._segments[index]
            ids = target.block_ids()
            target.focus_block(ids[0] if step > 0 else ids[-1], at_end=step < 0)

    def focus_block(self, block_id: str) -> None:
        segment = self.segment_of(block_id)
        if segment is not None:
            segment.focus_block(block_id)
            # Said here too: a window that is not active gets no focus event.
            self._on_segment_focused(segment, block_id)

    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """The block being edited is the one whose text has the cursor: once
        the user goes to another field of the window (the title, the
        checklist), new blocks go to the end again. A dialog or a menu taking
        the focus for a moment changes nothing."""
        if new is None or new.window() is not self.window() or self.isAncestorOf(new):
            return
        self._current = None
        self._focused_id = None

    def current_block_id(self) -> str | None:
        if self._current is None or self._current not in self._segments:
            return None
        if isinstance(self._current, TextSegment):
            return self._current.current_block_id()
        return self._current.block_ids()[0]

    # --- structure -----------------------------------------------------------
    def insert_blocks(self, blocks: list[Block], label: str) -> None:
        """Insert at the cursor: inside a text segment the text is split
        there (one undo step); after any other segment, after it; else at the end."""
        article = self._document.article
        segment = self._current if self._current in self._segments else None
        if isinstance(segment, TextSegment):
            before, after = segment.split_at_cursor()
            start = self._document.index_of(segment.block_ids()[0])
            end = start + len(segment.block_ids())
            self._document.replace_blocks(start, end, [*before, *blocks, *after], label)
        else:
            index = len(article.blocks)
            if segment is not None:
                index = self._document.index_of(segment.block_ids()[-1]) + 1
            self._document.replace_blocks(index, index, blocks, label)
        focus_segment = self.segment_of(blocks[0].id)
        if focus_segment is not None:
            focus_segment.focus_block(blocks[0].id)

    def add_block(self, kind: str, at_end: bool = False) -> None:
        """A new empty block after the one being edited, else (or ``at_end``) at the end."""
        block: Block = {"paragraph": ParagraphBlock, "heading": HeadingBlock, "quote": QuoteBlock}[kind]()
        current = None if at_end else self.current_block_id()
        index = len(self._document.article.blocks) if current is None else self._document.index_of(current) + 1
        self._document.replace_blocks(index, index, [block], self.tr("Insert block"))
        new_segment = self.segment_of(block.id)
        if new_segment is not None:
            new_segment.focus_block(block.id)

    def convertible_ids(self) -> tuple[str, ...]:
        """The blocks the bar's Heading, Quote and list buttons act on: the
        selected paragraphs, or the heading, quote or list being edited;
        () when the cursor is not in the body (or in a photo)."""
        segment = self._current if self._current in self._segments else None
        if isinstance(segment, TextSegment):
            return segment.selected_block_ids()
        if segment is None or isinstance(segment, ImageSegment):
            return ()
        return segment.block_ids()

    def convert_current(self, kind: Kind, label: str) -> None:
        """The blocks being edited as ``kind`` (or back to paragraphs), one undo step."""
        ids = self.convertible_ids()
        if not ids:
            return
        start = self._document.index_of(ids[0])
        old = self._document.article.blocks[start : start + len(ids)]
        new = convert_blocks(old, kind)
        if new == old:
            return
        self._document.replace_blocks(start, start + len(ids), new, label)
        segment = self.segment_of(new[0].id)
        if segment is not None:
            segment.focus_block(new[0].id, at_end=True)
            self._on_segment_focused(segment, new[0].id)

    def remove_segment(self, segment: BlockFrame) -> None:
        ids = segment.block_ids()
        start = self._document.index_of(ids[0])
        self._document.replace_blocks(start, start + len(ids), [], self.tr("Remove block"))

    def _on_segment_move_requested(self, block_id: str, step: int) -> None:
        index = self._document.index_of(block_id)
        self._document.move_block(block_id, index + step)
        segment = self.segment_of(block_id)
        if segment is not None:
            segment.focus_block(block_id)

    def move_blocks(self, ids: list[str], to_index: int) -> None:
        """Move consecutive blocks so they start where ``to_index`` was."""
        blocks = self._document.article.blocks
        start = self._document.index_of(ids[0])
        end = start + len(ids)
        if start <= to_index <= end:
            return
        moving = blocks[start:end]
        rest = blocks[:start] + blocks[end:]
        target = to_index if to_index < start else to_index - len(ids)
        reordered = rest[:target] + moving + rest[target:]
        low, high = min(start, to_index), max(end, to_index)
        self._document.replace_blocks(low, high, reordered[low:high], self.tr("Move block"))

    # --- drag and drop ------------------------------------------------------------
    def _index_at(self, position: QPoint) -> int:
        for segment in self._segments:
            geometry = segment.geometry()
            if position.y() < geometry.center().y():
                return self._document.index_of(segment.block_ids()[0])
            if position.y() <= geometry.bottom():
                return self._document.index_of(segment.block_ids()[-1]) + 1
        return len(self._document.article.blocks)

    @staticmethod
    def _local_files(mime: QMimeData) -> list[Path]:
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(BLOCK_MIME) or self._local_files(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def] # noqa: N802
        event.acceptProposedAction()
        self._show_drop_line(self._index_at(event.position().toPoint()))

    def dragLeaveEvent(self, event) -> None:  # type: ignore[no-untyped-def] # noqa: N802
        self.drop_line.hide()

    def _show_drop_line(self, index: int) -> None:
        """A line in the gap before the segment holding block ``index`` (after the last at the end)."""
        blocks = self._document.article.blocks
        y = 0
        for segment in self._segments:
            if self._document.index_of(segment.block_ids()[0]) >= index:
                y = segment.geometry().top() - self._layout.spacing() // 2
                break
            y = segment.geometry().bottom() + self._layout.spacing() // 2
        if not blocks:
            y = 0
        self.drop_line.setGeometry(0, max(0, y - 1), self.width(), 3)
        self.drop_line.show()
        self.drop_line.raise_()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        self.drop_line.hide()
        index = self._index_at(event.position().toPoint())
        mime = event.mimeData()
        if mime.hasFormat(BLOCK_MIME):
            ids = bytes(mime.data(BLOCK_MIME).data()).decode().split(",")
            self.move_blocks(ids, index)
        else:
            self.files_dropped.emit([str(p) for p in self._local_files(mime)], index)
        event.acceptProposedAction()
