"""The formatting bar's Heading and Quote buttons, on the model: the words
stay, the first block keeps its id and notes, and the same button again
turns the blocks back into paragraphs."""

from __future__ import annotations

from editor.block_kinds import convert_blocks
from editor.model import HeadingBlock, ImageBlock, ParagraphBlock, QuoteBlock
from editor.notes import Note


def test_a_paragraph_becomes_a_plain_heading_with_its_id_and_notes() -> None:
    note = Note.new("Lan", "Kiểm tra số liệu")
    made = convert_blocks([ParagraphBlock(id="p", text="Kết quả <b>nổi bật</b> &amp; bài học", notes=(note,))], "heading")
    assert made == [HeadingBlock(id="p", text="Kết quả nổi bật & bài học", notes=(note,))]


def test_a_quote_made_of_paragraphs_keeps_them_as_lines_and_goes_back_with_its_speaker() -> None:
    quote = convert_blocks([ParagraphBlock(id="a", text="Một"), ParagraphBlock(id="b", text="<i>Hai</i>")], "quote")
    assert quote == [QuoteBlock(id="a", text="Một<br><i>Hai</i>")]
    back = convert_blocks([QuoteBlock(id="q", text="Vì dân", cite="Chủ tịch <UBND>")], "quote")
    assert [(b.type, b.text) for b in back] == [("paragraph", "Vì dân"), ("paragraph", "Chủ tịch &lt;UBND&gt;")]
    assert back[0].id == "q"


def test_photos_are_never_converted() -> None:
    blocks = [ImageBlock(id="i", src="a.jpg", caption="Ảnh")]
    assert convert_blocks(blocks, "heading") == blocks


def test_selected_paragraphs_make_one_list_which_changes_kind_and_goes_back_item_by_item() -> None:
    from editor.model import ListBlock

    made = convert_blocks([ParagraphBlock(id="a", text="Một"), HeadingBlock(id="b", text="Hai & ba")], "bulleted")
    assert made == [ListBlock(id="a", items=("Một", "Hai &amp; ba"))]
    numbered = convert_blocks(made, "numbered")
    assert numbered == [ListBlock(id="a", items=("Một", "Hai &amp; ba"), ordered=True)]
    back = convert_blocks(numbered, "numbered")
    assert [(b.type, b.text) for b in back] == [("paragraph", "Một"), ("paragraph", "Hai &amp; ba")]  # type: ignore[attr-defined]
    assert back[0].id == "a"
