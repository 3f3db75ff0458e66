"""Word's automatic numbering reaches the article as Word shows it: the
label written at the start of each item ("a)", "1.1.", "Điều 3."), lists
that continue after an interruption, restarts and overrides."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from editor.model import HeadingBlock
from editor.text import inline_to_plain
from editor.word_import import import_docx
from tests.editor.pandoc_native import label, lines_as_shown, numbered_items
from tests.helpers import CORPUS

PANDOC = CORPUS / "docx-pandoc"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def paragraphs(path: Path) -> list[str]:
    # A list block's items with the label its list shows: what the page shows.
    return lines_as_shown(import_docx(path).article.blocks)


WITH_LISTS = [path for path in sorted((PANDOC / "native").glob("*.native")) if (PANDOC / f"{path.stem}.docx").is_file() and numbered_items(path)]


@pytest.mark.parametrize("native", WITH_LISTS, ids=lambda path: path.stem)
def test_every_numbered_item_has_the_number_pandoc_reads(native: Path) -> None:
    """pandoc counts Word's numbering on its own; its expected reading of its
    test files is the judge (for "1.2." it says only the last number)."""
    shown = paragraphs(PANDOC / f"{native.stem}.docx")
    position = -1
    for item in numbered_items(native):
        expected = label(item.number, item.style, item.delimiter)
        index = next(i for i in range(position + 1, len(shown))  # a bulleted "• A" is not the numbered "1. A"
                     if shown[i].partition(" ")[2] == item.text and re.search(r"\w", shown[i].partition(" ")[0]))
        position = index
        got = shown[index].partition(" ")[0]
        if item.delimiter == "DefaultDelim":
            assert re.search(r"(\w+)\W*$", got).group(1) == re.sub(r"\W", "", expected), (item, got)  # type: ignore[union-attr]
        else:
            assert got == expected, (item, got)


def test_an_override_keeps_counting_where_the_list_was_as_the_document_itself_says() -> None:
    """Apache POI's test document spells out in each item what Word shows
    for it: a format override continues the shared counter (B, C), a start
    override begins again (A, B), and the first list then goes on at 4."""
    assert paragraphs(CORPUS / "docx-poi" / "NumberingWOverrides.docx")[1:] == ["1 1", "B B", "C C", "A A", "B B", "4 4"]


def docx(folder: Path, body: str, numbering: str, styles: str = "") -> Path:
    """A minimal Word package: ``body`` inside <w:body>, the ``numbering``
    definitions and paragraph ``styles``."""
    path = folder / "so-thu-tu.docx"
    namespace = f'xmlns:w="{W}"'
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '</Types>'))
        package.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>'))
        package.writestr("word/_rels/document.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '</Relationships>'))
        package.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document {namespace}><w:body>{body}</w:body></w:document>')
        package.writestr("word/numbering.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {namespace}>{numbering}</w:numbering>')
        package.writestr("word/styles.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:styles {namespace}>{styles}</w:styles>')
    return path


def level(index: int, number_format: str, text: str, start: int = 1, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{index}"><w:start w:val="{start}"/><w:numFmt w:val="{number_format}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


def item(text: str, num_id: int | None = None, ilvl: int = 0, style: str = "", bold: bool = False) -> str:
    numbering = f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>' if num_id is not None else ""
    style_tag = f'<w:pStyle w:val="{style}"/>' if style else ""
    look = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f"<w:p><w:pPr>{style_tag}{numbering}</w:pPr><w:r>{look}<w:t>{text}</w:t></w:r></w:p>"


def test_an_administrative_documents_numbering_reads_as_word_shows_it(tmp_path: Path) -> None:
    # "Điều 1." comes from the heading style; "1." "a)" "1.1." from a
    # multi-level list that goes on after a paragraph between its items.
    numbering = (
        '<w:abstractNum w:abstractNumId="0">' + level(0, "decimal", "Điều %1.", extra='<w:pStyle w:val="Dieu"/><w:suff w:val="space"/>')
        + "</w:abstractNum>"
        + '<w:abstractNum w:abstractNumId="1">' + level(0, "decimal", "%1.") + level(1, "lowerLetter", "%2)")
        + level(2, "decimal", "%1.%3.") + "</w:abstractNum>"
        + '<w:abstractNum w:abstractNumId="2">' + level(0, "upperRoman", "%1.") + "</w:abstractNum>"
        + '<w:abstractNum w:abstractNumId="3">' + level(0, "bullet", "\uf0b7", extra='<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr>')
        + level(1, "bullet", "o", extra='<w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New"/></w:rPr>') + "</w:abstractNum>"
        + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        + '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        + '<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>'  # same list, another instance: it goes on
        + '<w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        + '<w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>'
        + '<w:num w:numId="6"><w:abstractNumId w:val="3"/></w:num>'
        + '<w:num w:numId="7"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>'
    )
    styles = ('<w:style w:type="paragraph" w:styleId="Dieu"><w:name w:val="Điều"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Khoan"><w:name w:val="Khoản"/><w:basedOn w:val="Dieu"/></w:style>')
    body = "".join((
        item("Phần mở đầu", 5),
        item("Phạm vi điều chỉnh", style="Dieu", bold=True),
        item("Quy định chung", 2),
        item("Đối tượng áp dụng", 2, ilvl=1),
        item("Nguyên tắc", 2, ilvl=1),
        item("Chi tiết thứ nhất", 2, ilvl=2),
        item("Một đoạn văn chen giữa danh sách."),
        item("Tổ chức thực hiện", 3),
        item("Trách nhiệm", 3, ilvl=1),
        item("Kinh phí", style="Khoan"),  # numbered through the style it is based on
        item("Danh sách mới", 4),
        item("Bãi bỏ", 5),
        item("Gạch đầu dòng", 6),
        item("Gạch cấp hai", 6, ilvl=1),
        item("Phần bốn", 7),
        item("Phần năm", 7),
        item("Hết số", 0),  # numId 0: numbering switched off
    ))
    path = docx(tmp_path, body, numbering, styles)
    result = import_docx(path)
    texts = [" ".join(inline_to_plain(getattr(block, "text", "")).split()) for block in result.article.blocks]
    assert texts == [
        "I. Phần mở đầu", "Điều 1. Phạm vi điều chỉnh", "1. Quy định chung", "a) Đối tượng áp dụng", "b) Nguyên tắc",
        "1.1. Chi tiết thứ nhất", "Một đoạn văn chen giữa danh sách.", "2. Tổ chức thực hiện", "a) Trách nhiệm", "Điều 2. Kinh phí",
        "1. Danh sách mới", "II. Bãi bỏ", "• Gạch đầu dòng", "◦ Gạch cấp hai", "IV. Phần bốn", "V. Phần năm", "Hết số",
    ]
    assert "<b>Điều 1. Phạm vi điều chỉnh</b>" in result.article.blocks[1].text  # type: ignore[attr-defined]  # the label is in the item's own type
    assert any("numbering was written into the text" in note.en and "Số thứ tự tự động" in note.vi for note in result.notes)


def test_legal_numbering_and_letters_past_z(tmp_path: Path) -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="0">' + level(0, "upperRoman", "%1.") + level(1, "decimal", "%1.%2.", extra="<w:isLgl/>")
        + "</w:abstractNum>"
        + '<w:abstractNum w:abstractNumId="1">' + level(0, "lowerLetter", "%1)", start=26) + "</w:abstractNum>"
        + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    )
    body = item("Chương", 1) + item("Mục", 1) + item("Tiết", 1, ilvl=1) + item("Z", 2) + item("Sau Z", 2)
    assert paragraphs(docx(tmp_path, body, numbering)) == ["I. Chương", "II. Mục", "2.1. Tiết", "z) Z", "aa) Sau Z"]


def test_numbered_headings_keep_their_number_in_the_heading(tmp_path: Path) -> None:
    numbering = ('<w:abstractNum w:abstractNumId="0">' + level(0, "decimal", "Chương %1", extra='<w:pStyle w:val="Heading1"/>')
                 + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    styles = ('<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
              '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>')
    body = item("Mở đầu") + item("Những quy định chung", style="Heading1") + item("Nội dung") + item("Điều khoản thi hành", style="Heading1")
    blocks = import_docx(docx(tmp_path, body, numbering, styles)).article.blocks
    headings = [block.text for block in blocks if isinstance(block, HeadingBlock)]
    assert headings[-1] == "Chương 2 Điều khoản thi hành"
