from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from editor.cms import body_html, plain_text, prepare_copy, save_photos
from editor.export import export_article
from editor.fields import Location
from editor.find_replace import find_all, fold, replace_all
from editor.media import FileMedia
from editor.model import Article, HeadingBlock, ImageBlock, ParagraphBlock, QuoteBlock, SiteProfile
from tests.helpers import parse_html, photo_bytes


def article() -> Article:
    return Article(
        title="Thành ủy Hải Phòng",
        lead="Chiều nay, <b>Thành uỷ</b> họp &amp; bàn",
        blocks=[
            ParagraphBlock(id="p", text='Gặp <a href="https://thanhuy.vn">thành ủy</a> tại Đồ Sơn'),
            HeadingBlock(id="h", text="Đà Nẵng và Hải Phòng"),
            ImageBlock(id="i", caption="Thành ủy chụp ảnh", alt="Ảnh thành ủy"),
        ],
    )


def test_folding_keeps_one_character_for_one() -> None:
    assert fold("Thành Uỷ Đồ Sơn") == "thanh uy do son"
    assert len(fold("ẫ̀ệ")) == len("ẫ̀ệ")


def test_find_ignores_diacritics_when_asked() -> None:
    assert len(find_all(article(), "thanh uy")) == 0
    found = find_all(article(), "thanh uy", ignore_diacritics=True)
    assert found == [Location("title"), Location("lead"), Location("text", "p"), Location("caption", "i"), Location("alt", "i")]
    assert [loc.index for loc in found[2:]] == [0, 2, 2]  # the window says "block 1", "block 3"
    assert find_all(article(), "Do Son", ignore_diacritics=True) == [Location("text", "p")]


def test_replace_changes_visible_text_only_never_tags_or_links() -> None:
    changes = {c.location: c.value for c in replace_all(article(), "thanh uy", "Thành ủy", ignore_diacritics=True)}
    assert changes[Location("lead")] == "Chiều nay, <b>Thành ủy</b> họp &amp; bàn"
    assert changes[Location("text", "p")] == 'Gặp <a href="https://thanhuy.vn">Thành ủy</a> tại Đồ Sơn'
    assert Location("title") in changes and Location("text", "h") not in changes


def test_replacement_text_is_escaped_in_inline_fields() -> None:
    changes = replace_all(article(), "họp", "<script>x</script> & họp")
    assert changes[0].value == "Chiều nay, <b>Thành uỷ</b> &lt;script&gt;x&lt;/script&gt; &amp; họp &amp; bàn"


def test_copy_for_cms_gives_clean_body_html_and_text() -> None:
    value = body_html(article())
    assert "data-block" not in value
    tree = parse_html(value)
    assert [el.tag for el in tree.find("body")] == ["p", "h2", "figure"]
    text = plain_text(article())
    assert text.startswith("Thành ủy Hải Phòng\n\nChiều nay, Thành uỷ họp & bàn\n\nGặp thành ủy tại Đồ Sơn")


def test_copy_for_cms_text_has_every_text_the_page_shows_and_nothing_it_does_not() -> None:
    piece = Article(title="Quận Lê Chân", lead="Sáng nay", author="Hoàng Tùng", blocks=[
        QuoteBlock(text="Dân là gốc", cite="Chủ tịch quận"),
        ImageBlock(src="a.jpg", caption="Toàn cảnh", alt="Phòng họp", credit="Minh Thu"),
        ParagraphBlock(text="Dòng một<br>dòng hai"),
    ])
    assert plain_text(piece).split("\n\n") == [
        "Quận Lê Chân", "Sáng nay", "Dân là gốc", "— Chủ tịch quận", "Toàn cảnh Ảnh: Minh Thu", "Dòng một\ndòng hai",
    ]  # the alt text is for readers who cannot see the photo; the author is not part of the body


def several_photos(folder: Path) -> Article:
    """Four photo blocks: a JPEG, a transparent PNG (exported as .png), the
    JPEG again (exported once) and another JPEG."""
    jpeg, other = folder / "a.jpg", folder / "c.jpg"
    jpeg.write_bytes(photo_bytes((1200, 900)))
    other.write_bytes(photo_bytes((900, 1200), "olive"))
    transparent = io.BytesIO()
    Image.new("RGBA", (400, 300), (200, 0, 0, 100)).save(transparent, "PNG")
    (folder / "b.png").write_bytes(transparent.getvalue())
    photos = [("a.jpg", jpeg), ("b.png", folder / "b.png"), ("a.jpg", jpeg), ("c.jpg", other)]
    blocks = [ImageBlock(id=f"i{n}", src=name, alt=f"Ảnh {n}", caption=f"Ảnh số {n}", media=FileMedia(path))
              for n, (name, path) in enumerate(photos, start=1)]
    return Article(title="Thành ủy Hải Phòng", blocks=[ParagraphBlock(id="p", text="Mở đầu"), *blocks])


def test_copy_for_cms_names_every_photo_as_the_export_does_and_saves_them_so(tmp_path: Path) -> None:
    piece = several_photos(tmp_path)
    exported = tmp_path / "xuat"
    export_article(piece, SiteProfile(), exported)
    page = parse_html((exported / "index.html").read_text(encoding="utf-8"))
    export_names = [img.get("src").removeprefix("images/") for img in page.findall(".//figure[@class='photo']/img")]
    assert export_names == ["thanh-uy-hai-phong-1.jpg", "thanh-uy-hai-phong-2.png", "thanh-uy-hai-phong-1.jpg", "thanh-uy-hai-phong-3.jpg"]

    copied = prepare_copy(piece, SiteProfile())  # the export's profile: its photos carry the same credits
    images = parse_html(copied.html).findall(".//img")
    assert [img.get("src") for img in images] == export_names
    assert [img.get("loading") for img in images] == [None] * 4  # nothing lazy in a CMS editor
    assert sorted(copied.photos) == sorted(set(export_names))

    folder = tmp_path / "anh-cho-cong"
    folder.mkdir()
    save_photos(copied.photos, folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted(set(export_names))
    for name in export_names:  # the very files the export wrote
        assert (folder / name).read_bytes() == (exported / "images" / name).read_bytes()
