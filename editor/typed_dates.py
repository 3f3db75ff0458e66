"""A date and a time as office staff type them: "15/12/2023", "15-12-2023",
"15.12.2023", "15/12/2023 09:30", "9:30", "9h30", "0930". Day first, as
Vietnamese dates are written; a two-digit year is in this century."""

from __future__ import annotations

import re
from datetime import date, time

_DAY = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})")


def read_time(text: str) -> time | None:
    """"09:30", "9:30", "9h30", "9h", "0930", "9" → a time; None if it is not one."""
    text = text.strip()
    match = re.fullmatch(r"(\d{1,2})\s*(?:[:hHgG.]\s*(\d{2})?)?", text) or re.fullmatch(r"(\d{2})(\d{2})", text)
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def read_day_and_time(text: str) -> tuple[date | None, time | None, bool]:
    """The day and, when written after it, the time in ``text``; the last
    value says whether all of ``text`` was understood."""
    text = text.strip()
    match = _DAY.match(text)
    if match is None:
        return None, None, False
    day, month, year = (int(part) for part in match.groups())
    if year < 100:
        year += 2000
    try:
        found = date(year, month, day)
    except ValueError:
        return None, None, False
    rest = text[match.end():].strip()
    if not rest:
        return found, None, True
    moment = read_time(rest)
    return found, moment, moment is not None
