"""Start from Word: a .docx becomes an article, through mammoth.

- Title: the Title style, else the first Heading 1, else a bold first line.
- Lead: a bold (or Lead/Subtitle-styled) first paragraph.
- Paragraphs keep bold, italic and links; headings become heading blocks;
  numbered and bulleted paragraphs start with the label Word shows for them
  ("a)", "1.1.", "Điều 3.": editor.word_numbering counts them), except
  those a list block shows as Word does ("•", "1.", "2." of one level),
  which become list blocks (editor.word_lists).
- Tables are read row by row, each cell's content in its place; a small
  borderless one is layout (header, signature block), any other is noted
  as flattened. Charts, SmartArt and embedded objects are named in a note
  (editor.word_objects).
- Before mammoth reads document.xml, what it would parse and ignore is
  dropped (editor.word_slim): it was most of a long document's time.
- Each embedded picture becomes an image block with its original bytes; the
  paragraph right after it is its caption when it is Caption-styled, italic,
  or short and centred. An EMF or WMF drawing becomes a PNG photo through
  Inkscape (editor.word_drawings), or is left out and named.
- Two paragraphs joined by a deleted paragraph mark keep a space between
  their words (editor.word_revisions).
- Quote and Intense Quote paragraphs become quote blocks; a drop cap
  joins the word it starts.
- A short last line, right-aligned or bold, becomes the byline.
- The date: a line "…, ngày 12 tháng 3 năm 2025" (taken out of the body),
  else the document's properties (last saved, else created), else none.
Everything the importer is unsure of is listed in the summary.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, cast
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import mammoth
from lxml import etree

from editor.errors import PASSWORD_PROTECTED, DocumentImportError, ImageError
from editor.gc_pause import collector_paused
from editor.html_tree import Node, parse
from editor.media import MemoryMedia, sniff_extension
from editor.model import DEFAULT_TIMEZONE, Article, Block, HeadingBlock, ImageBlock, ParagraphBlock, QuoteBlock
from editor.photo_files import check_photo_bytes
from editor.regular_files import require_regular_file
from editor.text import clean_inline, inline_to_plain
from editor.vector_pictures import drawing_kind
from editor.word_admin import fold, read_administrative_layout
from editor.word_drawings import Drawings
from editor.word_lists import make_lists
from editor.word_numbering import MC, ListItemMark, Numbering, parse_xml, write_labels
from editor.word_objects import LeftOut, left_out, preview_parts
from editor.word_objects import note as object_note
from editor.word_revisions import keep_joined_paragraphs_apart
from editor.word_slim import slim
from editor.word_xml import lxml_reader
from editor.zips import DAMAGED_ZIP_ERRORS

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc, and an encrypted .docx
# An encrypted .docx is an OLE container too, holding these streams (MS-OFFCRYPTO).
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
# <w:style> without w:type: ECMA-376 17.7.4.17 says a paragraph style, mammoth says KeyError.
STYLE_WITHOUT_TYPE = re.compile(rb"<(\w+:)?style(?=[\s/>])(?![^>]*\btype=)")
# <w:style> without w:styleId: nothing can use it; mammoth says KeyError.
STYLE_WITHOUT_ID = re.compile(rb"<(\w+:)?style(?=[\s/>])(?![^>]*\bstyleId=)[^>]*?(?:/>|>.*?</\1style>)", re.DOTALL)
# What Word leaves of a HYPERLINK field's switches in the address mammoth gives:
# 'https://…aspx" \t "_blank', 'https://…" \l "bib1" \o "…"'.
FIELD_SWITCHES = re.compile(r'"?\s*\\[a-zA-Z]\b.*$', re.DOTALL)
BOOKMARK_SWITCH = re.compile(r'\\l\s+"?([^"\s]+)')
STYLE_MAP = "\n".join((
    "p[style-name='Title'] => h1.doc-title:fresh",
    "p[style-name='Subtitle'] => p.doc-lead:fresh",
    "p[style-name='Lead'] => p.doc-lead:fresh",
    "p[style-name='Sapo'] => p.doc-lead:fresh",
    "p[style-name='Caption'] => p.doc-caption:fresh",
    "p[style-name='Quote'] => p.doc-quote:fresh",
    "p[style-name='Intense Quote'] => p.doc-quote:fresh",
    "r[style-name='Strong'] => strong",
))
# Caps, each refused in one line: a small .docx can inflate to gigabytes of
# XML, or name one picture a thousand times (3 MB took 6.3 GB of memory).
MAX_XML_SIZE = 20 * 1024**2  # each word/*.xml part, inflated: the text
MAX_PARAGRAPHS = 20_000
MAX_TABLES = 1_000
MAX_PICTURES_SIZE = 256 * 1024**2  # all pictures together, as the article holds them
# A table of at most this many rows and columns, without lines, is layout
# (the header of an administrative document, its signature block).
LAYOUT_ROWS = 6
LAYOUT_COLUMNS = 3
SHORT_CAPTION = 200  # characters
NEAR_WORDS = 6  # of a picture's paragraph, to say where a picture left out was
# mammoth's line for an EMF or WMF picture, which the import converts or names itself.
OFFICE_DRAWING_MESSAGE = re.compile(r"Image of type \S*(?:emf|wmf)\S* is unlikely to display", re.IGNORECASE)
SHORT_BYLINE = 60
# Closing lines that are not a byline ("Xin trân trọng cảm ơn!"), folded.
COURTESY = re.compile(r"\b(CAM ON|TRAN TRONG|KINH CHAO|KINH GUI|NOI NHAN)\b")
# "Lê Chân, ngày 12 tháng 3 năm 2025": the date line of Vietnamese documents.
DATE_LINE = re.compile(r"(?:[^,]{1,60},\s*)?ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\s*\.?", re.IGNORECASE)
CORE_DATES = ("{http://purl.org/dc/terms/}modified", "{http://purl.org/dc/terms/}created")


@dataclass(frozen=True)
class ImportNote:
    """Something the importer was unsure of, in both interface languages."""

    vi: str
    en: str

    def message(self, language: str) -> str:
        return self.vi if language == "vi" else self.en

    def __str__(self) -> str:  # the command line prints both, as its other lines are in English
        return f"{self.vi} ({self.en})"


@dataclass
class ImportResult:
    article: Article
    notes: list[ImportNote] = field(default_factory=list)


# mammoth's messages a user can act on, said plainly in both languages; the
# rest (unknown styles, ignored XML elements, field codes: up to 16 a
# document) describe its own workings and are folded into one line.
_MAMMOTH_NOTES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"could not open external image:? '?(?P<name>[^',]+)'?"),
     "Ảnh “{name}” nằm ngoài tệp Word nên không được nhập: hãy chèn ảnh đó từ tệp của nó.",
     "The picture “{name}” lives outside the Word file and was not imported: insert it from its own file."),
    (re.compile(r"Image of type (?P<name>\S+) is unlikely to display"),
     "Một ảnh ở định dạng {name} (hình vẽ của Office) không hiển thị được trên web nên đã bỏ qua: hãy chèn lại dưới dạng ảnh chụp (JPEG, PNG).",
     "A picture in the {name} format (an Office drawing) cannot be shown on the web and was left out: insert it as a photo (JPEG, PNG)."),
    (re.compile(r"Could not find image file"),
     "Một ảnh bị thiếu trong tệp Word nên không được nhập.",
     "A picture is missing from the Word file and was not imported."),
    (re.compile(r"w:sym element with an unsupported character"),
     "Một ký hiệu đặc biệt (phông Symbol, Wingdings) đã bị bỏ: hãy kiểm tra chỗ có ký hiệu.",
     "A special symbol (Symbol or Wingdings font) was left out: check where the document has symbols."),
)


def _mammoth_notes(messages: list[str]) -> list[tuple[str, str]]:
    notes: list[tuple[str, str]] = []
    technical = 0
    for message in messages:
        for pattern, vi, en in _MAMMOTH_NOTES:
            match = pattern.search(message)
            if match:
                names = match.groupdict()
                notes.append((vi.format(**names), en.format(**names)))
                break
        else:
            technical += 1
    if technical:
        notes.append((f"Bộ chuyển đổi Word đã bỏ qua {technical} chi tiết định dạng không dùng đến (kiểu lạ và những thứ tương tự).",
                       f"The Word converter skipped {technical} formatting detail(s) it does not use (unknown styles and the like)."))
    return notes


@dataclass
class _ParagraphLook:
    alignment: str
    bold: bool
    italic: bool
    drop_cap: bool = False  # a big first letter in a frame of its own
    list_item: ListItemMark | None = None  # one of Word's numbered or bulleted paragraphs


_NO_LOOK = _ParagraphLook("", False, False)


def _paragraph_looks(root: Any, w: str, list_items: dict[Any, ListItemMark]) -> dict[str, list[_ParagraphLook]]:
    """Alignment, bold and italic of each paragraph, by its text: what mammoth
    does not carry over, read from document.xml."""
    looks: dict[str, list[_ParagraphLook]] = {}
    for paragraph in root.iter(f"{w}p"):
        runs = [run for run in paragraph.iter(f"{w}r") if "".join(t.text or "" for t in run.iter(f"{w}t")).strip()]
        text = " ".join("".join(t.text or "" for t in paragraph.iter(f"{w}t")).split())
        if not text:
            continue
        justify = paragraph.find(f"{w}pPr/{w}jc")
        alignment = justify.get(f"{w}val", "") if justify is not None else ""
        frame = paragraph.find(f"{w}pPr/{w}framePr")
        drop_cap = frame is not None and frame.get(f"{w}dropCap", "none") in ("drop", "margin")

        def all_runs(tag: str, runs: list[Any] = runs) -> bool:  # bound now: B023
            return bool(runs) and all(
                (prop := run.find(f"{w}rPr/{w}{tag}")) is not None and prop.get(f"{w}val", "true") not in ("0", "false")
                for run in runs
            )

        looks.setdefault(text, []).append(_ParagraphLook(alignment, all_runs("b"), all_runs("i"), drop_cap, list_items.get(paragraph)))
    return looks


def _read_part(archive: zipfile.ZipFile, name: str) -> Any:
    """A part of the package parsed, or None when it is missing or not XML."""
    try:
        return parse_xml(archive.read(name))
    except KeyError:
        return None
    except etree.XMLSyntaxError:
        return None


@dataclass
class _Prepared:
    data: bytes  # the package mammoth is to read
    looks: dict[str, list[_ParagraphLook]]
    labelled: int  # numbered paragraphs given their label
    layout_tables: list[bool]  # each table in document order: is it layout, not data?
    left_out: list[LeftOut]  # charts, SmartArt, embedded objects
    previews: frozenset[bytes] = frozenset()  # the pictures Word shows of embedded objects


def _visible(borders: Any, w: str) -> bool:
    return any(side.get(f"{w}val", "single") not in ("nil", "none") for side in borders)


def _has_borders(table: Any, table_styles: dict[str, tuple[Any, str | None]], w: str) -> bool:
    """Whether Word draws lines round the table's cells: its own borders,
    else its style's (up the basedOn chain; Word's default table has none),
    or any cell's."""
    own = table.find(f"{w}tblPr/{w}tblBorders")
    if own is not None:
        drawn = _visible(own, w)
    else:
        drawn = False
        style = table.find(f"{w}tblPr/{w}tblStyle")
        current, seen = (style.get(f"{w}val") if style is not None else None), set()
        while current and current in table_styles and current not in seen:
            seen.add(current)
            borders, current = table_styles[current]
            if borders is not None:
                drawn = _visible(borders, w)
                break
    return drawn or any(_visible(cell, w) for cell in table.iterfind(f"{w}tr/{w}tc/{w}tcPr/{w}tcBorders"))


