"""mammoth's XML reader on lxml (editor/word_xml.py) gives the tree
mammoth's own minidom reader gives, for every XML part of every Word file
in the corpus (real files of other projects: mammoth's, pandoc's, Apache
POI's, and provincial documents), so the import reads them exactly as
before, only faster."""

from __future__ import annotations

import gc
import io
import threading
import zipfile
from pathlib import Path

import pytest
from mammoth.docx import office_xml, xmlparser

from editor.gc_pause import collector_paused
from editor.word_import import import_docx
from editor.word_xml import lxml_reader, parse_xml
from tests.helpers import ROOT

CORPUS = ROOT / "tests" / "corpus"
WORD_FILES = sorted(CORPUS.glob("docx-*/*.docx"))


def xml_parts(path: Path) -> list[tuple[str, bytes]]:
    try:
        with zipfile.ZipFile(path) as archive:
            return [(name, archive.read(name)) for name in archive.namelist() if name.endswith((".xml", ".rels"))]
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return []  # the damaged ones: the import's own tests say what the user is told


def read_with(reader: object, data: bytes) -> object:
    try:
        return reader(io.BytesIO(data), office_xml._namespaces)  # type: ignore[operator]
    except Exception as error:  # noqa: BLE001 — both readers must refuse the same parts
        return ("refused", type(error).__name__ in {"ExpatError", "XMLSyntaxError"})


def test_the_corpus_is_there() -> None:
    assert len(WORD_FILES) > 200


# minidom takes about a second a megabyte: the few parts above this in the
# test projects' folders (two stress files of 15 and 2 MB among them) are
# left to the benchmark, which imports a 10 MB document.xml through lxml.
LARGEST_PART = {"docx-mammoth": None, "docx-vietnamese-gov": None, "docx-pandoc": 400_000, "docx-poi": 400_000}


@pytest.mark.parametrize("folder", sorted(LARGEST_PART))
def test_every_part_reads_as_mammoths_own_reader_reads_it(folder: str) -> None:
    compared, largest = 0, LARGEST_PART[folder]
    for path in (path for path in WORD_FILES if path.parent.name == folder):
        for name, data in xml_parts(path):
            if largest is not None and len(data) > largest:
                continue
            assert read_with(parse_xml, data) == read_with(xmlparser.parse_xml, data), f"{path.name}: {name}"
            compared += 1
    assert compared > 50


def test_text_around_an_external_entity_stays_one_text_as_before() -> None:
    """Apache POI's XXE file: the entity is neither fetched nor kept, and the words around it stay together."""
    with zipfile.ZipFile(CORPUS / "docx-poi" / "ExternalEntityInText.docx") as archive:
        data = archive.read("word/document.xml")
    tree = parse_xml(io.BytesIO(data), office_xml._namespaces)
    assert tree == xmlparser.parse_xml(io.BytesIO(data), office_xml._namespaces)
    assert "poi.apache.org" not in repr(tree)


def test_mammoths_reader_is_back_after_imports_in_two_threads_at_once() -> None:
    document = CORPUS / "docx-vietnamese-gov" / sorted(p.name for p in (CORPUS / "docx-vietnamese-gov").glob("*.docx"))[0]
    titles: list[str] = []
    threads = [threading.Thread(target=lambda: titles.append(import_docx(document).article.title)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(titles) == 2 and titles[0] == titles[1] != ""
    assert office_xml.parse_xml is xmlparser.parse_xml
    with lxml_reader():
        assert office_xml.parse_xml is parse_xml
    assert office_xml.parse_xml is xmlparser.parse_xml


def test_the_collector_is_back_on_after_an_import_even_a_refused_one(tmp_path: Path) -> None:
    assert gc.isenabled()
    import_docx(CORPUS / "docx-pandoc" / "lists.docx")
    assert gc.isenabled()
    broken = tmp_path / "hỏng.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(Exception, match="damaged|not a Word"):
        import_docx(broken)
    assert gc.isenabled()


def test_a_collector_someone_switched_off_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
