"""The layout of Vietnamese administrative documents (Decree 30/2020/NĐ-CP),
read into an article's fields.

A decision, report, plan or official letter opens with a header: the
issuing body, the national motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM /
Độc lập - Tự do - Hạnh phúc"), the number ("Số: 12/QĐ-UBND") and the place
and date ("Lâm Đồng, ngày 12 tháng 3 năm 2025"). Then the document type
("QUYẾT ĐỊNH") and its summary ("Về việc …"), or for a letter its "V/v …"
line. Word's header table reaches the importer as loose paragraphs, in an
order that depends on how the table was drawn, so each line is recognised
by what it says, not by where it is.

- Title ← the type and the summary, as written ("QUYẾT ĐỊNH Về việc …").
- Date ← the date line, at 09:00 (the line gives no hour); a date line left
  blank for signing gives none.
- Source ← the issuing body.
- Number and symbol (``document_number``) ← the text after "Số:".
- The motto and the date line leave the body; everything else of the header
  (the number, a "DỰ THẢO" mark) stays at its top, in order, and nothing of
  the header becomes the lead or the author. The signature block stays as
  the document's last lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from editor.model import DEFAULT_TIMEZONE, Article, Block, HeadingBlock, ParagraphBlock
from editor.search_text import fold as search_fold
from editor.text import inline_to_plain

HEADER_LINES = 16  # the header and the type line fit in the document's first lines
MOTTO = "CONG HOA XA HOI CHU NGHIA VIET NAM"  # folded: no diacritics, upper case
MOTTO_2 = "DOC LAP - TU DO - HANH PHUC"
# The date line, with the day and month left blank in a document not signed yet.
DATE_LINE = re.compile(r"(?:[^,]{1,60},\s*)?NGAY\s*(\d{1,2})?\s*THANG\s*(\d{1,2})?\s*NAM\s*(\d{4})\s*\.?")
NUMBER_LINE = re.compile(r"SO\s*:")
LETTER_SUMMARY = re.compile(r"V/V\b")
DRAFT_MARK = re.compile(r"(DU THAO|MAT|KHAN|HOA TOC)\b")
SEPARATOR = re.compile(r"[\s_\-–—=*.]+")
# The kinds of document (Decree 30/2020/NĐ-CP, article 7, and the legal
# ones), folded: a type line starts with one ("ĐIỀU LỆ (SỬA ĐỔI, BỔ SUNG)").
TYPES = re.compile(
    r"(NGHI QUYET|QUYET DINH|CHI THI|QUY CHE|QUY DINH|THONG CAO|THONG BAO|HUONG DAN|CHUONG TRINH|KE HOACH|PHUONG AN|DE AN"
    r"|DU AN|BAO CAO|BIEN BAN|TO TRINH|HOP DONG|CONG VAN|CONG DIEN|BAN GHI NHO|BAN THOA THUAN|GIAY UY QUYEN|GIAY MOI"
    r"|GIAY GIOI THIEU|GIAY NGHI PHEP|PHIEU GUI|PHIEU CHUYEN|PHIEU BAO|THU CONG|LUAT|BO LUAT|PHAP LENH|NGHI DINH"
    r"|THONG TU|THONG TU LIEN TICH|DIEU LE|LENH|SAC LENH)\b")
TYPE_WORDS = 10  # a type line is short; a longer upper-case line is a heading
SIGNING_HOUR = 9


def fold(text: str) -> str:
    """``text`` without diacritics (the library search's folding), in upper
    case, spaces collapsed: the motto is written "CỘNG HÒA" or "CỘNG HOÀ",
    with or without marks."""
    return " ".join(search_fold(text).upper().split())


@dataclass
class _Line:
    index: int
    text: str  # plain
    folded: str
    bold: bool

    @property
    def upper(self) -> bool:
        return any(char.isalpha() for char in self.text) and self.text == self.text.upper()


def _line(index: int, block: Block, bold_ids: set[str]) -> _Line | None:
    if not isinstance(block, (ParagraphBlock, HeadingBlock)):
        return None
    text = " ".join(inline_to_plain(block.text).split())
    bold = isinstance(block, HeadingBlock) or block.id in bold_ids or bool(re.fullmatch(r"\s*<b>.*</b>\s*", block.text, re.DOTALL))
    return _Line(index, text, fold(text), bold)


def _is_type(line: _Line) -> bool:
    return line.upper and len(line.text.split()) <= TYPE_WORDS and bool(TYPES.match(line.folded))


def _signing_date(line: _Line) -> datetime | None:
    match = DATE_LINE.fullmatch(line.folded)
    if match is None or match.group(1) is None or match.group(2) is None:
        return None
    try:
        return datetime(int(match.group(3)), int(match.group(2)), int(match.group(1)), SIGNING_HOUR, tzinfo=ZoneInfo(DEFAULT_TIMEZONE))
    except ValueError:  # "ngày 31 tháng 2"
        return None


def _issuing_body(lines: list[_Line]) -> str:
    """The issuing body's lines as one name: lines of the same weight run
    on ("ỦY BAN NHÂN DÂN" "TỈNH LÂM ĐỒNG"), a parent body in plain type is
    set before the bold one with a dash ("UBND TỈNH LÂM ĐỒNG – SỞ NỘI VỤ")."""
    groups: list[tuple[bool, list[str]]] = []
    for line in lines:
        if groups and groups[-1][0] == line.bold:
            groups[-1][1].append(line.text)
        else:
            groups.append((line.bold, [line.text]))
    return " – ".join(" ".join(texts) for _, texts in groups)


def read_administrative_layout(article: Article, blocks: list[Block], bold_ids: set[str]) -> bool:
    """Fill ``article``'s title, date and source from an administrative
    header at the top of ``blocks`` and take the header out of them; False
    (and nothing changed) when the document has no such header."""
    lines = [line for index, block in enumerate(blocks[:HEADER_LINES]) if (line := _line(index, block, bold_ids))]
    motto = next((line for line in lines if line.folded == MOTTO), None)
    if motto is None:
        return False
    leave: set[int] = set()  # what leaves the body
    body_lines: list[_Line] = []
    summary: list[_Line] = []
    type_line: _Line | None = None
    date: datetime | None = None
    number = ""
    for line in lines:
        if line.folded in (MOTTO, MOTTO_2) or SEPARATOR.fullmatch(line.text or "-"):
            leave.add(line.index)
        elif DATE_LINE.fullmatch(line.folded):
            date = date or _signing_date(line)
            leave.add(line.index)
        elif NUMBER_LINE.match(line.folded) or DRAFT_MARK.match(line.folded):
            if NUMBER_LINE.match(line.folded) and not number:
                number = " ".join(line.text.split(":", 1)[1].split())
            continue  # stays at the top of the body
        elif LETTER_SUMMARY.match(line.folded) and not summary:
            summary = [line]  # an official letter: "V/v …" is its subject
            leave.add(line.index)
        elif _is_type(line):
            type_line = line
            break
        elif line.upper:  # before the motto, or after it in a table drawn right to left
            body_lines.append(line)
            leave.add(line.index)
        else:
            break  # "Kính gửi", "Căn cứ": the header is over
    if type_line is not None:
        leave.add(type_line.index)
        summary = []
        for block in blocks[type_line.index + 1 :]:
            line = _line(0, block, bold_ids)
            if line is not None and SEPARATOR.fullmatch(line.text or "-"):
                summary.append(line)  # the rule under the summary goes with it
                break
            if line is None or not line.bold or not line.text:
                break
            if summary and summary[0].upper != line.upper:
                break  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" after a summary in plain case
            summary.append(line)
        leave.update(range(type_line.index + 1, type_line.index + 1 + len(summary)))
    title = " ".join(line.text for line in ([type_line] if type_line else []) + summary if not SEPARATOR.fullmatch(line.text or "-"))
    if not title:
        return False  # a motto and nothing that names the document: read it as an ordinary draft
    article.title = title
    article.lead = ""
    article.author = ""
    if body_lines:
        article.source = _issuing_body(body_lines)
    if date is not None:
        article.published = date
    article.document_number = number
    blocks[:] = [block for index, block in enumerate(blocks) if index not in leave]
    return True
