"""Word import: python-mammoth's own test documents (tests/corpus), and
Vietnamese documents built here with python-docx."""

from __future__ import annotations

import html
import io
import re
import subprocess
import sys
import unicodedata
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from docx import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm
from PIL import Image

from editor.errors import PASSWORD_PROTECTED, DocumentImportError
from editor.images import verify_decodes
from editor.model import HeadingBlock, ImageBlock, ListBlock, ParagraphBlock, QuoteBlock
from editor.text import inline_to_plain
from editor.word_import import ImportResult, import_docx
from tests.helpers import CORPUS, ROOT

DOCX = CORPUS / "docx-mammoth"

Imported = Callable[[Path], ImportResult]


@pytest.fixture(scope="module")
def corpus_import() -> Imported:
    """import_docx for the corpus's documents, each imported once for this module.
    Several tests read every document of the corpus (241 files) or every
    administrative one, and importing them again for each test was 100 s of
    the suite. The tests only read the results; a refusal is raised again."""
    results: dict[Path, ImportResult | DocumentImportError] = {}

    def imported(path: Path) -> ImportResult:
        if path not in results:
            try:
                results[path] = import_docx(path)
            except DocumentImportError as error:
                results[path] = error
        result = results[path]
        if isinstance(result, DocumentImportError):
            raise result
        return result

    return imported


def texts(path: Path) -> list[str]:
    return [getattr(b, "text", "") for b in import_docx(path).article.blocks]


def test_single_paragraph() -> None:
    assert texts(DOCX / "single-paragraph.docx") == ["Walking on imported air"]


def test_heading_1_becomes_the_title() -> None:
    result = import_docx(DOCX / "embedded-style-map.docx")
    assert result.article.title == "Walking on imported air" and result.article.blocks == []


def test_comments_are_left_out_and_said_so() -> None:
    result = import_docx(DOCX / "comments.docx")
    assert texts(DOCX / "comments.docx") == ["Ouch."]
    assert any("Comments in the document were left out" in str(note) for note in result.notes)


@pytest.mark.parametrize("name", ["footnotes.docx", "endnotes.docx"])
def test_notes_become_an_end_section_without_dead_links(name: str) -> None:
    result = import_docx(DOCX / name)
    blocks = result.article.blocks
    assert inline_text(blocks[0]) == "Ouch[1].[2]" and "<a" not in blocks[0].text  # type: ignore[attr-defined]
    assert isinstance(blocks[1], HeadingBlock) and blocks[1].text == "Ghi chú"
    assert [b.text for b in blocks[2:]] == ["[1] A tachyon walks into a bar.", "[2] Fin."]  # type: ignore[attr-defined]
    assert any("Ghi chú" in str(note) for note in result.notes)


def inline_text(block: object) -> str:
    from editor.text import inline_to_plain

    return inline_to_plain(getattr(block, "text", ""))


def test_a_link_inside_a_footnote_is_kept() -> None:
    blocks = import_docx(DOCX / "footnote-hyperlink.docx").article.blocks
    assert '<a href="http://www.example.com">Example</a>' in blocks[-1].text  # type: ignore[attr-defined]


def test_a_bulleted_list_becomes_a_list_block_whose_page_draws_the_bullets() -> None:
    # Word draws a disc before each item, as a web list does: the items are
    # a list block (no "• " typed into them), not paragraphs starting with "•".
    blocks = import_docx(DOCX / "simple-list.docx").article.blocks
    assert [(type(b), getattr(b, "items", None), getattr(b, "ordered", None)) for b in blocks] == [(ListBlock, ("Apple", "Banana"), False)]


def test_a_table_is_flattened_and_said_so() -> None:
    result = import_docx(DOCX / "tables.docx")
    assert texts(DOCX / "tables.docx") == ["Above", "Top left", "Top right", "Bottom left", "Bottom right", "Below"]
    assert any("A table was flattened into paragraphs, row by row" in note.en for note in result.notes)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("text-box.docx", ["Datum plane"]),
        ("strikethrough.docx", ["Today's Special: Salmon Sold out"]),
        ("underline.docx", ["<b>The Sunset Tree</b>"]),
        ("strict-format.docx", ["Test"]),
        ("utf8-bom.docx", ["This XML has a byte order mark."]),
    ],
)
def test_text_survives(name: str, expected: list[str]) -> None:
    assert texts(DOCX / name) == expected


