"""The review state of a draft: who wrote it, who approves it, and where it is.

An office works biên tập → duyệt: one person writes, another approves before
anything is published. The state travels inside the ``.article`` itself (the
``review`` object of ``article.json``, see docs/format.md), so a folder of
drafts on a share is the whole shared store and no database lives there.

States, in their usual order: nháp (draft) → chờ duyệt (waiting for review)
→ cần sửa (changes requested) → đã duyệt (approved) → đã đăng (published).
Any change is allowed (an approved article can go back for changes); each
one is recorded with who, when and an optional comment.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any

from editor.text import clean_plain, clean_single_line

DRAFT, REVIEW, CHANGES, APPROVED, PUBLISHED = "draft", "review", "changes", "approved", "published"
STATES = (DRAFT, REVIEW, CHANGES, APPROVED, PUBLISHED)
# The words the office uses; the window translates the English ones.
VIETNAMESE_NAMES = {
    DRAFT: "nháp", REVIEW: "chờ duyệt", CHANGES: "cần sửa", APPROVED: "đã duyệt", PUBLISHED: "đã đăng",
}
ENGLISH_NAMES = {
    DRAFT: "draft", REVIEW: "waiting for review", CHANGES: "changes requested", APPROVED: "approved",
    PUBLISHED: "published",
}
_EVENT_FIELDS = ("state", "by", "at", "comment")
_REVIEW_FIELDS = ("state", "assignee", "due", "history")


@dataclass(frozen=True)
class ReviewEvent:
    """One change of state: to ``state``, by ``by``, at ``at`` (aware)."""

    state: str
    by: str
    at: datetime
    comment: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Review:
    state: str = DRAFT
    assignee: str = ""
    due: date | None = None
    history: tuple[ReviewEvent, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def is_default(self) -> bool:
        """Nothing was ever set: an old draft, or a new one nobody submitted."""
        return self == Review() and not self.extra

    def changed_to(self, state: str, by: str, comment: str = "", at: datetime | None = None) -> Review:
        """This review moved to ``state``, the change added to the history."""
        if state not in STATES:
            raise ValueError(f"unknown review state {state!r}")
        event = ReviewEvent(state, clean_single_line(by), at or datetime.now(UTC).replace(microsecond=0),
                            clean_plain(comment).strip())
        return replace(self, state=state, history=(*self.history, event))

    def last_change(self) -> ReviewEvent | None:
        return self.history[-1] if self.history else None


def review_from_dict(raw: Any, add_problem: Any) -> Review:
    """Read the ``review`` object; ``add_problem(path, message)`` collects problems."""
    if not isinstance(raw, dict):
        add_problem("review", "must be an object with state, assignee, due and history")
        return Review()
    state = raw.get("state", DRAFT)
    if state not in STATES:
        add_problem("review.state", f"must be one of {', '.join(STATES)}, not {json.dumps(state, ensure_ascii=False)}")
        state = DRAFT
    assignee = raw.get("assignee", "")
    if not isinstance(assignee, str):
        add_problem("review.assignee", "must be text")
        assignee = ""
    due = None
    if raw.get("due"):
        try:
            due = date.fromisoformat(raw["due"])
        except (TypeError, ValueError):
            add_problem("review.due", f"{raw['due']!r} is not a date such as 2026-12-31")
    history: list[ReviewEvent] = []
    events = raw.get("history", [])
    if not isinstance(events, list):
        add_problem("review.history", "must be a list")
        events = []
    for index, item in enumerate(events):
        path = f"review.history[{index}]"
        try:
            moment = datetime.fromisoformat(item["at"])
            if moment.tzinfo is None or item["state"] not in STATES:
                raise ValueError
            history.append(ReviewEvent(
                item["state"], clean_single_line(str(item.get("by", ""))), moment,
                clean_plain(str(item.get("comment", ""))),
                {k: v for k, v in item.items() if k not in _EVENT_FIELDS},
            ))
        except (TypeError, KeyError, ValueError):
            add_problem(path, "must be an object with a known state and an ISO 8601 time with a UTC offset (at)")
    return Review(state, clean_single_line(assignee), due, tuple(history),
                  {k: v for k, v in raw.items() if k not in _REVIEW_FIELDS})


def review_to_dict(review: Review) -> dict[str, Any]:
    data: dict[str, Any] = {"state": review.state, "assignee": review.assignee}
    if review.due is not None:
        data["due"] = review.due.isoformat()
    data["history"] = [
        {"state": e.state, "by": e.by, "at": e.at.isoformat(), "comment": e.comment, **e.extra} for e in review.history
    ]
    data.update({k: v for k, v in review.extra.items() if k not in data})
    return data
