"""The article File ▸ New (and the first window) starts with: dated now, to
the minute, in the portal's time zone, with the office's usual byline."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from editor.model import DEFAULT_TIMEZONE, Article


def blank_article(author: str = "", source: str = "", now: datetime | None = None) -> Article:
    """A new article by ``author`` from ``source``, published at ``now``
    (the current time by default) shown in the default time zone."""
    zone = ZoneInfo(DEFAULT_TIMEZONE)
    published = (now.astimezone(zone) if now is not None else datetime.now(zone)).replace(second=0, microsecond=0)
    return Article(published=published, timezone=DEFAULT_TIMEZONE, author=author, source=source)
