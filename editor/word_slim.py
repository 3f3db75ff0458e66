"""``document.xml`` without what mammoth reads only to throw away.

mammoth parses the whole part with ``xml.dom.minidom`` and copies it into
its own tree: on a 100-page report that is most of the import's time and
memory (issue 13: 23 s of 27 s, 650 MB). Word's XML is mostly layout the
article never keeps: font sizes and colours on every run, cell widths and
borders, revision ids on every paragraph, spell-check marks, and one run
per editing session, so a sentence comes in five runs that look the same.
What mammoth does read stays: styles, bold, italic, underline, strike,
super/subscript, small caps, numbering, merged cells, header rows, the
text, breaks, tabs, fields, links, notes, pictures, deletions.

Called after everything of our own has been read from the tree (looks,
layout tables, numbering labels), so dropping alignment or borders here
changes none of it.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

# Properties no reader of the article uses, by the element holding them.
DROPPED_RUN = ("sz", "szCs", "bCs", "iCs", "color", "lang", "kern", "spacing", "w", "position", "shd", "effect", "fitText",
               "eastAsianLayout", "specVanish", "oMath", "cs", "rtl", "emboss", "imprint", "outline", "shadow", "noProof", "webHidden",
               "snapToGrid", "em")
DROPPED_PARAGRAPH = ("spacing", "ind", "jc", "tabs", "widowControl", "keepNext", "keepLines", "contextualSpacing", "snapToGrid",
                     "autoSpaceDE", "autoSpaceDN", "adjustRightInd", "textAlignment", "shd", "pBdr", "suppressAutoHyphens",
                     "overflowPunct", "kinsoku", "wordWrap", "topLinePunct", "textDirection", "mirrorIndents", "outlineLvl")
DROPPED_CELL = ("tcW", "tcBorders", "shd", "vAlign", "hideMark", "noWrap", "tcMar", "tcFitText", "textDirection")
DROPPED_ROW = ("trHeight", "cantSplit", "jc", "tblCellSpacing", "wAfter", "wBefore")
DROPPED_TABLE = ("tblW", "tblBorders", "tblLayout", "tblCellMar", "tblLook", "tblInd", "jc", "shd", "tblpPr", "tblOverlap")
# Revision ids on every paragraph and run (ECMA-376 17.3.1), and Word 2010's paragraph ids.
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
REVISION_IDS = ("rsidR", "rsidRPr", "rsidRDefault", "rsidP", "rsidDel", "rsidTr", "rsidSect")
# Marks in the text that carry nothing mammoth shows.
DROPPED_MARKS = ("proofErr", "lastRenderedPageBreak", "bookmarkStart", "bookmarkEnd", "permStart", "permEnd")


def _plain_run(run: Any, w: str) -> bool:
    """A run of text alone (its properties, then w:t): one that may join its neighbour."""
    children = list(run)
    if children and children[0].tag == f"{w}rPr":
        children = children[1:]
    return len(children) == 1 and children[0].tag == f"{w}t" and not run.attrib


def _properties_key(run: Any, w: str) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    properties = run.find(f"{w}rPr")
    if properties is None:
        return ()
    return tuple((child.tag, tuple(sorted(child.attrib.items()))) for child in properties)


def _join_runs(paragraph: Any, w: str) -> None:
    """Neighbouring runs that look the same become one run."""
    previous = None
    previous_key: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    for child in list(paragraph):
        if child.tag != f"{w}r" or not _plain_run(child, w):
            previous = None
            continue
        key = _properties_key(child, w)
        if previous is not None and key == previous_key:
            target = previous.find(f"{w}t")
            target.text = (target.text or "") + (child.find(f"{w}t").text or "")
            target.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            paragraph.remove(child)
            continue
        previous, previous_key = child, key


def slim(document: Any, w: str) -> None:
    """Drop, in place, what mammoth would parse and ignore."""
    # strip_elements and strip_attributes work in C: a loop in Python over
    # every element and attribute took most of this function's time. Each
    # name is dropped wherever it is: none of them is also something mammoth
    # reads elsewhere (a run's w:tab is not w:tabs; borders' sizes are attributes).
    names = {*DROPPED_RUN, *DROPPED_PARAGRAPH, *DROPPED_CELL, *DROPPED_ROW, *DROPPED_TABLE, *DROPPED_MARKS}
    etree.strip_elements(document, *(f"{w}{name}" for name in sorted(names)), with_tail=False)
    etree.strip_attributes(document, *(f"{w}{name}" for name in REVISION_IDS), f"{{{W14}}}paraId", f"{{{W14}}}textId")
    for container in document.iter(f"{w}p", f"{w}hyperlink", f"{w}ins", f"{w}smartTag", f"{w}sdtContent"):
        _join_runs(container, w)