def _layout_tables(document: Any, styles: Any, w: str) -> list[bool]:
    """For each table in document order (an outer one before those in its
    cells, as mammoth gives them): a small table without lines, which
    Word documents use to set the header or the signature block side by
    side, is layout; any other holds data."""
    table_styles: dict[str, tuple[Any, str | None]] = {}
    if styles is not None:
        for style in styles.iterfind(f"{w}style"):
            based = style.find(f"{w}basedOn")
            table_styles[style.get(f"{w}styleId") or ""] = (
                style.find(f"{w}tblPr/{w}tblBorders"), based.get(f"{w}val") if based is not None else None)
    choice = f"{{{MC}}}Choice"
    layout = []
    for table in document.iter(f"{w}tbl"):
        if any(ancestor.tag == choice for ancestor in table.iterancestors()):
            continue  # mammoth reads the fallback copy
        rows = table.findall(f"{w}tr")
        small = len(rows) <= LAYOUT_ROWS and all(len(row.findall(f"{w}tc")) <= LAYOUT_COLUMNS for row in rows)
        layout.append(small and not _has_borders(table, table_styles, w))
    return layout


def _prepared(archive: zipfile.ZipFile, data: bytes) -> _Prepared:
    """The document as mammoth is to read it, and what mammoth does not
    carry over: each paragraph's look, which tables are layout.

    Styles without a type get ``w:type="paragraph"`` (what the standard says
    they are) and styles without an id are left out (nothing can use them):
    mammoth refuses either. Numbered paragraphs get the label Word shows
    written into their text (editor.word_numbering)."""
    replaced: dict[str, bytes] = {}
    try:
        styles_data: bytes | None = archive.read("word/styles.xml")
    except KeyError:
        styles_data = None
    if styles_data is not None:
        fixed = STYLE_WITHOUT_ID.sub(b"", styles_data)
        fixed = STYLE_WITHOUT_TYPE.sub(lambda match: match.group() + b' ' + (match.group(1) or b"") + b'type="paragraph"', fixed)
        if fixed != styles_data:
            replaced["word/styles.xml"] = styles_data = fixed
    document = _read_part(archive, "word/document.xml")
    looks: dict[str, list[_ParagraphLook]] = {}
    labelled = 0
    layout: list[bool] = []
    objects: list[LeftOut] = []
    previews: set[bytes] = set()
    if document is not None:
        w = document.tag[: document.tag.index("}") + 1] if document.tag.startswith("{") else ""
        styles = None
        if styles_data is not None:
            try:
                styles = parse_xml(styles_data)
            except etree.XMLSyntaxError:
                styles = None
        numbering = Numbering(_read_part(archive, "word/numbering.xml"), styles, w)
        list_items = write_labels(document, numbering)
        labelled = len(list_items)
        looks = _paragraph_looks(document, w, list_items)
        layout = _layout_tables(document, styles, w)
        objects = left_out(document, w)
        names = set(archive.namelist())
        previews = {archive.read(name) for name in preview_parts(document, _read_part(archive, "word/_rels/document.xml.rels"), w)
                    if name in names}
        keep_joined_paragraphs_apart(document, w)  # a deleted paragraph mark must not glue two words
        # What mammoth would parse and throw away goes first: on a 100-page
        # report that halves its time and memory (benchmarks/bench_import_large.py).
        slim(document, w)
        replaced["word/document.xml"] = etree.tostring(document, xml_declaration=True, encoding="UTF-8", standalone=True)
    if not replaced:
        return _Prepared(data, looks, labelled, layout, objects, frozenset(previews))
    output = io.BytesIO()
    # Stored, not compressed again: mammoth reads it straight back, and the
    # pictures are compressed already.
    with zipfile.ZipFile(output, "w", zipfile.ZIP_STORED) as copy:
        for member in archive.infolist():
            copy.writestr(member.filename, replaced.get(member.filename) or archive.read(member))
    return _Prepared(output.getvalue(), looks, labelled, layout, objects, frozenset(previews))