@pytest.mark.parametrize("name", ["tiny-picture.docx", "tiny-picture-target-base-relative.docx"])
def test_an_embedded_picture_keeps_its_original_bytes(name: str) -> None:
    import zipfile

    blocks = import_docx(DOCX / name).article.blocks
    assert [type(b) for b in blocks] == [ImageBlock]
    with zipfile.ZipFile(DOCX / name) as archive:
        originals = [archive.read(n) for n in archive.namelist() if n.startswith("word/media/")]
    assert blocks[0].media.read_bytes() in originals  # type: ignore[union-attr]
    assert Image.open(io.BytesIO(blocks[0].media.read_bytes())).size == (10, 10)  # type: ignore[union-attr]


def test_an_external_picture_is_named_in_the_summary() -> None:
    result = import_docx(DOCX / "external-picture.docx")
    assert result.article.images() == []
    assert any("tiny-picture.png" in str(note) for note in result.notes)


@pytest.mark.parametrize(("name", "expected"), [
    ("external-picture.docx", "The picture “tiny-picture.png” lives outside the Word file and was not imported"),
    ("image_vml_as_object.docx", "Not imported, as a web page cannot show them: an embedded Visio drawing (near “Test with object as image:”)"),
    ("image_with_textbox_caption.docx", "Office drawings (EMF, WMF) were converted to PNG photos: picture 1 (at the start). Check that each looks"),
])
def test_word_notes_a_user_can_act_on_are_kept_in_plain_words_in_both_languages(name: str, expected: str) -> None:
    notes = import_docx(next(CORPUS.glob(f"*/{name}"))).notes
    assert any(note.en.startswith(expected) for note in notes), notes
    assert all(note.vi and note.en and note.vi != note.en for note in notes)
    assert not any("Tài liệu Word:" in note.vi or "Word document:" in note.en for note in notes)  # no raw mammoth line


def test_mammoths_internal_lines_are_folded_into_one_note() -> None:
    import mammoth

    path = next(CORPUS.glob("*/image_vml.docx"))
    with path.open("rb") as stream:
        raw = [m.message for m in mammoth.convert_to_html(stream).messages]
    assert len(raw) >= 2 and any("unrecognised element" in m for m in raw)  # what used to be shown, one line each
    notes = import_docx(path).notes
    folded = [note for note in notes if "formatting detail" in note.en]
    assert len(folded) == 1 and f"skipped {len(raw)} formatting" in folded[0].en and f"bỏ qua {len(raw)} chi tiết" in folded[0].vi
    assert not any("unrecognised" in note.en.lower() or "style" in note.en.lower() and "unknown styles" not in note.en for note in notes)


def test_an_empty_document_is_refused_with_a_reason() -> None:
    with pytest.raises(DocumentImportError, match="no text"):
        import_docx(DOCX / "empty.docx")


def test_every_corpus_document_imports_or_is_refused_cleanly(corpus_import: Imported) -> None:
    for path in sorted(DOCX.glob("*.docx")):
        try:
            corpus_import(path)
        except DocumentImportError as error:
            assert str(error).startswith(str(path))


def vietnamese_document(folder: Path) -> Path:
    document = WordDocument()
    document.add_paragraph("Quận Lê Chân họp Ban Chỉ đạo 35", style="Title")
    lead = document.add_paragraph()
    lead.add_run("Chiều 01/11, Ban Chỉ đạo 35 quận Lê Chân họp đánh giá kết quả hoạt động.").bold = True
    body = document.add_paragraph(unicodedata.normalize("NFD", "Đồng chí Phạm Văn Tân, Phó Bí thư Thường trực Quận ủy, "))
    body.add_run("chủ trì").italic = True
    body.add_run(" cuộc họp.")
    photo = folder / "anh.jpg"
    Image.new("RGB", (640, 480), "navy").save(photo)
    document.add_picture(str(photo), width=Cm(12))
    document.add_paragraph("Đồng chí Nguyễn Thị Minh Ngọc phát biểu tại cuộc họp.", style="Caption")
    document.add_heading("Nhiệm vụ thời gian tới", level=1)
    table = document.add_table(rows=1, cols=2, style="Table Grid")  # lines: a table of data
    table.rows[0].cells[0].text = "Chỉ tiêu"
    table.rows[0].cells[1].text = "Kết quả"
    document.add_paragraph("Tăng cường tuyên truyền trên không gian mạng.")
    author = document.add_paragraph("Hoàng Tùng")
    author.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    path = folder / "bai.docx"
    document.save(path)
    return path


