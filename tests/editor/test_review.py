"""The review state inside a draft: saved, read back, and absent from old drafts."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from editor.article_format import article_from_dict, article_to_dict
from editor.draft import load_draft, save_draft
from editor.errors import FormatError
from editor.model import Article, ParagraphBlock
from editor.review import APPROVED, CHANGES, DRAFT, REVIEW, Review


def _resolve(src: str) -> None:
    return None


def test_each_change_of_state_is_kept_with_who_when_and_comment_through_a_save(tmp_path: Path) -> None:
    article = Article(title="Phường Hòa Nghĩa khai giảng lớp học", blocks=[ParagraphBlock(text="Sáng nay…")])
    at = datetime(2026, 12, 1, 9, 0, tzinfo=timezone(timedelta(hours=7)))
    review = Review(assignee="Nguyễn Lan", due=date(2026, 12, 5))
    review = review.changed_to(REVIEW, "Hoàng Tùng", at=at)
    review = review.changed_to(CHANGES, "Nguyễn Lan", "Thêm ảnh  ", at=at + timedelta(hours=1))
    article.review = review
    path = tmp_path / "bai.article"
    save_draft(article, path)

    again = load_draft(path)
    assert again.review.state == CHANGES
    assert again.review.assignee == "Nguyễn Lan"
    assert again.review.due == date(2026, 12, 5)
    assert [(e.state, e.by, e.at, e.comment) for e in again.review.history] == [
        (REVIEW, "Hoàng Tùng", at, ""), (CHANGES, "Nguyễn Lan", at + timedelta(hours=1), "Thêm ảnh"),
    ]
    stored = json.loads(zipfile.ZipFile(path).read("article.json"))
    assert stored["review"]["state"] == "changes"
    assert stored["review"]["history"][1]["at"] == "2026-12-01T10:00:00+07:00"


def test_an_old_draft_without_review_opens_as_a_draft_and_is_saved_without_one(tmp_path: Path) -> None:
    article = article_from_dict({"format": "article/1", "title": "Tin cũ"}, _resolve)
    assert article.review.state == DRAFT and article.review.history == ()
    assert "review" not in article_to_dict(article, lambda block: block.src)


def test_a_bad_review_object_is_reported_with_its_path() -> None:
    data = {"format": "article/1", "title": "T", "review": {"state": "done", "due": "mai",
            "history": [{"state": "review", "by": "A", "at": "2026-12-01T09:00:00"}]}}
    with pytest.raises(FormatError) as caught:
        article_from_dict(data, _resolve)
    text = "\n".join(caught.value.problems)
    assert "review.state: must be one of draft, review, changes, approved, published" in text
    assert "review.due" in text and "review.history[0]" in text


def test_unknown_review_fields_survive_a_round_trip() -> None:
    data = {"format": "article/1", "title": "T", "review": {"state": "approved", "x-office": "UBND",
            "history": [{"state": "approved", "by": "A", "at": "2026-12-01T09:00:00+07:00", "x-id": 7}]}}
    article = article_from_dict(data, _resolve)
    assert article.review.state == APPROVED
    written = article_to_dict(article, lambda block: block.src)["review"]
    assert written["x-office"] == "UBND" and written["history"][0]["x-id"] == 7


def test_what_changed_since_the_last_review_compares_with_the_save_of_the_last_change(tmp_path: Path) -> None:
    from editor.review_changes import changes_since_review

    path = tmp_path / "bai.article"
    article = Article(title="Tin", blocks=[ParagraphBlock(text="Bản đầu tiên.")])
    save_draft(article, path, revision_at=datetime(2026, 12, 1, 1, tzinfo=UTC))
    assert changes_since_review(load_draft(path)) is None  # never submitted
    article = load_draft(path)
    article.blocks[0].text = "Bản gửi duyệt."
    article.review = article.review.changed_to(CHANGES, "Nguyễn Lan", at=datetime(2026, 12, 1, 2, tzinfo=UTC))
    save_draft(article, path, revision_at=datetime(2026, 12, 1, 2, 0, 5, tzinfo=UTC))
    article = load_draft(path)
    article.blocks[0].text = "Bản đã sửa theo góp ý."
    save_draft(article, path, revision_at=datetime(2026, 12, 1, 3, tzinfo=UTC))
    article = load_draft(path)
    article.blocks[0].text = "Bản đã sửa theo góp ý, chưa lưu."

    revision, lines = changes_since_review(article)  # type: ignore[misc]
    assert revision.saved_at == datetime(2026, 12, 1, 2, 0, 5, tzinfo=UTC)
    removed = "".join(text for line in lines for kind, text in line.parts if kind == "removed")
    added = "".join(text for line in lines for kind, text in line.parts if kind == "added")
    assert "gửi duyệt" in removed and "Bản đầu tiên" not in removed  # against the reviewed text, not the first
    assert "chưa lưu" in added
