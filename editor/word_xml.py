"""mammoth's XML reader, on lxml.

mammoth reads each part of a .docx with ``xml.dom.minidom`` and then copies
the DOM into its own ``XmlElement``/``XmlText`` tree: on a 100-page
document that is most of its time and a DOM of a few hundred MB. This
builds the very same tree with lxml's ``iterparse``, freeing each element's
children as soon as they are copied, and is put in place of mammoth's
reader for the duration of one conversion (``lxml_reader``).

The tree is the one minidom gives: elements named ``prefix:local`` from
mammoth's namespace mapping (``{uri}local`` for other namespaces),
attributes likewise (namespace declarations are not attributes), every text
node kept, whitespace included; comments and processing instructions
dropped. ``tests/editor/test_word_xml.py`` compares the two readers on
every Word file of the corpus. Entities are not resolved and nothing is
fetched from the network, as before: expat refuses external entities too.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from lxml import etree
from mammoth.docx import office_xml, xmlparser

_swap = threading.Lock()
_users = 0  # conversions reading with lxml now
_original: Any = None


def parse_xml(fileobj: IO[bytes], namespace_mapping: list[tuple[str, str]] | None = None) -> Any:
    """``mammoth.docx.xmlparser.parse_xml``, the same tree, read by lxml."""
    prefixes = {uri: prefix for prefix, uri in namespace_mapping or ()}
    names: dict[str, str] = {}

    def name(qualified: str) -> str:
        known = names.get(qualified)
        if known is None:
            if qualified.startswith("{"):
                uri, _, local = qualified[1:].partition("}")
                prefix = prefixes.get(uri)
                known = f"{prefix}:{local}" if prefix is not None else qualified
            else:
                known = qualified
            names[qualified] = known
        return known

    element_class, text_class = xmlparser.XmlElement, xmlparser.XmlText
    built: dict[Any, Any] = {}
    root = None
    events = etree.iterparse(fileobj, events=("end",), resolve_entities=False, no_network=True,
                             remove_comments=True, remove_pis=True, huge_tree=True)
    for _, element in events:
        children: list[Any] = []
        text = element.text or ""  # text between two elements, as one node, as minidom gives it
        for child in element:
            converted = built.pop(child, None)
            if converted is not None:  # not an entity left unresolved: its text and tail join
                if text:
                    children.append(text_class(text))
                children.append(converted)
                text = ""
            text += child.tail or ""
        if text:
            children.append(text_class(text))
        attributes = {name(key): value for key, value in element.attrib.items()}
        built[element] = root = element_class(name(element.tag), attributes, children)
        # Every child is copied (with its tail, which follows its end tag): free them now.
        del element[:]
    return root


@contextmanager
def lxml_reader() -> Iterator[None]:
    """mammoth reads XML with ``parse_xml`` above while this is open (in any
    thread: the first conversion in puts it in place, the last one out puts
    mammoth's back). Should a mammoth release move its reader, its own is
    kept: slower, the same result."""
    global _users, _original
    if not hasattr(office_xml, "parse_xml") or not hasattr(xmlparser, "XmlElement"):
        yield
        return
    with _swap:
        if _users == 0:
            _original, office_xml.parse_xml = office_xml.parse_xml, parse_xml
        _users += 1
    try:
        yield
    finally:
        with _swap:
            _users -= 1
            if _users == 0:
                office_xml.parse_xml = _original