class _TooBig(Exception):
    """A cap was reached while mammoth was converting."""


def _check_caps(archive: zipfile.ZipFile, path: Path) -> None:
    """Refuse, before anything is parsed, what would need unbounded memory."""
    for member in archive.infolist():
        if member.filename.startswith("word/") and member.filename.endswith(".xml") and member.file_size > MAX_XML_SIZE:
            raise DocumentImportError(
                f"{member.filename} unpacks to {member.file_size / 1024**2:.0f} MB; at most {MAX_XML_SIZE // 1024**2} MB of text can be imported",
                path=path)
    try:
        document = archive.read("word/document.xml")
    except KeyError:
        return
    paragraphs = len(re.findall(rb"<(?:\w+:)?p[\s>/]", document))
    tables = len(re.findall(rb"<(?:\w+:)?tbl[\s>/]", document))
    if paragraphs > MAX_PARAGRAPHS:
        raise DocumentImportError(f"the document has {paragraphs:,} paragraphs; at most {MAX_PARAGRAPHS:,} can be imported", path=path)
    if tables > MAX_TABLES:
        raise DocumentImportError(f"the document has {tables:,} tables; at most {MAX_TABLES:,} can be imported", path=path)


def _has_comments(archive: zipfile.ZipFile) -> bool:
    try:
        comments = archive.read("word/comments.xml")
    except KeyError:
        return False
    return b"comment " in comments or b"w:comment>" in comments