def test_a_vietnamese_word_document_imports_field_by_field(tmp_path: Path) -> None:
    result = import_docx(vietnamese_document(tmp_path))
    article = result.article
    assert article.title == "Quận Lê Chân họp Ban Chỉ đạo 35"
    assert article.lead == "Chiều 01/11, Ban Chỉ đạo 35 quận Lê Chân họp đánh giá kết quả hoạt động."
    assert article.author == "Hoàng Tùng"
    kinds = [type(b) for b in article.blocks]
    assert kinds == [ParagraphBlock, ImageBlock, HeadingBlock, ParagraphBlock, ParagraphBlock, ParagraphBlock]
    first = article.blocks[0]
    assert first.text == "Đồng chí Phạm Văn Tân, Phó Bí thư Thường trực Quận ủy, <i>chủ trì</i> cuộc họp."  # type: ignore[attr-defined]
    assert unicodedata.is_normalized("NFC", first.text)  # type: ignore[attr-defined]
    photo = article.blocks[1]
    assert isinstance(photo, ImageBlock) and photo.caption == "Đồng chí Nguyễn Thị Minh Ngọc phát biểu tại cuộc họp."
    assert Image.open(io.BytesIO(photo.media.read_bytes())).size == (640, 480)  # type: ignore[union-attr]
    assert [b.text for b in article.blocks[3:]] == ["Chỉ tiêu", "Kết quả", "Tăng cường tuyên truyền trên không gian mạng."]  # type: ignore[attr-defined]
    assert any("table" in str(note) for note in result.notes) and any("Hoàng Tùng" in str(note) for note in result.notes)


def test_a_legacy_doc_and_a_damaged_docx_are_refused_clearly(tmp_path: Path) -> None:
    legacy = tmp_path / "cu.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with pytest.raises(DocumentImportError, match="old Word .doc file"):
        import_docx(legacy)
    damaged = tmp_path / "hong.docx"
    damaged.write_bytes(vietnamese_document(tmp_path).read_bytes()[:3000])
    with pytest.raises(DocumentImportError, match="damaged"):
        import_docx(damaged)


def test_import_command_writes_a_draft_and_prints_the_notes(tmp_path: Path) -> None:
    source = vietnamese_document(tmp_path)
    target = tmp_path / "bai.article"
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "import", str(source), "-o", str(target)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "note:" in result.stdout and target.is_file()
    from editor.draft import load_draft

    assert load_draft(target).title == "Quận Lê Chân họp Ban Chỉ đạo 35"
    again = subprocess.run([sys.executable, str(ROOT / "main.py"), "import", str(source), "-o", str(target)], capture_output=True, text=True)
    assert again.returncode == 2 and "already exists" in again.stderr
    legacy = tmp_path / "cu.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    refused = subprocess.run([sys.executable, str(ROOT / "main.py"), "import", str(legacy), "-o", str(tmp_path / "x.article")], capture_output=True, text=True)
    assert refused.returncode == 2 and len(refused.stderr.splitlines()) == 1 and "Traceback" not in refused.stderr


