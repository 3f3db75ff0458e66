"""Every check fires on what it is for, and stays quiet on a clean article."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from editor.checks import CheckInput, check_article
from editor.fields import Location
from editor.media import MemoryMedia
from editor.model import Article, ImageBlock, ParagraphBlock, RelatedLink, SiteProfile
from tests.helpers import EXAMPLE_DIR, ROOT, minimal_article, write_article_dir


def photo(width: int = 1600, height: int = 1200, gps: bool = False, color: str = "navy", camera: bool = False) -> MemoryMedia:
    buffer = io.BytesIO()
    exif = Image.Exif()
    if gps:
        exif[0x8825] = {1: "N", 2: (20.0, 50.0, 40.0)}
    if camera:
        exif[0x010F], exif[0x0110] = "Canon", "Canon EOS 80D"  # Make, Model
    Image.new("RGB", (width, height), color).save(buffer, "JPEG", exif=exif.tobytes())
    return MemoryMedia(buffer.getvalue(), "anh.jpg")


def clean_article() -> Article:
    return Article(
        title="Quận Lê Chân họp Ban Chỉ đạo 35",
        lead="Chiều 01/11, Ban Chỉ đạo 35 quận Lê Chân họp đánh giá kết quả hoạt động.",
        blocks=[
            ParagraphBlock(id="p1", text="Đồng chí Phạm Văn Tân chủ trì cuộc họp tại trụ sở Quận ủy."),
            ImageBlock(id="i1", src="1.jpg", caption="Đồng chí Phạm Văn Tân phát biểu.", alt="Người đàn ông đứng phát biểu trước hội nghị",
                       media=photo()),
        ],
        author="Hoàng Tùng",
        section="Tin tức - Sự kiện",
        published=datetime(2023, 11, 1, 16, 20, tzinfo=timezone(timedelta(hours=7))),
        url="https://haiphong.gov.vn/tin/le-chan.html",
        related=[RelatedLink(title="Tin khác", url="https://haiphong.gov.vn/tin/1.html")],
    )


def ids(article: Article, given: CheckInput | None = None) -> list[str]:
    return [finding.id for finding in check_article(article, given)]


def test_a_clean_article_has_no_findings() -> None:
    assert ids(clean_article()) == []


def change(**fields: Any) -> Callable[[Article], None]:
    return lambda article: [setattr(article, k, v) for k, v in fields.items()]  # type: ignore[func-returns-value]


def image(**fields: Any) -> Callable[[Article], None]:
    return lambda article: [setattr(article.blocks[1], k, v) for k, v in fields.items()]  # type: ignore[func-returns-value]


def paragraph(text: str) -> Callable[[Article], None]:
    return lambda article: setattr(article.blocks[0], "text", text)


CASES: list[tuple[str, str, Callable[[Article], None]]] = [
    ("title-missing", "error", change(title="")),
    ("lead-missing", "error", change(lead="")),
    ("author-missing", "error", change(author="")),
    ("caption-missing", "error", image(caption="")),
    ("alt-missing", "error", image(alt="")),
    ("url-missing", "error", change(url="")),
    ("url-invalid", "error", change(url="haiphong.gov.vn/tin")),
    ("image-missing", "error", image(media=None)),
    ("related-title-missing", "error", change(related=[RelatedLink(title="", url="https://haiphong.gov.vn/1.html")])),
    ("related-url-invalid", "error", change(related=[RelatedLink(title="Tin", url="javascript:alert(1)")])),
    ("alt-file-name", "warning", image(alt="DSC_0042.JPG")),
    ("alt-generic", "warning", image(alt="Ảnh")),
    ("alt-same-as-caption", "warning", image(alt="Đồng chí Phạm Văn Tân phát biểu.")),
    ("alt-too-long", "warning", image(alt="Người đàn ông " * 20)),
    ("title-too-long", "warning", change(title="Quận Lê Chân " * 20)),
    ("lead-too-long", "warning", change(lead="chữ " * 81)),
    ("photo-too-narrow", "warning", image(media=photo(640, 480))),
    ("photo-duplicate", "warning", lambda a: a.blocks.append(ImageBlock(id="i2", src="2.jpg", caption="Lại.", alt="Lại ảnh đó", media=a.blocks[1].media))),
    ("text-tcvn3", "warning", paragraph("§ång chÝ Ph¹m V¨n T©n chñ tr× cuéc häp")),
    ("text-vni", "warning", paragraph("Ñoàng chí Phaïm Vaên Taân chuû trì cuoäc hoïp")),
    ("tone-styles-mixed", "warning", paragraph("Thành ủy và Thành uỷ là một.")),
    ("double-space", "warning", paragraph("Hai  dấu cách.")),
    ("space-before-punctuation", "warning", paragraph("Dấu cách trước dấu chấm .")),
    ("quotes-mixed", "warning", paragraph('Cuộc thi "Hải Phòng" và “Lê Chân”.')),
    ("paragraph-empty", "warning", paragraph("")),
    ("photo-gps", "info", image(media=photo(gps=True))),
    ("photo-camera-data", "info", image(media=photo(camera=True))),
    ("body-missing", "error", change(blocks=[])),
    ("body-missing", "error", change(blocks=[ParagraphBlock(text=" "), ParagraphBlock(text="")])),
    ("date-missing", "error", change(published=None)),
]


@pytest.mark.parametrize(("rule", "severity", "spoil"), CASES, ids=[case[0] for case in CASES])
def test_each_rule_fires_on_its_problem_and_only_then(rule: str, severity: str, spoil: Callable[[Article], None]) -> None:
    article = clean_article()
    assert rule not in ids(article)  # quiet on the clean article
    spoil(article)
    findings = [f for f in check_article(article) if f.id == rule]
    assert findings, rule
    assert all(f.severity == severity and f.message_vi and f.message_en and f.message_vi != f.message_en for f in findings)


def test_a_photo_with_gps_says_gps_not_camera_data_and_a_plain_photo_says_neither() -> None:
    article = clean_article()
    article.blocks[1].media = photo(gps=True, camera=True)  # type: ignore[attr-defined]
    assert [i for i in ids(article) if i.startswith("photo-")] == ["photo-gps"]
    article.blocks[1].media = photo(color="green")  # type: ignore[attr-defined]
    assert [i for i in ids(article) if i.startswith("photo-")] == []


@pytest.mark.parametrize(("field", "rule"), [("title", "title-too-long"), ("alt", "alt-too-long")])
def test_length_limits_hold_at_150_and_fire_at_151(field: str, rule: str) -> None:
    for length, fires in ((150, False), (151, True)):
        article = clean_article()
        text = ("Quận Lê Chân họp " * 20)[:length - 1] + "x"
        assert len(text) == length
        target = article if field == "title" else article.blocks[1]
        setattr(target, field, text)
        assert (rule in ids(article)) is fires, (length, rule)


def test_the_lead_may_have_80_words_not_81() -> None:
    article = clean_article()
    article.lead = "chữ " * 80
    assert "lead-too-long" not in ids(article)
    article.lead = "chữ " * 81
    assert "lead-too-long" in ids(article)


def test_a_page_without_the_portals_name_or_fanpage_is_a_finding() -> None:
    full = SiteProfile(name="Cổng tin tức Thành phố Hải Phòng", fanpage_url="https://www.facebook.com/congttdthaiphong")
    assert ids(clean_article(), CheckInput(site=full)) == []
    assert ids(clean_article(), CheckInput(site=SiteProfile())) == ["site-name-missing", "fanpage-missing"]
    broken = SiteProfile(name=full.name, fanpage_url="facebook.com/congttdthaiphong")
    assert ids(clean_article(), CheckInput(site=broken)) == ["fanpage-invalid"]


@pytest.mark.parametrize("stray", ["\x00", "\x07", "\x1b", "\x85", "\ufffc", "\u202e", "\u2066"])
def test_stray_control_characters_in_the_file_are_a_finding(stray: str) -> None:
    article = clean_article()
    raw = [(Location("text", "p1", 0), f"Đồng chí{stray} Phạm Văn Tân")]
    findings = [f for f in check_article(article, CheckInput(raw_texts=raw)) if f.id == "text-control-chars"]
    assert [(f.severity, f.location.describe()) for f in findings] == [("warning", "block 1: text")]
    assert ids(article, CheckInput(raw_texts=[(Location("title"), article.title)])) == []


def test_decomposed_source_text_is_reported_though_loading_normalized_it() -> None:
    article = clean_article()
    raw = [(Location("title"), unicodedata.normalize("NFD", article.title))]
    assert ids(article, CheckInput(raw_texts=raw)) == ["text-decomposed"]
    assert ids(article, CheckInput(raw_texts=[(Location("title"), article.title)])) == []


def test_errors_come_first() -> None:
    article = clean_article()
    article.title = ""
    article.blocks[0].text = "Hai  dấu cách."
    severities = [f.severity for f in check_article(article)]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)


def test_the_example_article_has_no_errors_or_warnings() -> None:
    from editor.article_format import load_article_json

    findings = check_article(load_article_json(EXAMPLE_DIR / "article.json"))
    # The reference article's own title is 127 characters: Google cuts its
    # headline, which is worth saying; nothing else is wrong with it.
    assert [f.id for f in findings if f.severity != "info"] == ["headline-too-long"]
    assert {f.id for f in findings if f.severity == "info"} == {"photo-gps"}  # the generated photos carry GPS, as a phone's do


def run_check(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "check", *map(str, args)], capture_output=True, text=True)


def test_check_command_exits_0_without_errors_1_with_errors_2_when_unusable(tmp_path: Path) -> None:
    assert run_check(EXAMPLE_DIR).returncode == 0
    data = minimal_article(author="", title=unicodedata.normalize("NFD", "Thành ủy Hải Phòng"))
    source = write_article_dir(tmp_path / "a", data, photos={})  # the photo is missing too
    result = run_check(source, "--lang", "en")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "error: author: The article has no author. [author-missing]" in lines
    assert "error: block 2: src: The photo file photos/1.jpg is missing. [image-missing]" in lines
    assert any("[text-decomposed]" in line and line.startswith("warning: title:") for line in lines)
    as_json = json.loads(run_check(source, "--json", "--lang", "vi").stdout)
    assert {"id": "author-missing", "severity": "error", "message": "Bài viết chưa có tên tác giả.", "location": "author", "field": "author"} in as_json
    missing = next(f for f in as_json if f["id"] == "image-missing")
    assert (missing["block"], missing["field"], missing["location"]) == (2, "src", "block 2: src")  # counted from 1, as the window counts
    unusable = run_check(tmp_path / "khong-co")
    assert unusable.returncode == 2 and len(unusable.stderr.splitlines()) == 1 and "Traceback" not in unusable.stderr


def test_a_link_shared_without_any_photo_is_a_finding_and_the_first_photo_is_enough() -> None:
    article = clean_article()
    assert "share-photo-missing" not in ids(article)  # no cover chosen: the first photo is the card
    article.blocks = [article.blocks[0]]
    [finding] = [f for f in check_article(article) if f.id == "share-photo-missing"]
    assert finding.severity == "warning" and finding.location == Location("blocks")


def test_a_cover_narrower_than_the_card_is_a_finding_at_that_photo_counting_its_crop_and_rotation() -> None:
    from editor.model import Crop

    article = clean_article()
    article.blocks.append(ImageBlock(id="i2", src="2.jpg", alt="Hội trường nhìn từ trên cao", caption="Hội trường.",
                                     media=photo(1100, 1600, color="maroon"), cover=True))
    [finding] = [f for f in check_article(article) if f.id == "share-cover-narrow"]
    assert finding.location == Location("src", "i2", 2) and "1100 px" in finding.message_en
    article.blocks[2].rotate = 90  # on its side it is 1600 px wide
    assert "share-cover-narrow" not in ids(article)
    article.blocks[2].crop = Crop(0.0, 0.0, 0.5, 1.0)  # half of those 1600 px
    assert [f.message_en.split(":")[0] for f in check_article(article) if f.id == "share-cover-narrow"] == [
        "The cover photo is only 800 px wide"]
    article.blocks[2].cover = False  # the first photo, 1600 px wide, is the card again
    assert "share-cover-narrow" not in ids(article)


def test_a_photo_is_too_narrow_by_the_width_the_export_gives_it_and_a_narrow_cover_is_said_once() -> None:
    """The width that counts is the exported one: turned as the user turned
    it and cropped. A cover under 800 px gets one finding, which says the
    share card suffers too, not a second one for the card."""
    from editor.model import Crop

    article = clean_article()
    article.blocks.append(ImageBlock(id="i2", src="2.jpg", alt="Hội trường nhìn từ trên cao", caption="Hội trường.",
                                     media=photo(1600, 700, color="maroon")))
    assert "photo-too-narrow" not in ids(article)
    article.blocks[2].rotate = 90  # on its side: 700 px wide
    [finding] = [f for f in check_article(article) if f.id == "photo-too-narrow"]
    assert finding.location == Location("src", "i2", 2) and "700 px" in finding.message_en
    assert "share card" not in finding.message_en  # not the cover: the first photo is
    article.blocks[2].rotate = 0
    article.blocks[2].crop = Crop(0.25, 0.0, 0.25, 1.0)  # a quarter of its 1600 px
    assert [f.message_en.split(" (")[0] for f in check_article(article) if f.id == "photo-too-narrow"] == [
        "The photo is only 400 px wide"]
    article.blocks[2].cover = True
    findings = [f for f in check_article(article) if f.location == Location("src", "i2", 2)]
    assert [f.id for f in findings] == ["photo-too-narrow"]
    assert "share card" in findings[0].message_en and "ảnh chia sẻ" in findings[0].message_vi


def test_a_title_over_110_characters_is_a_finding_for_the_headline() -> None:
    article = clean_article()
    article.title = "Tin " * 27 + "Lê"  # 110 characters
    assert len(article.title) == 110 and "headline-too-long" not in ids(article)
    article.title += "n"
    assert "headline-too-long" in ids(article)


def test_an_article_without_a_section_is_a_finding_at_the_section_field() -> None:
    article = clean_article()
    article.section = " "
    [finding] = [f for f in check_article(article) if f.id == "section-missing"]
    assert finding.severity == "warning" and finding.location == Location("section")
# --- the spell check's rules ------------------------------------------------------------

def spelling_of(article: Article, site: SiteProfile | None = None) -> list[tuple[str, str, str, Location]]:
    return [(f.id, f.severity, f.message_en, f.location) for f in check_article(article, CheckInput(read_photos=False, site=site))
            if f.id.startswith("spelling-")]


def test_each_kind_of_misspelling_is_a_warning_quoting_the_word_and_its_fix() -> None:
    article = clean_article()
    article.title = "Quaanj Lee Chaan họp"
    article.blocks[0].text = "Nứơc sạch về tóan xã, sáng lạn, nguoi"  # type: ignore[attr-defined]
    found = spelling_of(article)
    title, text = Location("title"), Location("text", "p1", 0)
    assert found == [
        ("spelling-telex", "warning", "Telex or VNI keys left as typed (was the input method off?): “Quaanj Lee Chaan → Quận Lê Chân”.", title),
        ("spelling-mark", "warning", "The tone mark is on the wrong vowel: “Nứơc → Nước”.", text),
        ("spelling-mark", "warning", "The tone mark is on the wrong vowel: “tóan → toán”.", text),
        ("spelling-confused", "warning", "A word often confused: “sáng lạn → xán lạn”.", text),
        ("spelling-syllable", "warning", "Not a Vietnamese syllable: “nguoi → người”.", text),
    ]
    assert not spelling_of(clean_article())


def test_the_spell_check_follows_the_site_profile() -> None:
    article = clean_article()
    article.blocks[0].text = "Ban Chỉ đạo hoaf giải, thuỷ lợi, hòa bình; ông Bleu"  # type: ignore[attr-defined]
    # Both styles are right spelling; suggestions are in the site's style.
    telex = "Telex or VNI keys left as typed (was the input method off?)"
    assert [m for _, _, m, _ in spelling_of(article, SiteProfile(tone_marks="new"))] == [f"{telex}: “hoaf → hoà”."]
    assert [m for _, _, m, _ in spelling_of(article, SiteProfile(tone_marks="old"))] == [f"{telex}: “hoaf → hòa”."]
    # The site's dictionary and the article's ignored words are left alone.
    assert not spelling_of(article, SiteProfile(dictionary=["hoaf"]))
    article.spelling_ignored = ["Hoaf"]
    assert not spelling_of(article)


def test_check_json_gives_the_word_and_its_suggestions(tmp_path: Path) -> None:
    data = minimal_article()
    data["blocks"][0]["text"] = "Đồng chí Phạm Văn Tân chủ trì cuộc họp tại trụ sở Quận ủy, nứơc."
    source = write_article_dir(tmp_path / "a", data)
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "check", str(source), "--json", "--lang", "vi"],
                            capture_output=True, text=True, check=False)
    spelled = [f for f in json.loads(result.stdout) if f["id"].startswith("spelling-")]
    assert spelled == [{"id": "spelling-mark", "severity": "warning", "message": "Dấu thanh đặt sai chỗ: “nứơc → nước”.",
                        "location": "block 1: text", "block": 1, "field": "text", "word": "nứơc", "suggestions": ["nước"]}]


def test_a_photo_gone_after_opening_is_found_missing_and_present_ones_are_never_read_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The checklist runs at every pause in typing: once it has read a
    photo's facts, asking whether the photo can still be read must not read
    and check its 5 MB each time."""
    import zipfile

    from editor.draft import load_draft, save_draft
    from editor.media import FileMedia

    draft = tmp_path / "bai.article"
    save_draft(clean_article(), draft)
    from_draft = load_draft(draft)
    on_disk = tmp_path / "anh.jpg"
    on_disk.write_bytes(photo().data)
    from_folder = clean_article()
    from_folder.blocks[1].media = FileMedia(on_disk)  # type: ignore[attr-defined]
    assert "image-missing" not in ids(from_draft) and "image-missing" not in ids(from_folder)  # the facts read, once
    whole_reads: list[str] = []
    real_zip_read, real_file_read = zipfile.ZipFile.read, Path.read_bytes
    monkeypatch.setattr(zipfile.ZipFile, "read", lambda self, name, *a: whole_reads.append(str(name)) or real_zip_read(self, name, *a))
    monkeypatch.setattr(Path, "read_bytes", lambda self: whole_reads.append(self.name) or real_file_read(self))
    assert "image-missing" not in ids(from_draft) and "image-missing" not in ids(from_folder)
    assert [name for name in whole_reads if name.endswith(".jpg")] == []
    draft.unlink()  # the USB stick taken out, the photo deleted
    on_disk.unlink()
    assert "image-missing" in ids(from_draft) and "image-missing" in ids(from_folder)