def _field_href(href: str) -> str:
    """The address of a link as Word meant it: a HYPERLINK field's switches
    (``\\t "_blank"``, ``\\o "tooltip"``) cut off, its ``\\l "bookmark"``
    made the fragment."""
    switches = FIELD_SWITCHES.search(href)
    if switches is None:
        return href
    address = href[: switches.start()].strip()
    bookmark = BOOKMARK_SWITCH.search(switches.group())
    if bookmark is not None and "#" not in address:
        address += "#" + bookmark.group(1)
    return address


def _inline(node: Node) -> str:
    """A node's content as an inline fragment (bold, italic, links, breaks)."""
    parts: list[str] = []
    for child in node.children:
        if isinstance(child, str):
            parts.append(html.escape(child, quote=False))
        elif child.tag in ("strong", "b", "em", "i"):
            tag = "b" if child.tag in ("strong", "b") else "i"
            parts.append(f"<{tag}>{_inline(child)}</{tag}>")
        elif child.tag == "a" and (href := _field_href(child.attrs.get("href", ""))).startswith(("http:", "https:", "mailto:")):
            parts.append(f'<a href="{html.escape(href)}">{_inline(child)}</a>')
        elif child.tag == "br":
            parts.append("<br>")
        elif child.tag == "input" and child.attrs.get("type") == "checkbox":  # a form's check box (FORMCHECKBOX, w14:checkbox)
            parts.append("☒" if "checked" in child.attrs else "☐")
        elif child.tag == "img":
            continue
        else:  # u, s, sup, span, a to an anchor…: the text, not the tag
            parts.append(_inline(child))
    return "".join(parts)


