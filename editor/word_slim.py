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
# Marks in the text that carry nothing mammoth shows.
DROPPED_MARKS = ("proofErr", "lastRenderedPageBreak", "bookmarkStart", "bookmarkEnd", "permStart", "permEnd")


def _drop_children(parent: Any, tags: frozenset[str]) -> None:
    for child in list(parent):  # one pass over the children: findall per name took 2 s on 4,000 paragraphs
        if child.tag in tags:
            parent.remove(child)


def _plain_run(run: Any, w: str) -> bool:
    """A run of text alone (its properties, then w:t): one that may join its neighbour."""
    children = list(run)
    if children and children[0].tag == f"{w}rPr":
        children = children[1:]
    return len(children) == 1 and children[0].tag == f"{w}t" and not run.attrib


def _properties_key(run: Any, w: str, tostring: Any) -> bytes:
    properties = run.find(f"{w}rPr")
    return b"" if properties is None else bytes(tostring(properties))


def _join_runs(paragraph: Any, w: str, tostring: Any) -> None:
    """Neighbouring runs that look the same become one run."""
    previous = None
    previous_key = b""
    for child in list(paragraph):
        if child.tag != f"{w}r" or not _plain_run(child, w):
            previous = None
            continue
        key = _properties_key(child, w, tostring)
        if previous is not None and key == previous_key:
            target = previous.find(f"{w}t")
            target.text = (target.text or "") + (child.find(f"{w}t").text or "")
            target.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            paragraph.remove(child)
            continue
        previous, previous_key = child, key


def slim(document: Any, w: str) -> None:
    """Drop, in place, what mammoth would parse and ignore."""
    for marks in [element for name in DROPPED_MARKS for element in document.iter(f"{w}{name}")]:
        parent = marks.getparent()
        if parent is not None:
            if marks.tail:  # never text in the document's XML, but keep it if there is
                previous = marks.getprevious()
                if previous is not None:
                    previous.tail = (previous.tail or "") + marks.tail
                else:
                    parent.text = (parent.text or "") + marks.tail
            parent.remove(marks)
    # Selected by XPath (in C): a loop over every element's attributes took half of slim()'s time.
    for value in document.xpath('//@*[starts-with(local-name(), "rsid") or local-name() = "paraId" or local-name() = "textId"]'):
        del value.getparent().attrib[value.attrname]
    for holder, names in (("rPr", DROPPED_RUN), ("pPr", DROPPED_PARAGRAPH), ("tcPr", DROPPED_CELL), ("trPr", DROPPED_ROW),
                          ("tblPr", DROPPED_TABLE)):
        tags = frozenset(f"{w}{name}" for name in names)
        for properties in document.iter(f"{w}{holder}"):
            _drop_children(properties, tags)
    for container in document.iter(f"{w}p", f"{w}hyperlink", f"{w}ins", f"{w}smartTag", f"{w}sdtContent"):
        _join_runs(container, w, etree.tostring)
