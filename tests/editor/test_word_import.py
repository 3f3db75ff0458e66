"""Word import: python-mammoth's own test documents (tests/corpus), and
Vietnamese documents built here with python-docx."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import unicodedata
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from docx import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm
from PIL import Image

from editor.errors import DocumentImportError
from editor.model import HeadingBlock, ImageBlock, ParagraphBlock
from editor.word_import import import_docx
from tests.helpers import CORPUS, ROOT

DOCX = CORPUS / "docx-mammoth"


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


def test_list_items_start_with_their_bullet() -> None:
    assert texts(DOCX / "simple-list.docx") == ["• Apple", "• Banana"]


def test_a_table_is_flattened_and_said_so() -> None:
    result = import_docx(DOCX / "tables.docx")
    assert texts(DOCX / "tables.docx") == ["Above", "Top left", "Top right", "Bottom left", "Bottom right", "Below"]
    assert any("table was flattened" in str(note) for note in result.notes)


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
    ("image_vml_as_object.docx", "A picture in the image/x-emf format (an Office drawing) cannot be shown on the web"),
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


def test_every_corpus_document_imports_or_is_refused_cleanly() -> None:
    for path in sorted(DOCX.glob("*.docx")):
        try:
            import_docx(path)
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
    table = document.add_table(rows=1, cols=2)
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