class _Importer:
    def __init__(self, looks: dict[str, list[_ParagraphLook]], images: list[tuple[bytes, str]], layout_tables: list[bool],
                 previews: frozenset[bytes] = frozenset()) -> None:
        self.looks = looks
        self.images = images
        self.previews = previews  # embedded objects' pictures: the object's note names them
        self.drawings = Drawings()  # EMF and WMF pictures, converted to PNG
        self.article = Article(published=None)
        self.blocks: list[Block] = []
        self.notes: list[ImportNote] = []
        self.looks_by_id: dict[str, _ParagraphLook] = {}
        self.last_was_image = False
        self.table_ids: set[str] = set()  # blocks read from table cells
        self.layout_tables = layout_tables  # for each table, in document order: is it layout?
        self.table_count = 0
        self.table_depth = 0
        self.flattened = 0  # tables read cell by cell
        self.left_out: list[int] = []  # pictures the web cannot show, by number
        self.open_quote: QuoteBlock | None = None  # consecutive Quote paragraphs make one quote
        self.drop_cap = ""  # the letter of a drop cap, waiting for the rest of its word
        self.marked_items: dict[str, ListItemMark] = {}  # paragraphs that were Word's list items, by block id

    def look(self, node: Node) -> _ParagraphLook:
        text = " ".join(node.text().split())
        found = self.looks.get(text)
        return found.pop(0) if found else _NO_LOOK

    def walk(self, nodes: list[Node]) -> None:
        for node in nodes:
            self.visit(node)

    def visit(self, node: Node) -> None:
        tag, classes = node.tag, node.attrs.get("class", "")
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self.table_depth:
            # A heading in a cell ("Nơi nhận:", "KT. CHỦ TỊCH" of a signature
            # block) is a line of the table, in bold: not a subheading of the article.
            self.paragraph(Node("p", children=[Node("strong", children=list(node.children))]), "")
        elif tag == "h1" and ("doc-title" in classes or not self.article.title) and not self.blocks:
            text = inline_to_plain(_inline(node)).strip()
            # A title in two Title paragraphs is one title, both lines kept.
            self.article.title = f"{self.article.title} {text}" if "doc-title" in classes and self.article.title else text
            self.last_was_image = False
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.blocks.append(HeadingBlock(text=inline_to_plain(_inline(node)).strip(), level=2 if tag in ("h1", "h2") else 3))
            self.last_was_image = False
        elif tag == "p":
            self.paragraph(node, classes)
        elif tag in ("ul", "ol"):
            if any(li.attrs.get("id", "").startswith(("footnote-", "endnote-")) for li in node.elements()):
                self.notes_section(node)
            else:
                self.list_items(node, level=0)
        elif tag == "table":
            self.table(node)
        elif tag == "img":
            self.image(node)
        else:
            self.walk(node.elements())

    def table(self, node: Node) -> None:
        """A table's cells in reading order: row by row (header rows come
        first, as in the document), each cell once, and in each cell every
        paragraph, heading, list, picture and nested table in its place.
        A small borderless table is layout (the header, the signature
        block); any other is flattened, and the notes say so."""
        layout = self.layout_tables[self.table_count] if self.table_count < len(self.layout_tables) else False
        self.table_count += 1
        if not layout:
            self.flattened += 1
        before = len(self.blocks)
        self.table_depth += 1
        for row in _rows(node):
            for cell in row.elements():
                if cell.tag not in ("td", "th"):
                    continue
                if cell.elements():
                    self.walk(cell.elements())
                else:
                    self.paragraph(cell, "")
        self.table_depth -= 1
        self.table_ids.update(block.id for block in self.blocks[before:])

    def paragraph(self, node: Node, classes: str) -> None:
        for image in node.find_all("img"):
            self.image(image, node)
        fragment = clean_inline(_inline(node))
        if not inline_to_plain(fragment).strip():
            return
        look = self.look(node)
        if look.drop_cap and len(inline_to_plain(fragment).strip()) <= 3:
            self.drop_cap += fragment.strip()
            return
        if self.drop_cap:
            fragment, self.drop_cap = self.drop_cap + fragment.lstrip(), ""
        text = inline_to_plain(fragment).strip()
        if "doc-quote" in classes:
            if self.blocks and self.blocks[-1] is self.open_quote:
                self.open_quote.text += "<br>" + fragment
            else:
                self.open_quote = QuoteBlock(text=fragment)
                self.blocks.append(self.open_quote)
            self.last_was_image = False
            return
        if "doc-lead" in classes and not self.article.lead and not self.table_depth:
            self.article.lead = _unwrap_bold(fragment)
            return
        if self.last_was_image and isinstance(self.blocks[-1], ImageBlock) and (
            "doc-caption" in classes or look.italic or (look.alignment == "center" and len(text) <= SHORT_CAPTION)
        ):
            self.blocks[-1].caption = _unwrap_italic(fragment)
            self.last_was_image = False
            return
        self.blocks.append(ParagraphBlock(text=fragment))
        self.looks_by_id[self.blocks[-1].id] = look
        if look.list_item is not None and not self.table_depth:  # a list in a cell stays the cell's lines
            self.marked_items[self.blocks[-1].id] = look.list_item
        self.last_was_image = False

    def near(self, paragraph: Node | None) -> str:
        """The first words of a picture's paragraph, else of the block before it."""
        text = " ".join(paragraph.text().split()) if paragraph is not None else ""
        for block in reversed(self.blocks):  # past the pictures before it
            if text:
                break
            if isinstance(block, (ParagraphBlock, HeadingBlock, QuoteBlock)):
                text = " ".join(inline_to_plain(block.text).split())
        words = text.split()
        return " ".join(words[:NEAR_WORDS]) + ("…" if len(words) > NEAR_WORDS else "")

    def image(self, node: Node, paragraph: Node | None = None) -> None:
        source = node.attrs.get("src", "")
        if not source.startswith("toasoan-image:"):
            return
        data, alt = self.images[int(source.split(":", 1)[1])]
        extension = sniff_extension(data)
        number = len([b for b in self.blocks if isinstance(b, ImageBlock)]) + len(self.left_out) + 1
        if data in self.previews:
            # The picture Word shows of an embedded object (an Excel sheet, a
            # Visio drawing): the object's own note names it, with its place.
            self.left_out.append(number)
            return
        if drawing_kind(data) is not None:
            # An Office drawing (EMF, WMF): no browser shows it. Converted to
            # a PNG photo, else left out; the notes name it either way.
            converted = self.drawings.convert(data, number, self.near(paragraph))
            if converted is None:
                self.left_out.append(number)
                return
            data, extension = converted, "png"
        elif extension == "bin":
            # An unknown format: stored as a photo, it would stop the export as "damaged". Left out, named.
            self.left_out.append(number)
            self.note(f"Picture {number} is in a format the web cannot show and was left out: insert it as a photo (JPEG, PNG).",
                      f"Ảnh thứ {number} ở định dạng web không hiển thị được nên đã bỏ qua: hãy chèn lại dưới dạng ảnh chụp (JPEG, PNG).")
            return
        name = f"word-image-{len([b for b in self.blocks if isinstance(b, ImageBlock)]) + 1}.{extension}"
        try:
            check_photo_bytes(data, name)
        except ImageError:
            # Cut short or damaged in the document: kept, it would show as a
            # photo that cannot be shown and stop the export. Left out, named.
            self.left_out.append(number)
            self.note(f"Picture {number} is damaged in the document (cut short or unreadable) and was left out: "
                      "insert it again from its original file.",
                      f"Ảnh thứ {number} bị hỏng trong tài liệu (bị cắt cụt hoặc không đọc được) nên đã bỏ qua: "
                      "hãy chèn lại từ tệp ảnh gốc.")
            return
        self.blocks.append(ImageBlock(src=name, alt=alt or node.attrs.get("alt", ""), media=MemoryMedia(data, name)))
        self.last_was_image = True

    def list_items(self, node: Node, level: int) -> None:
        number = 0
        for item in node.elements():
            if item.tag != "li":
                continue
            number += 1
            marker = f"{number}." if node.tag == "ol" else ("•" if level == 0 else "◦")
            nested = [child for child in item.elements() if child.tag in ("ul", "ol")]
            body = Node("li", children=[c for c in item.children if not (isinstance(c, Node) and c.tag in ("ul", "ol"))])
            for picture in body.find_all("img"):  # a picture in a list item is a photo before the item
                self.image(picture, body)
            fragment = clean_inline(_inline(body))
            indent = "\u00a0\u00a0\u00a0\u00a0" * level
            self.blocks.append(ParagraphBlock(text=f"{indent}{marker} {fragment}".rstrip()))
            self.last_was_image = False
            for sub in nested:
                self.list_items(sub, level + 1)

    def notes_section(self, node: Node) -> None:
        items = [li for li in node.elements() if li.tag == "li"]
        self.blocks.append(HeadingBlock(text="Ghi chú", level=3))
        for number, item in enumerate(items, start=1):
            fragment = clean_inline(" ".join(_inline(p) for p in item.elements() if p.tag == "p") or _inline(item))
            fragment = re.sub(r"\s*↑\s*$", "", fragment).strip()
            self.blocks.append(ParagraphBlock(text=f"[{number}] {fragment}"))
        self.note("Footnotes or endnotes were put in a “Ghi chú” section at the end.",
                  "Chú thích cuối trang được đưa vào mục “Ghi chú” ở cuối bài.")

    def note(self, en: str, vi: str) -> None:
        note = ImportNote(vi=vi, en=en)
        if note not in self.notes:
            self.notes.append(note)


