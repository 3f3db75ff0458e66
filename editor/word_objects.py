"""What a Word document holds that an article cannot: charts, SmartArt
diagrams and embedded objects (an Excel sheet, an attached file, an
equation). mammoth drops them without a word, or keeps only a preview the
web cannot show; here each is found in ``document.xml`` with where it
stood, so the import's notes can name it and the user can put a picture
of it in its place."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Any

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main"
VML_OFFICE = "urn:schemas-microsoft-com:office:office"
# graphicData uri → (English, Vietnamese)
GRAPHICS = {
    "http://schemas.openxmlformats.org/drawingml/2006/chart": ("a chart", "một biểu đồ"),
    "http://schemas.microsoft.com/office/drawing/2014/chartex": ("a chart", "một biểu đồ"),
    "http://schemas.openxmlformats.org/drawingml/2006/diagram": ("a SmartArt diagram", "một sơ đồ SmartArt"),
}
# The start of an OLE object's ProgID → (English, Vietnamese)
PROGRAMS = (
    ("Excel.", "an embedded Excel sheet", "một bảng tính Excel nhúng"),
    ("Word.", "an embedded Word document", "một tài liệu Word nhúng"),
    ("PowerPoint.", "an embedded PowerPoint slide", "một trang PowerPoint nhúng"),
    ("Visio.", "an embedded Visio drawing", "một bản vẽ Visio nhúng"),
    ("Equation.", "an equation", "một công thức"),
    ("Package", "an attached file", "một tệp đính kèm"),
    ("AcroExch.", "an attached PDF", "một tệp PDF đính kèm"),
)
CONTEXT_WORDS = 6  # of the paragraph before, to say where it was


@dataclass(frozen=True)
class LeftOut:
    en: str  # "a chart"
    vi: str  # "một biểu đồ"
    after: str  # the first words of its paragraph or the one before, "" at the start


def _kind(element: Any, w: str) -> tuple[str, str] | None:
    if element.tag == f"{{{DRAWING}}}graphicData":
        return GRAPHICS.get(element.get("uri", ""))
    if element.tag == f"{w}object":
        ole = next(element.iter(f"{{{VML_OFFICE}}}OLEObject"), None)
        program = ole.get("ProgID", "") if ole is not None else ""
        for prefix, en, vi in PROGRAMS:
            if program.startswith(prefix):
                return en, vi
        return "an embedded object", "một đối tượng nhúng"
    return None


def left_out(document: Any, w: str) -> list[LeftOut]:
    """Each chart, SmartArt diagram and embedded object, in document order,
    with the first words of its paragraph, else of the one before. Of a drawing stored twice (mc:Choice and
    its mc:Fallback) the one Word 2010 and later show is counted."""
    fallback = f"{{{MC}}}Fallback"
    found: list[LeftOut] = []
    last_words = ""
    for element in document.iter(f"{w}p", f"{{{DRAWING}}}graphicData", f"{w}object"):
        if element.tag == f"{w}p":
            text = " ".join("".join(t.text or "" for t in element.iter(f"{w}t")).split())
            if text:
                words = text.split()
                last_words = " ".join(words[:CONTEXT_WORDS]) + ("…" if len(words) > CONTEXT_WORDS else "")
            continue
        kind = _kind(element, w)
        if kind is None or any(ancestor.tag == fallback for ancestor in element.iterancestors()):
            continue
        found.append(LeftOut(kind[0], kind[1], last_words))
    return found


def note(items: list[LeftOut], most: int = 4) -> tuple[str, str]:
    """One note for all of them (English, Vietnamese), naming at most
    ``most`` with their place."""
    shown = items[:most]
    more = len(items) - len(shown)
    en = "; ".join(f"{item.en} (near “{item.after}”)" if item.after else f"{item.en} (at the start)" for item in shown)
    vi = "; ".join(f"{item.vi} (gần “{item.after}”)" if item.after else f"{item.vi} (ở đầu tài liệu)" for item in shown)
    if more:
        en, vi = f"{en}; and {more} more", f"{vi}; và {more} mục khác"
    return (f"Not imported, as a web page cannot show them: {en}. Put a picture of each in its place if it is needed.",
            f"Không nhập được vì trang web không hiển thị được: {vi}. Nếu cần, hãy chèn ảnh chụp của từng mục vào đúng chỗ.")


RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"


def preview_parts(document: Any, relationships: Any, w: str) -> set[str]:
    """The package parts (``word/media/image1.emf``) that are only the
    preview Word shows of an embedded object: the object's note names it,
    so its preview is not also a picture of the article."""
    ids = {value for element in document.iter(f"{w}object") for node in element.iter()
           for name, value in node.attrib.items() if name.startswith(f"{{{RELATIONSHIPS}}}")}
    if not ids or relationships is None:
        return set()
    parts = set()
    for relationship in relationships.iter(f"{{{PACKAGE_RELATIONSHIPS}}}Relationship"):
        target = relationship.get("Target", "")
        if relationship.get("Id") in ids and relationship.get("TargetMode") != "External" and target:
            parts.add(target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"word/{target}"))
    return parts
