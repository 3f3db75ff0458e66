"""The formatting actions (bold, italic, link, remove link, and the body's
heading, quote and lists) applied to the text field that has, or last had,
the cursor (for the block kinds: the blocks being edited).

Each action is one undo step of its own (``Document.one_step``): it never
merges with the typing before or after it, as Word and WordPress do. The
window's Format menu, its shortcuts and the bar above the form all trigger
the same ``TextFormatter`` methods.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from ui.document.document import Document
from ui.form.blocks_editor import BlocksEditor
from ui.form.link_dialog import LinkDialog
from ui.form.text_edits import RichTextEdit

_PARAGRAPH_SEPARATOR = "\u2029"  # QTextCursor.selectedText() between paragraphs


class TextFormatter(QObject):
    """Formats the rich text field of ``scope`` that has or last had the cursor."""

    target_changed = Signal()  # another field took the cursor: what is possible may differ

    def __init__(self, document: Document, blocks: BlocksEditor, scope: QWidget) -> None:
        super().__init__(scope)
        self._document = document
        self._blocks = blocks
        blocks.block_focused.connect(lambda block_id: self.target_changed.emit())
        self._scope = scope
        self._target: RichTextEdit | None = None
        self._link_dialog: LinkDialog | None = None
        # While the dialog is open: the field and the words the link is for.
        self._pending: tuple[RichTextEdit, QTextCursor] | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    # --- which field -----------------------------------------------------------
    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if new is None or new.window() is not self._scope.window():
            return  # a dialog or a menu for a moment: the field stays the target
        if isinstance(new, RichTextEdit) and self._scope.isAncestorOf(new):
            target: RichTextEdit | None = new
        elif self._scope.isAncestorOf(new):
            target = None  # a plain field of the form (title, alt text): nothing to format
        else:
            return  # the bar, the preview, a panel: the last field stays the target
        if target is not self._target:
            self._target = target
            self.target_changed.emit()

    def target(self) -> RichTextEdit | None:
        """The rich text field the actions apply to, if it is still shown."""
        target = self._target
        if target is None or not target.isVisibleTo(self._scope):
            return None  # its segment was retired (the block was removed)
        return target

    # --- inline formats -------------------------------------------------------
    def bold(self) -> None:
        self._in_one_step(self.tr("Bold"), lambda edit: edit.toggle_bold())

    def italic(self) -> None:
        self._in_one_step(self.tr("Italic"), lambda edit: edit.toggle_italic())

    def remove_link(self) -> None:
        self._in_one_step(self.tr("Remove link"), lambda edit: edit.remove_link())

    def _in_one_step(self, label: str, action: Callable[[RichTextEdit], None]) -> None:
        edit = self.target()
        if edit is None:
            return
        with self._document.one_step(label):
            action(edit)
        edit.setFocus()

    # --- the body's block kinds ---------------------------------------------------
    def heading(self) -> None:
        self._blocks.convert_current("heading", self.tr("Heading"))

    def quote(self) -> None:
        self._blocks.convert_current("quote", self.tr("Quote"))

    def bulleted_list(self) -> None:
        self._blocks.convert_current("bulleted", self.tr("Bulleted list"))

    def numbered_list(self) -> None:
        self._blocks.convert_current("numbered", self.tr("Numbered list"))

    def can_convert(self) -> bool:
        return bool(self._blocks.convertible_ids())

    def link_dialog(self) -> LinkDialog:
        if self._link_dialog is None:
            self._link_dialog = LinkDialog(self._scope.window())
            self._link_dialog.finished.connect(self._on_link_dialog_finished)
        return self._link_dialog

    def link(self) -> None:
        """Ctrl+K: the dialog, filled with the link under the cursor (or the
        selected words); the link is made when it is accepted."""
        edit = self.target()
        if edit is None:
            return
        cursor, href = edit.link_under_cursor()
        self._pending = (edit, cursor)
        selected = cursor.selectedText()
        dialog = self.link_dialog()
        # A selection over several paragraphs keeps its words: only the address is asked.
        dialog.show_link(href, selected.replace("\u2028", " "), is_link=bool(href), text_editable=_PARAGRAPH_SEPARATOR not in selected)

    def _on_link_dialog_finished(self, result: int) -> None:
        if self._pending is None:
            return
        (edit, cursor), self._pending = self._pending, None
        dialog = self.link_dialog()
        if result != QDialog.DialogCode.Accepted or not edit.isVisibleTo(self._scope):
            edit.setFocus()
            return
        if dialog.removed:
            with self._document.one_step(self.tr("Remove link")):
                edit.remove_link(cursor)
        else:
            text = dialog.text() if dialog.text_edit.isEnabled() else None
            with self._document.one_step(self.tr("Link")):
                edit.set_link(dialog.address(), cursor, text or None)
        edit.setFocus()
