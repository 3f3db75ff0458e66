"""article.json: the minimal shape loads, round trips lose nothing, and
every problem is reported with its JSON path."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from editor.article_format import load_article_json, load_site_profile
from editor.draft import load_draft, save_draft
from editor.errors import FormatError, ProfileError, UnsupportedVersionError
from editor.model import HeadingBlock, ImageBlock, ParagraphBlock
from tests.helpers import minimal_article, photo_bytes, write_article_dir


def problems_of(tmp_path: Path, data: Any, photos: dict[str, bytes] | None = None) -> list[str]:
    path = write_article_dir(tmp_path / "a", data, photos)
    with pytest.raises(FormatError) as caught:
        load_article_json(path)
    assert caught.value.path == path  # the message names the file
    return caught.value.problems


def test_the_minimal_shape_from_the_issue_loads(tmp_path: Path) -> None:
    article = load_article_json(write_article_dir(tmp_path))
    assert article.title == "Quận Lê Chân họp Ban Chỉ đạo 35"
    assert [type(b) for b in article.blocks] == [ParagraphBlock, ImageBlock, HeadingBlock]
    image = article.blocks[1]
    assert isinstance(image, ImageBlock)
    assert image.media is not None and image.media.read_bytes() == (tmp_path / "photos/1.jpg").read_bytes()
    assert article.blocks[2].level == 2  # type: ignore[attr-defined]
    assert article.published is not None and article.published.utcoffset().total_seconds() == 7 * 3600  # type: ignore[union-attr]
    assert article.site is not None and article.site.fanpage_url == "https://www.facebook.com/congttdthaiphong"
    assert article.language == "vi"


def test_only_format_and_title_are_required(tmp_path: Path) -> None:
    article = load_article_json(write_article_dir(tmp_path, {"format": "article/1", "title": "Chỉ có tiêu đề"}, {}))
    assert article.title == "Chỉ có tiêu đề" and article.blocks == [] and article.published is None


def test_missing_block_ids_are_assigned_the_same_way_every_time(tmp_path: Path) -> None:
    first = load_article_json(write_article_dir(tmp_path / "1"))
    second = load_article_json(write_article_dir(tmp_path / "2"))
    ids = [b.id for b in first.blocks]
    assert ids == [b.id for b in second.blocks]
    assert len(set(ids)) == 3


def test_round_trip_through_a_draft_loses_nothing(tmp_path: Path) -> None:
    nfd = lambda text: unicodedata.normalize("NFD", text)  # noqa: E731
    data = minimal_article(
        title=nfd("Thành ủy Hải Phòng chỉ đạo"),
        timezone="Asia/Ho_Chi_Minh",
        language="en",
        tags=[nfd("Lê Chân"), "Ban Chỉ đạo 35"],
        **{"x-cms-id": 4711, "x-nested": {"keep": [1, 2, {"a": None}]}},
    )
    data["blocks"][0]["id"] = "mo-dau"
    data["blocks"][0]["x-block-note"] = "kept"
    data["blocks"][1]["credit"] = "Ảnh: Hoàng Tùng"
    data["blocks"].append({"type": "quote", "text": nfd("“Hải Phòng làm theo lời Bác”"), "cite": "Khẩu hiệu"})
    data["blocks"].append({"type": "heading", "text": "Cấp ba", "level": 3})
    data["blocks"][1]["focus"] = {"x": 0.25, "y": 0.75}
    data["related"][0]["x-related"] = True
    data["site"]["x-site"] = "kept"
    data["section"] = "Kinh tế - Xã hội"
    data["updated"] = "2023-11-02T08:05:00+07:00"
    data["site"].update(sections=["Tin tức", "Kinh tế - Xã hội"], copyright="© Cổng TTĐT quận Lê Chân", photo_metadata=False)
    original = load_article_json(write_article_dir(tmp_path / "src", data))
    draft = tmp_path / "bai.article"
    save_draft(original, draft)
    reloaded = load_draft(draft)
    assert reloaded == original
    assert reloaded.title == "Thành ủy Hải Phòng chỉ đạo" and unicodedata.is_normalized("NFC", reloaded.title)
    assert reloaded.tags == ["Lê Chân", "Ban Chỉ đạo 35"]
    assert reloaded.blocks[3].text == "“Hải Phòng làm theo lời Bác”"  # type: ignore[attr-defined]
    assert reloaded.extra == {"x-cms-id": 4711, "x-nested": {"keep": [1, 2, {"a": None}]}}
    assert reloaded.blocks[0].id == "mo-dau" and reloaded.blocks[0].extra == {"x-block-note": "kept"}
    assert reloaded.related[0].extra == {"x-related": True}
    assert reloaded.site is not None and reloaded.site.extra == {"x-site": "kept"}
    image = reloaded.blocks[1]
    assert isinstance(image, ImageBlock) and image.media is not None
    assert image.media.read_bytes() == (tmp_path / "src/photos/1.jpg").read_bytes()
    assert image.focus is not None and (image.focus.x, image.focus.y) == (0.25, 0.75)
    assert reloaded.section == "Kinh tế - Xã hội" and reloaded.updated is not None and reloaded.updated.isoformat() == "2023-11-02T08:05:00+07:00"
    assert reloaded.site.sections == ["Tin tức", "Kinh tế - Xã hội"] and reloaded.site.copyright == "© Cổng TTĐT quận Lê Chân"
    assert reloaded.site.photo_metadata is False and not reloaded.site.writes_photo_metadata()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"format": "article/2"}, "format: this article was written as article/2"),
        ({"format": "story/1"}, 'format: "story/1" is not article/1'),
        ({"title": 42}, "title: must be text, not a number"),
        ({"language": "fr"}, 'language: must be "vi" or "en"'),
        ({"published": "01/11/2023 16:20"}, "published: '01/11/2023 16:20' is not an ISO 8601 date"),
        ({"published": "2023-11-01T16:20:00"}, "published: '2023-11-01T16:20:00' has no UTC offset"),
        ({"timezone": "Asia/Hai_Phong"}, "timezone: 'Asia/Hai_Phong' is not a time zone name"),
        ({"blocks": {"type": "paragraph"}}, "blocks: must be a list, not an object"),
        ({"blocks": [{"type": "video", "src": "a.mp4"}]}, 'blocks[0].type: unknown block type "video"'),
        ({"blocks": ["text"]}, "blocks[0]: must be an object, not str"),
        ({"blocks": [{"type": "heading", "text": "x", "level": 1}]}, "blocks[0].level: must be 2 or 3, not 1"),
        ({"blocks": [{"type": "paragraph", "id": "a b"}]}, "blocks[0].id: must be 1–64 letters"),
        ({"blocks": [{"type": "paragraph", "id": "x"}, {"type": "paragraph", "id": "x"}]}, "blocks[1].id: 'x' is used by another block"),
        ({"blocks": [{"type": "image", "src": "https://a.vn/1.jpg"}]}, "blocks[0].src: 'https://a.vn/1.jpg' is a URL"),
        ({"blocks": [{"type": "image", "src": "file:///etc/passwd"}]}, "blocks[0].src: 'file:///etc/passwd' is a URL"),
        ({"blocks": [{"type": "image", "caption": "x"}]}, "blocks[0].src: missing"),
        ({"related": [{"title": "x", "url": 5}]}, "related[0].url: must be text, not a number"),
        ({"tags": "a, b"}, "tags: must be a list of texts"),
        ({"site": {"name": ["x"]}}, "site.name: must be text, not a list"),
        ({"section": ["Tin tức"]}, "section: must be text, not a list"),
        ({"updated": "2023-11-02 08:05"}, "updated: '2023-11-02 08:05' has no UTC offset"),
        ({"site": {"sections": "Tin tức, Thời sự"}}, "site.sections: must be a list of section names"),
        ({"site": {"photo_metadata": "no"}}, "site.photo_metadata: must be true or false"),
        ({"blocks": [{"type": "image", "src": "photos/1.jpg", "focus": {"x": 1.5, "y": 0.5}}]}, "blocks[0].focus: must lie inside the photo"),
        ({"blocks": [{"type": "image", "src": "photos/1.jpg", "focus": [0.5, 0.5]}]}, "blocks[0].focus: must be an object with x and y"),
    ],
)
def test_each_problem_is_reported_with_its_json_path(tmp_path: Path, change: dict[str, Any], expected: str) -> None:
    problems = problems_of(tmp_path, minimal_article(**change))
    assert any(line.startswith(expected) for line in problems), problems


def test_a_newer_format_has_its_own_error(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedVersionError):
        load_article_json(write_article_dir(tmp_path, minimal_article(format="article/7")))


def test_a_missing_photo_is_reported_at_its_block(tmp_path: Path) -> None:
    assert problems_of(tmp_path, minimal_article(), photos={}) == ["blocks[1].src: file not found (photos/1.jpg)"]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    data = minimal_article(title=None, language="de")
    data["blocks"].append({"type": "poll"})
    del data["title"]
    problems = problems_of(tmp_path, data, photos={})
    assert len(problems) == 4
    assert problems[0].startswith("title: missing")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"format": "article/1", "title": "x",}', "not valid JSON at line 1, column 38: a name in double quotes is expected (a comma too many?)"),
        (b"\xff\xfe\x00x", "not UTF-8 text"),
        (b"[1, 2]", "the article must be a JSON object, not a list"),
        (b'{"title": "x"}', 'format: missing; an article starts with "format": "article/1"'),
    ],
)
def test_unreadable_json_gets_one_clear_line(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "article.json"
    path.write_bytes(content)
    with pytest.raises(FormatError) as caught:
        load_article_json(path)
    assert caught.value.problems[0].startswith(expected)
    assert str(caught.value).startswith(str(path))


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "article.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"format": "article/1", "title": "BOM"}).encode())
    assert load_article_json(path).title == "BOM"


def test_inline_fields_are_sanitized_and_plain_fields_kept_as_typed(tmp_path: Path) -> None:
    data = minimal_article(title="A & B <i>không</i>", lead='Sapo <b onclick="x">đậm</b><script>x()</script>')
    article = load_article_json(write_article_dir(tmp_path, data))
    assert article.title == "A & B <i>không</i>"
    assert article.lead == "Sapo <b>đậm</b>"


def test_site_profile_logo_is_relative_to_the_profile_file(tmp_path: Path) -> None:
    (tmp_path / "brand").mkdir()
    (tmp_path / "brand" / "logo.png").write_bytes(photo_bytes())
    profile = tmp_path / "brand" / "site.json"
    profile.write_text(json.dumps({"name": "Cổng", "logo": "logo.png"}), encoding="utf-8")
    site = load_site_profile(profile)
    assert site.logo_path() == (tmp_path / "brand" / "logo.png").resolve()


def test_a_broken_site_profile_is_refused_with_its_name(tmp_path: Path) -> None:
    profile = tmp_path / "site.json"
    profile.write_text('{"name": 1}', encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_site_profile(profile)
    assert caught.value.lines() == [f"{profile}: name: must be text, not a number"]


def test_the_full_example_in_the_format_documentation_loads(tmp_path: Path) -> None:
    text = (Path(__file__).resolve().parents[2] / "docs" / "format.md").read_text(encoding="utf-8")
    example = text.split("## A full example", 1)[1].split("```json", 1)[1].split("```", 1)[0]
    data = json.loads(example)
    article = load_article_json(write_article_dir(tmp_path, data))
    assert [b.type for b in article.blocks] == ["image", "paragraph", "heading", "quote", "list"]
    assert (article.blocks[-1].items, article.blocks[-1].start) == (("Tăng cường <b>tuyên truyền</b>;", "Kiểm tra định kỳ."), 3)  # type: ignore[attr-defined]
    assert article.extra == {"x-cms-id": 4711} and article.site is not None and article.site.extra == {"x-office": "Văn phòng UBND quận"}


def test_the_example_article_loads_with_its_photos() -> None:
    from tests.helpers import EXAMPLE_DIR

    article = load_article_json(EXAMPLE_DIR / "article.json")
    assert len(article.images()) == 3
    assert all(block.media is not None and block.caption and block.alt for block in article.images())
    assert article.author == "Hoàng Tùng"


def test_an_articles_own_profile_overrides_sections_and_turns_photo_credits_off_only_when_it_says_so() -> None:
    from editor.model import SiteProfile

    saved = SiteProfile(name="Cổng", sections=["Tin tức"], copyright="© Cổng")
    assert saved.overridden_by(SiteProfile(name="Khác")).sections == ["Tin tức"]  # unset: the saved list stays
    assert saved.overridden_by(SiteProfile(sections=["Thời sự"])).sections == ["Thời sự"]
    assert saved.overridden_by(SiteProfile()).writes_photo_metadata()  # unset: on
    off = saved.overridden_by(SiteProfile(photo_metadata=False))
    assert not off.writes_photo_metadata() and off.copyright == "© Cổng"
    assert not off.overridden_by(SiteProfile(name="x")).writes_photo_metadata()