def _rows(table: Node) -> list[Node]:
    """A table's own rows, in order (in <thead> and <tbody> too), not those
    of a table nested in one of its cells."""
    rows: list[Node] = []
    for child in table.elements():
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(row for row in child.elements() if row.tag == "tr")
    return rows


def _date_line(blocks: list[Block]) -> datetime | None:
    """Take the first date line out of the body and give its date (midnight,
    Vietnam time: the line gives no hour)."""
    for index, block in enumerate(blocks):
        if not isinstance(block, ParagraphBlock):
            continue
        match = DATE_LINE.fullmatch(inline_to_plain(block.text).strip())
        if match is None:
            continue
        day, month, year = (int(group) for group in match.groups())
        try:
            moment = datetime(year, month, day, tzinfo=ZoneInfo(DEFAULT_TIMEZONE))
        except ValueError:  # "ngày 31 tháng 2": not a date
            continue
        del blocks[index]
        return moment
    return None


def _core_date(archive: zipfile.ZipFile) -> datetime | None:
    """When the document was last saved (else created), from docProps/core.xml."""
    try:
        root = ElementTree.fromstring(archive.read("docProps/core.xml"))
    except (KeyError, ElementTree.ParseError):
        return None
    for tag in CORE_DATES:
        text = (root.findtext(tag) or "").strip()
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            continue
        if moment.tzinfo is not None:
            return moment.astimezone(ZoneInfo(DEFAULT_TIMEZONE)).replace(second=0, microsecond=0)
    return None


