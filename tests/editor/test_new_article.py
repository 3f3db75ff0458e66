"""File ▸ New's article (editor/new_article.py): dated now to the minute in
the portal's time zone, with the office's byline."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from editor.model import DEFAULT_TIMEZONE
from editor.new_article import blank_article


def test_a_new_article_is_dated_to_the_minute_in_vietnam_with_the_byline() -> None:
    article = blank_article("Minh Anh", "Ban Tuyên giáo", now=datetime(2026, 1, 5, 2, 7, 41, 123, tzinfo=UTC))
    assert (article.author, article.source) == ("Minh Anh", "Ban Tuyên giáo")
    assert article.timezone == DEFAULT_TIMEZONE
    assert article.published is not None
    assert article.published.isoformat() == "2026-01-05T09:07:00+07:00"  # 02:07 UTC is 09:07 in Hải Phòng
    assert article.title == "" and article.blocks == []


def test_a_new_article_without_a_time_is_dated_now() -> None:
    before = datetime.now(UTC).replace(second=0, microsecond=0)
    article = blank_article()
    assert article.published is not None
    assert before <= article.published <= datetime.now(UTC)
    assert article.published.utcoffset() == timedelta(hours=7)
    assert article.author == "" and article.source == ""
