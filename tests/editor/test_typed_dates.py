from datetime import date, time

import pytest

from editor.typed_dates import read_day_and_time, read_time


@pytest.mark.parametrize("typed", ["15/12/2023", "15-12-2023", "15.12.2023", " 15 / 12 / 2023 ", "15/12/23"])
def test_a_day_is_read_day_first_whatever_the_separator(typed: str) -> None:
    assert read_day_and_time(typed) == (date(2023, 12, 15), None, True)


@pytest.mark.parametrize("typed", ["15/12/2023 09:30", "15/12/2023 9:30", "15/12/2023 9h30", "15/12/2023  0930"])
def test_a_time_written_after_the_day_is_read_with_it(typed: str) -> None:
    assert read_day_and_time(typed) == (date(2023, 12, 15), time(9, 30), True)


@pytest.mark.parametrize("typed", ["", "hôm nay", "31/02/2023", "15/13/2023", "12/15/2023 09:30"])
def test_what_is_not_a_day_is_not_guessed(typed: str) -> None:
    assert read_day_and_time(typed)[2] is False


def test_a_day_followed_by_something_else_is_not_understood_in_full() -> None:
    assert read_day_and_time("15/12/2023 sáng") == (date(2023, 12, 15), None, False)


@pytest.mark.parametrize(("typed", "expected"), [("09:30", time(9, 30)), ("9h30", time(9, 30)), ("9h", time(9, 0)),
                                                 ("0930", time(9, 30)), ("21", time(21, 0)), ("9g15", time(9, 15))])
def test_a_time_is_read_as_people_write_it(typed: str, expected: time) -> None:
    assert read_time(typed) == expected


@pytest.mark.parametrize("typed", ["", "25:00", "9:75", "chín giờ", "9:3"])
def test_what_is_not_a_time_is_none(typed: str) -> None:
    assert read_time(typed) is None
