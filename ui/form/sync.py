"""Showing a model value in a line edit without fighting the user.

The model cleans what it is given (NFC, no line breaks). A field being
typed in already shows that value in the user's own form; setting it again
would move the cursor to the end. So a field is only updated when its
cleaned text differs from the model, and then the cursor goes where the
text changed (an undo puts it back where the undone typing was).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from editor.text import clean_single_line
from editor.typing_steps import text_change


def show_in_line_edit(widget: QLineEdit, value: str) -> None:
    if clean_single_line(widget.text()) == value:
        return
    position = text_change(widget.text(), value).new_end if widget.hasFocus() else 0  # unfocused: show its start
    widget.setText(value)
    widget.setCursorPosition(min(position, len(value)))
