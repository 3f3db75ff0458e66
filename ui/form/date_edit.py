"""The article's date: a day field with a calendar beside it, and a time
field. Tab goes from the day to the time to the next field of the form;
typing "15/12/2023 09:30" in the day field sets both, and the day and the
time may also be typed each in its own field. What cannot be read is kept
as typed and said on the line under the fields, which is always there, so
nothing moves when it appears."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QFrame, QHBoxLayout, QLineEdit, QToolButton, QVBoxLayout, QWidget

from editor.model import DEFAULT_TIMEZONE
from editor.typed_dates import read_day_and_time, read_time
from ui.common.language import Retranslating
from ui.form.text_edits import route_undo_keys
from ui.form.url_edit import ProblemLine

DAY_FORMAT, TIME_FORMAT = "%d/%m/%Y", "%H:%M"


class PublishedEdit(Retranslating, QWidget):
    edited = Signal(object)  # the day and time the user set (a naive local datetime), or None: no date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: datetime | None = None
        self.zone = ZoneInfo(DEFAULT_TIMEZONE)  # the article's: "now" is its time there
        self.day = QLineEdit(self)
        self.time = QLineEdit(self)
        for line, sample in ((self.day, "00/00/0000 00:00"), (self.time, "00:00")):
            route_undo_keys(line)
            line.setFixedWidth(line.fontMetrics().horizontalAdvance(sample) + 24)
            line.installEventFilter(self)
            line.editingFinished.connect(self._on_editing_finished)
        self.pick = QToolButton(self)
        self.pick.setText("▾")
        self.pick.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+Down in the day field opens it too
        self.pick.clicked.connect(self.open_calendar)
        self.popup = QFrame(self, Qt.WindowType.Popup)
        self.popup.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self.popup)
        self.calendar.setGridVisible(True)
        popup_layout = QVBoxLayout(self.popup)
        popup_layout.setContentsMargins(0, 0, 0, 0)
        popup_layout.addWidget(self.calendar)
        self.calendar.clicked.connect(self._on_calendar_chosen)
        self.calendar.activated.connect(self._on_calendar_chosen)
        self.problem = ProblemLine(self)
        self.setFocusProxy(self.day)  # "go to the date" (a check's finding, the label's shortcut) lands in the day
        self.row = QHBoxLayout()  # the form adds the time zone's name at its end
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addWidget(self.day)
        self.row.addWidget(self.pick)
        self.row.addSpacing(8)
        self.row.addWidget(self.time)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self.row)
        layout.addWidget(self.problem)
        self.retranslate()

    def retranslate(self) -> None:
        self.day.setPlaceholderText(self.tr("no date"))
        self.day.setToolTip(self.tr("Day/month/year, e.g. 15/12/2023; the time may follow: 15/12/2023 09:30"))
        self.time.setPlaceholderText(self.tr("hh:mm"))
        self.time.setToolTip(self.tr("Hours:minutes, e.g. 09:30"))
        self.pick.setToolTip(self.tr("Choose the day on a calendar (Alt+Down)"))
        self.pick.setAccessibleName(self.tr("Choose the day on a calendar (Alt+Down)"))
        self.calendar.setLocale(self.locale())

    def value(self) -> datetime | None:
        return self._value

    def set_value(self, value: datetime | None) -> None:
        """Show the model's day and time (a naive local datetime, or None)."""
        if value == self._value and self.problem.message():
            return  # what the user typed and we could not read stays in sight
        self._value = value
        self.day.setText(value.strftime(DAY_FORMAT) if value is not None else "")
        self.time.setText(value.strftime(TIME_FORMAT) if value is not None else "")
        self.problem.show_message("")

    # --- the calendar --------------------------------------------------------
    def open_calendar(self) -> None:
        shown = self._value.date() if self._value is not None else datetime.now(self.zone).date()
        self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        self.popup.adjustSize()
        self.popup.move(self.day.mapToGlobal(self.day.rect().bottomLeft()))
        self.popup.show()
        self.calendar.setFocus()

    def _on_calendar_chosen(self, chosen: QDate) -> None:
        self.popup.hide()
        self.day.setText(f"{chosen.day():02d}/{chosen.month():02d}/{chosen.year()}")
        self.day.setFocus()
        self._commit()

    # --- keys ----------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if watched is self.day and event.key() == Qt.Key.Key_Down and event.modifiers() == Qt.KeyboardModifier.AltModifier:
            self.open_calendar()
            return True
        if watched is self.day and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self._step_day(1 if event.key() == Qt.Key.Key_Up else -1)
            return True
        return False

    def _step_day(self, days: int) -> None:
        """A day later or earlier; with no date yet, now (not 1900)."""
        if self._value is None:
            moment = datetime.now(self.zone).replace(tzinfo=None, second=0, microsecond=0)
        else:
            moment = self._value + timedelta(days=days)
        self._set_and_emit(moment)

    # --- reading what was typed ----------------------------------------------
    def _on_editing_finished(self) -> None:
        self._commit()

    def _commit(self) -> None:
        day_text, time_text = self.day.text().strip(), self.time.text().strip()
        if not day_text:
            self.problem.show_message("")
            if self._value is not None:
                self._value = None
                self.time.clear()
                self.edited.emit(None)
            return
        day, typed_time, understood = read_day_and_time(day_text)
        if day is None or not understood:
            self.problem.show_message(self.tr("Not a date: write the day as day/month/year, e.g. 15/12/2023"))
            return
        if typed_time is None:
            typed_time = read_time(time_text) if time_text else time(0, 0)
            if typed_time is None:
                self.problem.show_message(self.tr("Not a time: write it as hours:minutes, e.g. 09:30"))
                return
        self._set_and_emit(datetime.combine(day, typed_time))

    def _set_and_emit(self, moment: datetime) -> None:
        changed = moment != self._value
        self.set_value(moment)
        if changed:
            self.edited.emit(moment)