def _unwrap_bold(fragment: str) -> str:
    match = re.fullmatch(r"\s*<b>(.*)</b>\s*", fragment, re.DOTALL)
    return match.group(1) if match and "<b>" not in match.group(1) else fragment


def _unwrap_italic(fragment: str) -> str:
    match = re.fullmatch(r"\s*<i>(.*)</i>\s*", fragment, re.DOTALL)
    return match.group(1) if match and "<i>" not in match.group(1) else fragment


@collector_paused()
def import_docx(path: Path) -> ImportResult:
    """Read a .docx into an article; raises DocumentImportError with a reason."""
    require_regular_file(path, DocumentImportError, "Word document")  # a FIFO would hang the import
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DocumentImportError(f"cannot read the file: {error.strerror or error}", path=path) from error
    if data.startswith(OLE_MAGIC) and ENCRYPTED_STREAM in data:
        raise DocumentImportError("the document is protected by a password: remove the password in Word and save it again",
                                  path=path, reason=PASSWORD_PROTECTED)
    if data.startswith(OLE_MAGIC):
        raise DocumentImportError("this is an old Word .doc file: open it in Word and save it as .docx (Word Document)", path=path)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        if not any(name.startswith("word/") for name in archive.namelist()):
            raise DocumentImportError("not a Word document (.docx)", path=path)
        _check_caps(archive, path)
        has_comments = _has_comments(archive)
        core_date = _core_date(archive)
        prepared = _prepared(archive, data)
    except DAMAGED_ZIP_ERRORS as error:
        raise DocumentImportError("not a Word document, or the file is damaged", path=path) from error

    images: list[tuple[bytes, str]] = []
    pictures_size = 0

    def collect(image: mammoth.documents.Image) -> dict[str, str]:
        nonlocal pictures_size
        with image.open() as stream:
            picture = stream.read(MAX_PICTURES_SIZE - pictures_size + 1)
        pictures_size += len(picture)
        if pictures_size > MAX_PICTURES_SIZE:
            raise _TooBig(f"the pictures come to more than {MAX_PICTURES_SIZE // 1024**2} MB; at most that can be imported")
        images.append((picture, image.alt_text or ""))
        return {"src": f"toasoan-image:{len(images) - 1}"}

    try:
        with lxml_reader():  # mammoth's own reader, minidom, is most of its time on a long document
            result = mammoth.convert_to_html(io.BytesIO(prepared.data), style_map=STYLE_MAP, convert_image=mammoth.images.img_element(collect))
    except _TooBig as error:
        raise DocumentImportError(str(error), path=path) from error
    except Exception as error:  # noqa: BLE001 — mammoth raises many kinds on damaged files
        raise DocumentImportError(f"the document cannot be read; it may be damaged ({error})", path=path) from error

    # Should mammoth leave a table out or read one more, no table is
    # taken for layout: a flattened table is noted, a layout one is not.
    layout = prepared.layout_tables if result.value.count("<table>") == len(prepared.layout_tables) else []
    importer = _Importer(prepared.looks, images, layout, prepared.previews)
    importer.walk(parse(result.value).elements())
    if prepared.left_out:
        importer.note(*object_note(prepared.left_out))
    blocks = importer.blocks
    article = importer.article
    looks_by_id = importer.looks_by_id
    bold_ids = {block_id for block_id, look in looks_by_id.items() if look.bold}
    if read_administrative_layout(article, blocks, bold_ids):
        importer.note("The header of an administrative document was read into the title, the date and the source: check them.",
                      "Phần đầu văn bản hành chính đã được đọc vào tiêu đề, ngày và nguồn: hãy kiểm tra lại.")
        _finish(importer, result.messages, has_comments, core_date, path, prepared.left_out, prepared.labelled)
        return ImportResult(article, importer.notes)
    article.published = _date_line(blocks)

    # A bold first line with no title yet is the title; a bold first
    # paragraph after it is the lead.
    # A bold first line with more after it is the title; a bold first
    # paragraph after that is the lead. (A document of one bold line is
    # just that line, bold.)
    def bold_first() -> bool:  # never a table's cell: "Protocol No.:" is the label of a form, not its title
        return (len(blocks) > 1 and isinstance(blocks[0], ParagraphBlock) and looks_by_id.get(blocks[0].id, _NO_LOOK).bold
                and blocks[0].id not in importer.table_ids)

    if not article.title and bold_first():
        article.title = inline_to_plain(cast(ParagraphBlock, blocks.pop(0)).text).strip()
    if not article.lead and bold_first():
        article.lead = _unwrap_bold(cast(ParagraphBlock, blocks.pop(0)).text)
    # A short last line, right-aligned or bold, is the byline; never a line
    # of a table, nor a closing courtesy ("Xin trân trọng cảm ơn!").
    if blocks and isinstance(blocks[-1], ParagraphBlock) and blocks[-1].id not in importer.table_ids:
        last = blocks[-1]
        look = looks_by_id.get(last.id, _NO_LOOK)
        text = inline_to_plain(last.text).strip()
        if (len(text) <= SHORT_BYLINE and (look.alignment in ("right", "end") or look.bold) and len(blocks) > 1
                and not COURTESY.search(fold(text))):
            article.author = text
            blocks.pop()
            importer.note(f"The last line “{text}” was taken as the author.", f"Dòng cuối “{text}” được lấy làm tên tác giả.")
    _finish(importer, result.messages, has_comments, core_date, path, prepared.left_out, prepared.labelled)
    return ImportResult(article, importer.notes)