def dated_document(folder: Path, date_line: str | None, modified: datetime | None) -> Path:
    document = WordDocument()
    document.add_paragraph("Quận Lê Chân tổng kết năm", style="Title")
    if date_line is not None:
        document.add_paragraph(date_line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph("Sáng nay, quận tổ chức hội nghị tổng kết.")
    document.add_paragraph("Các phường báo cáo kết quả.")
    if modified is not None:
        document.core_properties.modified = modified
        document.core_properties.created = modified
    path = folder / "co-ngay.docx"
    document.save(path)
    if modified is None:  # no dates at all in the properties
        rewritten = folder / "khong-ngay.docx"
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(rewritten, "w") as target:
            for item in source.infolist():
                data = source.read(item)
                if item.filename == "docProps/core.xml":
                    data = re.sub(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>", b"", data)
                target.writestr(item, data)
        return rewritten
    return path


def test_the_date_line_becomes_the_date_and_leaves_the_body(tmp_path: Path) -> None:
    path = dated_document(tmp_path, "Lê Chân, ngày 12 tháng 3 năm 2025", datetime(2024, 1, 2, 3, 4, tzinfo=UTC))
    article = import_docx(path).article
    assert article.local_published() == datetime(2025, 3, 12, 0, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    assert texts(path) == ["Sáng nay, quận tổ chức hội nghị tổng kết.", "Các phường báo cáo kết quả."]


def test_without_a_date_line_the_date_comes_from_the_documents_properties(tmp_path: Path) -> None:
    path = dated_document(tmp_path, None, datetime(2025, 3, 11, 23, 30, tzinfo=UTC))
    result = import_docx(path)
    # Saved at 23:30 UTC: 06:30 the next morning in Vietnam.
    assert result.article.local_published() == datetime(2025, 3, 12, 6, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    assert any("properties" in note.en for note in result.notes)


def test_a_document_with_no_date_anywhere_imports_without_one(tmp_path: Path) -> None:
    path = dated_document(tmp_path, "ngày 31 tháng 2 năm 2025", None)  # not a date: stays text
    article = import_docx(path).article
    assert article.published is None
    assert texts(path)[0] == "ngày 31 tháng 2 năm 2025"


def test_stray_characters_in_a_word_document_never_reach_the_article(tmp_path: Path) -> None:
    document = WordDocument()
    document.add_paragraph("Quận Lê Chân\u202e họp\ufffc", style="Title")
    document.add_paragraph("Đồng chí\u2066 Phạm Văn Tân\u2069 chủ trì\ufffc cuộc họp.")
    document.save(tmp_path / "bai.docx")
    article = import_docx(tmp_path / "bai.docx").article
    texts = [article.title, *(getattr(block, "text", "") for block in article.blocks)]
    assert texts == ["Quận Lê Chân họp", "Đồng chí Phạm Văn Tân chủ trì cuộc họp."]


PANDOC = CORPUS / "docx-pandoc"
POI = CORPUS / "docx-poi"
GOV_DIR = CORPUS / "docx-vietnamese-gov"


def pandoc_reading(name: str) -> list[tuple[str, str]]:
    """pandoc's expected reading of a corpus document (its ``native/`` file):
    each top-level block's kind (Para, BlockQuote, Header…) and plain text."""
    blocks: list[tuple[str, list[str]]] = []
    for line in (PANDOC / "native" / f"{name}.native").read_text(encoding="utf-8").splitlines():
        if line[:1] in "[,":
            blocks.append((line[1:].split()[0], []))
        for token in re.finditer(r'Str "((?:[^"\\]|\\.)*)"|(Space|SoftBreak)', line):
            blocks[-1][1].append(" " if token.group(2) else re.sub(r"\\(\d+)", lambda m: chr(int(m.group(1))), token.group(1)))
    return [(kind, "".join(parts)) for kind, parts in blocks]


def test_quote_styled_paragraphs_become_quote_blocks_as_pandoc_reads_them() -> None:
    quotes = [inline_to_plain(b.text) for b in import_docx(PANDOC / "block_quotes.docx").article.blocks if isinstance(b, QuoteBlock)]
    expected = [text for kind, text in pandoc_reading("block_quotes") if kind == "BlockQuote"]
    # pandoc also reads a merely indented paragraph as a quote; only the
    # Quote and Intense Quote styles say so for certain.
    assert quotes == expected[:2] == [
        "I don’t know why this would be in italics, but so it appears to be on my screen.",
        "This is called the Intense Quote style.",
    ]


def test_a_drop_cap_joins_the_word_it_starts() -> None:
    assert [inline_to_plain(text) for text in texts(PANDOC / "drop_cap.docx")] == [text for _, text in pandoc_reading("drop_cap")]


def _mark_deleted(paragraph: object) -> None:
    """Word's tracked deletion of a paragraph's mark: w:pPr/w:rPr/w:del."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    run_properties = OxmlElement("w:rPr")
    deletion = OxmlElement("w:del")
    deletion.set(qn("w:id"), "1")
    deletion.set(qn("w:author"), "Văn thư")
    deletion.set(qn("w:date"), "2025-03-12T09:00:00Z")
    run_properties.append(deletion)
    properties.append(run_properties)


def test_a_deleted_paragraph_mark_joins_the_paragraphs_without_gluing_two_words(tmp_path: Path) -> None:
    """Word shows the two paragraphs as one; mammoth joined "đồng" and "Ủy" into "đồngỦy"."""
    document = WordDocument()
    document.add_paragraph("Sáng 12/3, Ban Thường vụ Huyện ủy làm việc với Ban Chấp hành Đảng bộ đồng")
    joined_into = document.add_paragraph("Ủy ban nhân dân xã về công tác cải cách hành chính.")
    _mark_deleted(document.paragraphs[0])
    document.add_paragraph("Kết thúc buổi làm việc, đồng chí Bí thư kết luận. ")
    document.add_paragraph("Mọi ý kiến đều được ghi nhận.")  # the first ends in a space: no second one
    _mark_deleted(document.paragraphs[2])
    document.add_paragraph("Hội nghị")
    document.add_paragraph("bế mạc lúc 11 giờ.")
    _mark_deleted(document.paragraphs[4])
    assert joined_into.text.startswith("Ủy")
    document.save(tmp_path / "sua.docx")
    assert [inline_to_plain(text) for text in texts(tmp_path / "sua.docx")] == [
        "Sáng 12/3, Ban Thường vụ Huyện ủy làm việc với Ban Chấp hành Đảng bộ đồng Ủy ban nhân dân xã về công tác cải cách hành chính.",
        "Kết thúc buổi làm việc, đồng chí Bí thư kết luận. Mọi ý kiến đều được ghi nhận.",
        "Hội nghị bế mạc lúc 11 giờ.",
    ]


def test_a_deleted_paragraph_mark_before_a_run_that_starts_with_a_space_adds_none(tmp_path: Path) -> None:
    document = WordDocument()
    document.add_paragraph().add_run("Đoàn công tác")
    document.add_paragraph().add_run(" đến thăm")
    _mark_deleted(document.paragraphs[0])
    document.add_paragraph("Bài viết dài hơn một dòng.")  # not a one-line document
    document.save(tmp_path / "sua.docx")
    assert [inline_to_plain(text) for text in texts(tmp_path / "sua.docx")][0] == "Đoàn công tác đến thăm"


def test_a_words_hyperlink_field_switches_never_reach_the_address() -> None:
    def links(path: Path) -> list[str]:
        article = import_docx(path).article
        return [html.unescape(href) for block in article.blocks for href in re.findall(r'href="([^"]*)"', getattr(block, "text", ""))]

    decree = links(CORPUS / "docx-vietnamese-gov" / "vbai-53-Du-thao-Thong-tu-ban-moi.docx")
    assert len(decree) >= 20 and all(" " not in link and '"' not in link and "\\" not in link for link in decree)
    assert "https://thuvienphapluat.vn/van-ban/Thue-Phi-Le-Phi/Luat-phi-va-le-phi-2015-298376.aspx" in decree
    # A \l "bookmark" switch is the place in the page: the fragment.
    assert "http://www.thelancet.com/journals/lanonc/article/PIIS1470-2045(13)70104-9/fulltext?version=printerFriendly#bib1" in links(
        POI / "bug59058.docx")
    assert links(PANDOC / "instrText_hyperlink.docx")[0] == (
        "https://books.google.com/books?id=sp_Zcb9ot90C&lpg=PR4&hl=zh-CN&pg=PA19#v=onepage&q&f=true")


@pytest.mark.parametrize("name", ["bug53475-password-is-pass.docx", "bug53475-password-is-solrcell.docx"])
def test_a_password_protected_document_is_refused_as_such_not_as_an_old_doc(name: str) -> None:
    with pytest.raises(DocumentImportError, match="protected by a password: remove the password in Word") as refusal:
        import_docx(POI / name)
    assert ".doc file" not in str(refusal.value) and refusal.value.reason == PASSWORD_PROTECTED  # the window says it in the user's language


def test_a_style_without_type_or_id_does_not_stop_the_import() -> None:
    article = import_docx(POI / "60329.docx").article
    assert any("Protocol No. (Document ID):" in inline_to_plain(getattr(b, "text", "")) for b in article.blocks)


GOV = CORPUS / "docx-vietnamese-gov"


@pytest.mark.parametrize(("name", "title", "source"), [
    ("vbai-41-qd-bo-nhiem-pham-thuy-lam.docx", "QUYẾT ĐỊNH Về việc bổ nhiệm Phó Giám đốc Sở Nội vụ",
     "ỦY BAN NHÂN DÂN TỈNH HÀ GIANG – SỞ NỘI VỤ"),
    ("vbai-16-QD-phe-duyet-Dieu-le-Hiep-hoi-Nuoc-nam-Phan-Thiet-2024-2029.docx",
     "QUYẾT ĐỊNH Phê duyệt Điều lệ (sửa đổi, bổ sung) Hiệp hội Nước mắm Phan Thiết tỉnh Bình Thuận", "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN"),
    ("vbai-72-Du-thao-KHCCHC-2026-cua-tinh.docx", "KẾ HOẠCH Cải cách hành chính nhà nước năm 2026 tỉnh Lâm Đồng",
     "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"),
    ("vbai-05-CV-tra-loi-BXD.docx", None, "BO TAI CHINH"),  # an official letter: its "V/v" line is the title
])
def test_an_administrative_documents_header_gives_its_title_and_source(name: str, title: str | None, source: str,
                                                                       corpus_import: Imported) -> None:
    article = corpus_import(GOV / name).article
    assert article.title == title if title else article.title.startswith("V/v cu dai dien tham gia Hoi dong tham dinh")
    assert article.source == source


@pytest.mark.parametrize("path", sorted(GOV.glob("*.docx")), ids=lambda path: path.name[:12])
def test_nothing_of_an_administrative_header_becomes_the_lead_or_the_author(path: Path, corpus_import: Imported) -> None:
    from editor.word_admin import TYPES, fold

    article = corpus_import(path).article
    body = [inline_to_plain(getattr(block, "text", "")) for block in article.blocks]
    assert TYPES.match(fold(article.title)) or article.title.startswith("V/v")
    assert article.lead == "" and article.author == "" and article.source
    # The motto leaves the body (a charter attached after the decision keeps
    # its own header); the number stays at the top.
    assert not any(fold(text) in ("CONG HOA XA HOI CHU NGHIA VIET NAM", "DOC LAP - TU DO - HANH PHUC") for text in body[:12])
    source = WordDocument(str(path))
    header = [p.text for table in source.tables[:1] for cell in table._cells for p in cell.paragraphs] + [p.text for p in source.paragraphs[:12]]
    numbers = [text for text in header if re.match(r"\s*S[ốo]\s*:", text)]
    if numbers:  # a charter attached to a decision has none
        assert any(re.match(r"\s*S[ốo]\s*:", text) for text in body[:3])
        # ... and its number and symbol, as written (blank until signed: "Số:      /QĐ-UBND"), is the article's.
        assert article.document_number == " ".join(numbers[0].split(":", 1)[1].split()) and article.document_number
    else:
        assert article.document_number == ""


def test_a_signed_date_line_gives_the_date_at_nine_in_the_morning(tmp_path: Path) -> None:
    document = WordDocument()
    for text in ("ỦY BAN NHÂN DÂN", "QUẬN LÊ CHÂN", "Số: 125/QĐ-UBND", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "Lê Chân, ngày 12 tháng 3 năm 2025", "QUYẾT ĐỊNH"):
        document.add_paragraph().add_run(text).bold = True
    document.add_paragraph().add_run("Về việc khen thưởng tập thể có thành tích").bold = True
    document.add_paragraph("Căn cứ Luật Thi đua, khen thưởng;")
    document.add_paragraph("Xin trân trọng cảm ơn!").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.save(tmp_path / "qd.docx")
    article = import_docx(tmp_path / "qd.docx").article
    assert article.title == "QUYẾT ĐỊNH Về việc khen thưởng tập thể có thành tích"
    assert article.source == "ỦY BAN NHÂN DÂN QUẬN LÊ CHÂN"
    assert article.published == datetime(2025, 3, 12, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    assert article.document_number == "125/QĐ-UBND"
    # Shown on the page under the date line, in the article's language.
    from editor.model import SiteProfile
    from editor.render import NoImages, render_article
    from tests.helpers import parse_html

    page = parse_html(render_article(article, SiteProfile(), NoImages()))
    [shown] = [span for span in page.iter("span") if span.get("class") == "document-number"]
    assert "".join(shown.itertext()) == "Số: 125/QĐ-UBND"
    assert [inline_to_plain(b.text) for b in article.blocks] == [  # type: ignore[attr-defined]
        "Số: 125/QĐ-UBND", "Căn cứ Luật Thi đua, khen thưởng;", "Xin trân trọng cảm ơn!"]


def test_a_news_drafts_byline_is_never_a_courtesy_line_nor_a_table_cell(tmp_path: Path) -> None:
    document = WordDocument()
    document.add_paragraph("Lê Chân ra quân", style="Title")
    document.add_paragraph("vệ sinh môi trường", style="Title")
    document.add_paragraph("Sáng 5/3, hơn 500 đoàn viên tham gia.")
    document.add_paragraph("Xin trân trọng cảm ơn!").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.save(tmp_path / "tin.docx")
    article = import_docx(tmp_path / "tin.docx").article
    assert article.title == "Lê Chân ra quân vệ sinh môi trường"  # two Title paragraphs, both kept
    assert article.author == "" and inline_to_plain(article.blocks[-1].text) == "Xin trân trọng cảm ơn!"  # type: ignore[attr-defined]
    document = WordDocument()
    document.add_paragraph("Sáng 5/3, hơn 500 đoàn viên tham gia.")
    cell = document.add_table(rows=1, cols=1).rows[0].cells[0]
    cell.paragraphs[0].add_run("Tổng cộng").bold = True
    document.save(tmp_path / "bang.docx")
    article = import_docx(tmp_path / "bang.docx").article
    assert article.author == "" and inline_to_plain(article.blocks[-1].text) == "Tổng cộng"  # type: ignore[attr-defined]


def test_no_picture_of_the_corpus_becomes_a_photo_the_export_cannot_read(corpus_import: Imported) -> None:
    """An EMF or WMF drawing was stored as a ".bin" photo that then stopped
    the whole export as "damaged": every photo of the corpus now decodes as
    the export decodes it (EMF and WMF as PNG: tests/editor/test_word_drawings.py)."""
    for path in sorted(CORPUS.glob("docx-*/*.docx")):
        try:
            result = corpus_import(path)
        except DocumentImportError:
            continue
        assert all(not photo.src.endswith(".bin") for photo in result.article.images()), path
        for photo in result.article.images():
            verify_decodes(photo.media.read_bytes(), f"{path.name}: {photo.src}")  # type: ignore[union-attr]  # as `check` and the export do
    # An embedded object's preview is such a drawing: the object is named instead, once.
    result = corpus_import(next(CORPUS.glob("*/image_vml_as_object.docx")))
    assert result.article.images() == [] and [note.en for note in result.notes if "Visio" in note.en or "Office drawing" in note.en] == [
        "Not imported, as a web page cannot show them: an embedded Visio drawing (near “Test with object as image:”). "
        "Put a picture of each in its place if it is needed."]


@pytest.mark.parametrize(("path", "named"), [
    (GOV_DIR / "vbai-52-Bao-cao-cac-chi-so-cua-tinh-06-11s.docx", ["a chart (near “2. Tình hình thực hiện năm…”)", "a chart (near “42/63”)"]),
    (PANDOC / "diagram.docx", ["a SmartArt diagram (near “Diagram after:”)"]),
    (POI / "EmbeddedDocument.docx", ["an embedded Excel sheet (near “Let"]),
    (POI / "WordWithAttachments.docx", ["an attached file (at the start)", "an embedded Word document", "and 1 more"]),
])
def test_charts_smartart_and_embedded_objects_are_named_with_their_place(path: Path, named: list[str], corpus_import: Imported) -> None:
    """mammoth drops them without a word: one note names each, where it was."""
    notes = [note for note in corpus_import(path).notes if note.en.startswith("Not imported")]
    assert len(notes) == 1 and all(part in notes[0].en for part in named), notes
    assert "Không nhập được" in notes[0].vi and ("biểu đồ" in notes[0].vi or "SmartArt" in notes[0].vi or "nhúng" in notes[0].vi)


def test_every_import_of_the_corpus_ends_with_a_few_notes_in_both_languages(corpus_import: Imported) -> None:
    for path in sorted(CORPUS.glob("docx-*/*.docx")):
        try:
            notes = corpus_import(path).notes
        except DocumentImportError:
            continue
        assert len(notes) <= 6, (path, notes)
        assert all(note.vi and note.en and note.vi != note.en for note in notes), path


def test_a_picture_in_a_list_item_is_kept(tmp_path: Path) -> None:
    photo = tmp_path / "anh.png"
    Image.new("RGB", (64, 48), "teal").save(photo)
    document = WordDocument()
    item = document.add_paragraph("Trồng cây xanh ", style="List Bullet")
    item.add_run().add_picture(str(photo), width=Cm(3))
    document.add_paragraph("Dọn vệ sinh", style="List Bullet")
    document.save(tmp_path / "ds.docx")
    article = import_docx(tmp_path / "ds.docx").article
    # The picture is a photo before its item; the two bulleted items are one list block.
    assert [type(b).__name__ for b in article.blocks] == ["ImageBlock", "ListBlock"]
    assert Image.open(io.BytesIO(article.blocks[0].media.read_bytes())).size == (64, 48)  # type: ignore[attr-defined]
    assert article.blocks[1].items == ("Trồng cây xanh", "Dọn vệ sinh")  # type: ignore[attr-defined]


def test_a_sentence_word_split_into_runs_is_one_run_and_loses_no_formatting(tmp_path: Path) -> None:
    """Word splits a sentence into a run per editing session, each with its
    own revision id, font size, spell-check marks and hidden bookmarks; the import drops that
    layout before mammoth reads it (benchmarks/bench_import_large.py: 27 s
    and 650 MB on a 100-page report, 11 s and 240 MB now) and keeps what the
    article shows."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = WordDocument()
    paragraph = document.add_paragraph()
    for number, text in enumerate(("Điều 5. ", "Trường hợp ", "miễn phí")):
        run = paragraph.add_run(text)
        run.bold = True
        run.font.size = Pt(13 + number)  # sizes differ: not shown on the web
        run._r.set(qn("w:rsidR"), f"00A1B2C{number}")
        paragraph._p.append(OxmlElement("w:proofErr"))
        bookmark = OxmlElement("w:bookmarkStart")  # Word's hidden _Hlk bookmarks: they split "<b>…</b><b>…</b>"
        bookmark.set(qn("w:id"), str(number))
        bookmark.set(qn("w:name"), f"_Hlk{number}")
        paragraph._p.append(bookmark)
    tail = paragraph.add_run(" theo khoản 2")
    tail.italic = True
    paragraph.add_run("3").font.superscript = True
    document.save(tmp_path / "chia.docx")
    assert texts(tmp_path / "chia.docx") == ["<b>Điều 5. Trường hợp miễn phí</b><i> theo khoản 2</i>3"]


def test_check_boxes_of_a_word_form_are_kept_ticked_or_not() -> None:
    """A form's FORMCHECKBOX fields (Apache POI's test document): each box
    as ☐ or ☒ where it stood, in a list, a paragraph and a table (the
    bulleted item is a list block's item, its bullet drawn by the list)."""
    blocks = import_docx(POI / "checkboxes.docx").article.blocks
    assert [inline_to_plain(getattr(b, "text", None) or " ".join(getattr(b, "items", ()))) for b in blocks] == [
        "This is a small test for checkboxes", "unchecked: ☐", "Or checked: ☒", "Test a checkbox within a textbox: ☐ -> ☒",
        "In Table:", "☐", "☒", "In Sequence:", "☒☐☒"]
    assert isinstance(blocks[1], ListBlock) and not blocks[1].ordered


def test_a_picture_cut_short_in_the_document_is_left_out_and_named(tmp_path: Path) -> None:
    """Kept, it showed as a photo that cannot be shown, and the export
    stopped on it; the whole picture beside it is imported."""
    document = WordDocument()
    document.add_paragraph("Hội nghị tổng kết", style="Title")
    whole, cut = tmp_path / "nguyen.jpg", tmp_path / "hong.jpg"
    Image.new("RGB", (640, 480), "navy").save(whole)
    cut.write_bytes((CORPUS / "images-pillow" / "bad" / "truncated_jpeg.jpg").read_bytes())
    document.add_picture(str(whole), width=Cm(12))
    document.add_picture(str(cut), width=Cm(12))
    document.add_paragraph("Quang cảnh hội nghị.")
    path = tmp_path / "bai.docx"
    document.save(path)

    result = import_docx(path)

    photos = [block for block in result.article.blocks if isinstance(block, ImageBlock)]
    assert len(photos) == 1 and verify_decodes(photos[0].media.read_bytes(), "nguyen") == (640, 480)
    assert any("Picture 2 is damaged in the document" in note.en and "Ảnh thứ 2 bị hỏng" in note.vi for note in result.notes)
