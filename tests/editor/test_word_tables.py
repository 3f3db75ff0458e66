"""Word tables: every paragraph, heading, list and nested table of a cell
in its place, header rows first, each cell once; small borderless tables
(an administrative document's header, its signature block) read as layout."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from editor.model import HeadingBlock
from editor.text import inline_to_plain
from editor.word_import import import_docx
from tests.editor.pandoc_native import table_rows, tables
from tests.helpers import CORPUS

PANDOC = CORPUS / "docx-pandoc"
LABEL = re.compile(r"^(?:[•◦▪\-–+]|\(?\w{1,4}[.)])\s+")  # a list item's bullet or number, which pandoc keeps apart


def words(path: Path) -> list[str]:
    article = import_docx(path).article
    lines = [article.title, *(inline_to_plain(getattr(block, "text", "")) for block in article.blocks)]
    return " ".join(LABEL.sub("", " ".join(line.split())) for line in lines).split()


WITH_TABLES = [path for path in sorted((PANDOC / "native").glob("*.native"))
               if (PANDOC / f"{path.stem}.docx").is_file() and tables(path.read_text(encoding="utf-8"))]


def contains(haystack: list[str], needle: list[str]) -> bool:
    return any(haystack[start:start + len(needle)] == needle for start in range(len(haystack) - len(needle) + 1))


@pytest.mark.parametrize("native", WITH_TABLES, ids=lambda path: path.stem)
def test_a_tables_text_is_read_as_pandoc_reads_it_row_by_row(native: Path) -> None:
    """Each table of pandoc's files, flattened: its header row first, then
    each row's cells left to right, each once, nested tables in their cell."""
    article = words(PANDOC / f"{native.stem}.docx")
    for table in tables(native.read_text(encoding="utf-8")):
        expected = " ".join(" ".join(cell for cell in row) for row in table_rows(table)).split()
        assert contains(article, expected), (" ".join(expected), " ".join(article))


def borderless(table: object) -> None:
    properties = table._tbl.tblPr  # type: ignore[attr-defined]
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "nil")
        borders.append(edge)
    properties.append(borders)


def test_a_signature_block_keeps_its_headings_and_lists_in_order_as_layout(tmp_path: Path) -> None:
    document = WordDocument()
    document.add_paragraph("Các phường báo cáo kết quả thực hiện trước ngày 15/3.")
    table = document.add_table(rows=1, cols=2, style="Table Grid")
    borderless(table)
    left, right = table.rows[0].cells
    left.paragraphs[0].text = "Nơi nhận:"
    left.paragraphs[0].style = document.styles["Heading 3"]  # a heading in a cell used to vanish
    left.add_paragraph("Như Điều 3;", style="List Bullet")
    left.add_paragraph("Lưu: VT.", style="List Bullet")
    right.paragraphs[0].text = "KT. CHỦ TỊCH"
    right.paragraphs[0].style = document.styles["Heading 2"]
    right.add_paragraph("PHÓ CHỦ TỊCH")
    right.add_paragraph("Nguyễn Văn An")
    document.save(tmp_path / "ky.docx")
    result = import_docx(tmp_path / "ky.docx")
    article = result.article
    assert [inline_to_plain(block.text) for block in article.blocks] == [  # type: ignore[attr-defined]
        "Các phường báo cáo kết quả thực hiện trước ngày 15/3.", "Nơi nhận:", "• Như Điều 3;", "• Lưu: VT.",
        "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"]
    assert not any(isinstance(block, HeadingBlock) for block in article.blocks)  # lines of the block, not subheadings
    assert article.blocks[1].text == "<b>Nơi nhận:</b>"  # type: ignore[attr-defined]
    assert article.author == "" and article.title == ""
    assert not any("flattened" in note.en for note in result.notes)  # layout, not a table of data


def test_a_data_table_keeps_its_header_first_and_a_nested_table_once(tmp_path: Path) -> None:
    document = WordDocument()
    document.add_paragraph("Kết quả thu ngân sách:")
    table = document.add_table(rows=3, cols=2, style="Table Grid")
    header = table.rows[0]
    header._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeated on each page: mammoth's <th>
    header.cells[0].text, header.cells[1].text = "Đơn vị", "Số thu"
    table.rows[1].cells[0].text, table.rows[1].cells[1].text = "Phường An Biên", "120 tỷ"
    cell = table.rows[2].cells[0]
    cell.text = "Phường Dư Hàng"
    inner = cell.add_table(rows=1, cols=2)
    inner.style = document.styles["Table Grid"]
    inner.rows[0].cells[0].text, inner.rows[0].cells[1].text = "Quý I", "30 tỷ"
    cell.add_paragraph("Ghi chú cuối ô")
    table.rows[2].cells[1].text = "95 tỷ"
    document.add_paragraph("Tổng cộng vượt dự toán.")
    document.save(tmp_path / "bang.docx")
    result = import_docx(tmp_path / "bang.docx")
    assert [inline_to_plain(block.text) for block in result.article.blocks] == [  # type: ignore[attr-defined]
        "Kết quả thu ngân sách:", "Đơn vị", "Số thu", "Phường An Biên", "120 tỷ",
        "Phường Dư Hàng", "Quý I", "30 tỷ", "Ghi chú cuối ô", "95 tỷ", "Tổng cộng vượt dự toán."]
    flattened = [note for note in result.notes if "flattened" in note.en]
    assert len(flattened) == 1 and flattened[0].en.startswith("2 tables were flattened into paragraphs, row by row")
    assert flattened[0].vi.startswith("2 bảng đã được chuyển thành các đoạn văn")


GOV = CORPUS / "docx-vietnamese-gov"


def signature_table(path: Path) -> object | None:
    """The document's last table when it is the "Nơi nhận:" and signature block."""
    source = WordDocument(str(path))
    last = source.tables[-1] if source.tables else None
    return last if last is not None and any("Nơi nhận" in p.text for cell in last._cells for p in cell.paragraphs) else None


SIGNED = [path for path in sorted(GOV.glob("*.docx")) if signature_table(path) is not None]


def test_most_provincial_documents_end_with_a_signature_table() -> None:
    assert len(SIGNED) >= 4  # the test below then checks something


@pytest.mark.parametrize("path", SIGNED, ids=lambda path: path.name[:12])
def test_every_line_of_a_provincial_documents_signature_block_is_kept(path: Path) -> None:
    """"Nơi nhận:" and the signer's lines ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
    the name) sit in a borderless table at the end: every one reaches the
    body, in order, and none of them becomes the author."""
    table = signature_table(path)
    lines = [p.text for row in table.rows for cell in dict.fromkeys(row.cells) for p in cell.paragraphs]  # type: ignore[attr-defined]
    expected = " ".join(LABEL.sub("", " ".join(line.split())) for line in lines).split()
    assert contains(words(path), expected)
    assert import_docx(path).article.author == ""