def _finish(importer: _Importer, messages: list[Any], has_comments: bool, core_date: datetime | None, path: Path,
            objects_left_out: list[LeftOut], labelled: int) -> None:
    """The notes every import ends with, and the date from the document's
    properties when the text gave none."""
    article = importer.article
    # Last, once the title, lead and byline are read from paragraphs as
    # before: Word's list items become list blocks where a list shows them.
    article.blocks, kept_as_text = make_lists(importer.blocks, importer.marked_items)
    # Items in cells, headings and quotes were never candidates: their labels are text too.
    if kept_as_text or labelled > len(importer.marked_items):
        importer.note("Word's automatic numbering was written into the text as Word shows it (“1.”, “a)”, “1.1.”): check it.",
                      "Số thứ tự tự động của Word đã được ghi vào chữ đúng như Word hiển thị (“1.”, “a)”, “1.1.”): hãy kiểm tra lại.")
    if importer.flattened:
        count = importer.flattened
        how_en = "row by row, each row's cells from left to right"
        how_vi = "lần lượt từng hàng, mỗi hàng từ ô trái sang ô phải"
        if count == 1:
            importer.note(f"A table was flattened into paragraphs, {how_en}: check it.",
                          f"Một bảng đã được chuyển thành các đoạn văn, {how_vi}: hãy kiểm tra lại.")
        else:
            importer.note(f"{count} tables were flattened into paragraphs, {how_en}: check them.",
                          f"{count} bảng đã được chuyển thành các đoạn văn, {how_vi}: hãy kiểm tra lại.")
    if has_comments:
        importer.note("Comments in the document were left out.", "Các ghi chú bình luận (comment) trong tài liệu đã được bỏ qua.")
    for en, vi in importer.drawings.notes():
        importer.note(en, vi)
    objects = sum(1 for item in objects_left_out if item.en.startswith(("an embedded", "an attached", "an equation")))
    # An EMF or WMF picture has its own note (converted, or left out and why).
    mammoth_messages = [message.message for message in messages if not OFFICE_DRAWING_MESSAGE.search(message.message)]
    for vi, en in _mammoth_notes(mammoth_messages):
        # An embedded object's preview is an Office drawing: the object's own note names it.
        if objects and len(importer.left_out) <= objects and "(an Office drawing)" in en:
            continue
        importer.note(en, vi)
    if not article.title and not article.blocks and not article.lead:
        if not importer.notes:
            raise DocumentImportError("the document has no text to import", path=path)
        importer.note("The document has no text that could be imported.", "Tài liệu không có nội dung nào nhập được.")
    if article.published is None and core_date is not None:
        article.published = core_date
        importer.note("The date was taken from the document's properties (when it was last saved): check it.",
                      "Ngày đăng được lấy từ thuộc tính của tài liệu (lần lưu cuối): hãy kiểm tra lại.")
