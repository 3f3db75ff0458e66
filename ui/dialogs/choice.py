"""A question with the app's own answers ("Open a copy", "Take over"…),
returning which one the user chose; tests replace ``ask_choice``."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def ask_choice(
    parent: QWidget, title: str, text: str, details: str,
    choices: list[tuple[str, str, QMessageBox.ButtonRole]], default: str | None = None,
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> str | None:
    """Ask; returns the key of the chosen answer, or None for Cancel."""
    box = QMessageBox(icon, title, text, parent=parent)
    box.setInformativeText(details)
    buttons = {box.addButton(label, role): key for key, label, role in choices}
    box.addButton(QMessageBox.StandardButton.Cancel)
    for button, key in buttons.items():
        if key == default:
            box.setDefaultButton(button)
    box.exec()
    return buttons.get(box.clickedButton())
