"""Word's bulleted and "1." lists arrive as list blocks, keep going through
a draft and reach the page as <ul> and <ol start>; labels a list cannot
show ("a)", nested levels) stay text, and a "1." typed by hand stays a paragraph."""

from __future__ import annotations

from pathlib import Path

from docx import Document as WordDocument

from editor.draft import load_draft, save_draft
from editor.export import export_article
from editor.model import ListBlock, ParagraphBlock, SiteProfile
from editor.word_import import import_docx
from editor.word_lists import make_lists
from editor.word_numbering import ListItemMark
from tests.helpers import parse_html


def lists_document(path: Path) -> Path:
    """Two bulleted items, then three items numbered from 3 (a start
    override on their own numbering instance), then a line typed "1." by hand."""
    document = WordDocument()
    document.add_paragraph("Kế hoạch:")
    document.add_paragraph("Họp lúc 8 giờ", style="List Bullet")
    document.add_paragraph("Tại hội trường ", style="List Bullet").add_run("tầng 2").bold = True
    numbering = document.part.numbering_part.element
    list_number = document.styles["List Number"].element.pPr.numPr.numId.val
    abstract = next(num for num in numbering.num_lst if num.numId == list_number).abstractNumId.val
    from_three = numbering.add_num(abstract)
    from_three.add_lvlOverride(ilvl=0).add_startOverride(3)
    for text in ("Điều 3 có hiệu lực", "Điều 4 giao Văn phòng", "Điều 5 thi hành"):
        paragraph = document.add_paragraph(text, style="List Number")
        paragraph._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = from_three.numId
        paragraph._p.pPr.numPr.get_or_add_ilvl().val = 0
    document.add_paragraph("1. Dòng này gõ tay")
    document.save(path)
    return path


def test_a_bulleted_list_and_a_list_numbered_from_3_import_save_and_export_as_lists(tmp_path: Path) -> None:
    article = import_docx(lists_document(tmp_path / "ds.docx")).article
    assert [type(block) for block in article.blocks] == [ParagraphBlock, ListBlock, ListBlock, ParagraphBlock]
    bulleted, numbered = article.blocks[1], article.blocks[2]
    assert isinstance(bulleted, ListBlock) and isinstance(numbered, ListBlock)
    assert (bulleted.items, bulleted.ordered) == (("Họp lúc 8 giờ", "Tại hội trường <b>tầng 2</b>"), False)
    assert (numbered.items, numbered.ordered, numbered.start) == (("Điều 3 có hiệu lực", "Điều 4 giao Văn phòng", "Điều 5 thi hành"), True, 3)
    assert article.blocks[3].text == "1. Dòng này gõ tay"  # type: ignore[attr-defined]  # typed, not Word's numbering

    save_draft(article, tmp_path / "ds.article")
    again = load_draft(tmp_path / "ds.article")
    assert again.blocks == article.blocks

    export_article(again, SiteProfile(name="Cổng", url="https://haiphong.gov.vn"), tmp_path / "out")
    page = parse_html((tmp_path / "out" / "index.html").read_text(encoding="utf-8"))
    ul = page.find(f".//ul[@data-block='{bulleted.id}']")
    assert ["".join(li.itertext()) for li in ul.findall("li")] == ["Họp lúc 8 giờ", "Tại hội trường tầng 2"]
    ol = page.find(f".//ol[@data-block='{numbered.id}']")
    assert ol.get("start") == "3"
    assert ["".join(li.itertext()) for li in ol.findall("li")] == ["Điều 3 có hiệu lực", "Điều 4 giao Văn phòng", "Điều 5 thi hành"]
    assert "• " not in "".join(page.itertext()) and "3. Điều 3" not in "".join(page.itertext())


def paragraphs(*texts: str) -> list[ParagraphBlock]:
    return [ParagraphBlock(id=f"p{n}", text=text) for n, text in enumerate(texts)]


def test_labels_a_list_cannot_show_stay_text_and_counting_breaks_start_a_new_list() -> None:
    letters = paragraphs("a) Một", "b) Hai")
    blocks, kept = make_lists(list(letters), {"p0": ListItemMark(0, "a) "), "p1": ListItemMark(0, "b) ")})
    assert blocks == letters and kept == 2
    nested = paragraphs("• Một", "◦ Con", "• Hai")
    marks = {"p0": ListItemMark(0, "• "), "p1": ListItemMark(1, "◦ "), "p2": ListItemMark(0, "• ")}
    blocks, kept = make_lists(list(nested), marks)
    assert blocks == nested and kept == 3  # a list block has one level: Word's indented item would be lost
    restarted = paragraphs("1. Một", "2. Hai", "1. Lại", "1.1. Mục")
    blocks, kept = make_lists(list(restarted)[:3], {"p0": ListItemMark(0, "1. "), "p1": ListItemMark(0, "2. "), "p2": ListItemMark(0, "1. ")})
    assert [(b.items, b.start) for b in blocks] == [(("Một", "Hai"), 1), (("Lại",), 1)] and kept == 0  # type: ignore[attr-defined]
    blocks, kept = make_lists(restarted[3:], {"p3": ListItemMark(0, "1.1. ")})
    assert blocks == restarted[3:] and kept == 1
