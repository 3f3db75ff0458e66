"""The post's category (chuyên mục) on the real test WordPress: the
article's section, else the site profile's default category, matched by
name, created when the account may, and a clear refusal, before anything
is sent, when it may not."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import pytest

from editor.draft import load_draft, save_draft
from editor.publish.command import publish_draft
from editor.publish.publisher import PublishOptions
from tests.editor.test_publish import _post_lines, example_draft, media_named, posts_with_slug, published_line, rest, run_publish
from tests.editor.wordpress import WordPress


def categories_named(site: WordPress, name: str) -> list[dict[str, Any]]:
    found = rest(site, "/wp/v2/categories", {"search": name, "per_page": 100})
    return [c for c in found if html.unescape(c["name"]).casefold() == name.casefold()]


def with_section(tmp_path: Path, prefix: str, section: str) -> Path:
    draft, article = example_draft(tmp_path, prefix, small_photos=True)
    article.section = section
    save_draft(article, draft)
    assert load_draft(draft).section == section  # the section travels in the draft
    return draft


def test_the_articles_section_becomes_the_posts_category_created_once_and_then_found_by_name(
        wordpress: WordPress, tmp_path: Path) -> None:
    assert categories_named(wordpress, "Kinh tế - Xã hội") == []
    first = with_section(tmp_path / "one", "Chuyên mục mới:", "Kinh tế - Xã hội")
    post_id, _ = published_line(run_publish(wordpress, first, "--status", "pending", tmp_path=tmp_path))
    [category] = categories_named(wordpress, "Kinh tế - Xã hội")
    assert category["slug"] == "kinh-te-xa-hoi"  # the app's ASCII slug, not percent-encoded Vietnamese
    assert rest(wordpress, f"/wp/v2/posts/{post_id}", {"context": "edit"})["categories"] == [category["id"]]

    # Another article of the same section, typed in other capitals: the same category, none made.
    second = with_section(tmp_path / "two", "Cùng chuyên mục:", "kinh tế - xã hội")
    second_id, _ = published_line(run_publish(wordpress, second, tmp_path=tmp_path))
    assert rest(wordpress, f"/wp/v2/posts/{second_id}", {"context": "edit"})["categories"] == [category["id"]]
    assert len(categories_named(wordpress, "Kinh tế - Xã hội")) == 1


def test_without_a_section_the_profiles_default_category_and_status_are_used(
        wordpress: WordPress, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft, article = example_draft(tmp_path, "Chuyên mục mặc định:", small_photos=True)
    assert not article.section
    profile = tmp_path / "site.json"
    profile.write_text(json.dumps({"cms": {"kind": "wordpress", "url": wordpress.url, "user": "editor",
                                           "category": "Tin địa phương", "status": "pending"}}))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("TOASOAN_CMS_PASSWORD", wordpress.passwords["editor"])
    outcome = publish_draft(draft, profile, PublishOptions(status=""))  # "": the profile's default status
    assert outcome.result is not None
    post = rest(wordpress, f"/wp/v2/posts/{outcome.result.post_id}", {"context": "edit"})
    [category] = categories_named(wordpress, "Tin địa phương")
    assert post["categories"] == [category["id"]] and post["status"] == "pending"


def test_an_author_who_may_not_create_the_category_is_told_before_anything_is_sent(
        wordpress: WordPress, tmp_path: Path) -> None:
    draft = with_section(tmp_path / "new", "Tác giả, chuyên mục lạ:", "Chuyên đề Đại hội")
    article = load_draft(draft)
    writes_before = _post_lines(wordpress)
    refused = run_publish(wordpress, draft, "--status", "pending", role="author", tmp_path=tmp_path)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "the category “Chuyên đề Đại hội” is not on the site" in refused.stderr
    assert "“author” (author) may not create it" in refused.stderr
    assert "choose one the site has:" in refused.stderr
    assert _post_lines(wordpress) == writes_before  # nothing was sent: no photo, no post, no category
    assert categories_named(wordpress, "Chuyên đề Đại hội") == []
    assert posts_with_slug(wordpress, article) == [] and media_named(wordpress, article) == []

    # A category the site has is fine for an author.
    rest(wordpress, "/wp/v2/categories", data={"name": "Chuyên đề Đại hội", "slug": "chuyen-de-dai-hoi"})
    post_id, _ = published_line(run_publish(wordpress, draft, "--status", "pending", role="author", tmp_path=tmp_path))
    [category] = categories_named(wordpress, "Chuyên đề Đại hội")
    assert rest(wordpress, f"/wp/v2/posts/{post_id}", {"context": "edit"})["categories"] == [category["id"]]
