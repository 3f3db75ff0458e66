"""Memory is bounded (issue 22 item 7): a draft or a Word document that
would inflate past a cap is refused in one line before it is read. Each
hostile file is opened in a child process under ``prlimit --as``, so a
regression ends in a MemoryError there instead of swapping here."""

from __future__ import annotations

import random
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.helpers import ROOT, photo_bytes

MEMORY_CAP = 600 * 1024**2  # address space of the child: the app's imports fit, the hostile file does not

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Default Extension="png" ContentType="image/png"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""
PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""


def write_docx(path: Path, body: str | bytes, *, members: dict[str, bytes] | None = None, document_rels: str = "") -> Path:
    """A minimal .docx whose body is ``body`` (paragraphs, tables …)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        head = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W} {R}><w:body>'.encode()
        with archive.open("word/document.xml", "w", force_zip64=True) as stream:
            stream.write(head)
            stream.write(body.encode() if isinstance(body, str) else body)
            stream.write(b"</w:body></w:document>")
        archive.writestr("word/_rels/document.xml.rels",
                         '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         f"{document_rels}</Relationships>")
        for name, data in (members or {}).items():
            archive.writestr(name, data)
    return path


def _under_memory_cap(code: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["prlimit", f"--as={MEMORY_CAP}", sys.executable, "-c", code, str(path)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)


LOAD_DRAFT = """
import sys
from pathlib import Path
from editor.draft import load_draft
from editor.errors import ArticleError
try:
    load_draft(Path(sys.argv[1]))
except ArticleError as error:
    print("refused:", error)
else:
    print("opened")
"""

IMPORT_DOCX = LOAD_DRAFT.replace("from editor.draft import load_draft", "from editor.word_import import import_docx").replace(
    "load_draft(Path(sys.argv[1]))", "import_docx(Path(sys.argv[1]))")


def _refused_in_one_line(result: subprocess.CompletedProcess[str], expected: str) -> None:
    assert "MemoryError" not in result.stderr and "Traceback" not in result.stderr, result.stderr[-2000:]
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("refused:") and expected in lines[0], result.stdout


def _sparse_text(megabytes: int) -> bytes:
    """Text that deflates about 33:1, under the zip-bomb ratio check."""
    rng = random.Random(0)
    chunk = bytearray(b"a" * (1 << 20))
    for index in range(0, len(chunk), 64):
        chunk[index] = rng.choice(b"bcdefghijklmnopqrstuvwxyz")
    return bytes(chunk) * megabytes


def test_an_article_json_inflating_to_300_mb_is_refused_under_a_memory_cap(tmp_path: Path) -> None:
    path = tmp_path / "hostile.article"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with archive.open("article.json", "w", force_zip64=True) as stream:
            stream.write(b'{"format": "article/1", "title": "t", "x": "')
            stream.write(_sparse_text(300))
            stream.write(b'"}')
    info = zipfile.ZipFile(path).getinfo("article.json")
    assert info.file_size / info.compress_size < 100  # the ratio check alone lets it through
    _refused_in_one_line(_under_memory_cap(LOAD_DRAFT, path), "article.json unpacks to 300 MB; at most 20 MB")


def test_a_photo_member_over_the_cap_is_refused_before_it_is_read(tmp_path: Path) -> None:
    import json

    from tests.helpers import minimal_article

    path = tmp_path / "hostile.article"
    member = "media/" + "0" * 64 + ".jpg"
    data = minimal_article()
    data["blocks"] = [{"type": "image", "src": member, "caption": "c", "alt": "a"}]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("article.json", json.dumps(data))
        with archive.open(member, "w", force_zip64=True) as stream:
            stream.write(photo_bytes((16, 16)))
            for _ in range(520):
                stream.write(_sparse_text(1))
    _refused_in_one_line(_under_memory_cap(LOAD_DRAFT, path), "unpacks to 520 MB; at most 512 MB")


def test_a_word_document_of_too_much_text_is_refused_under_a_memory_cap(tmp_path: Path) -> None:
    text = _sparse_text(100)
    path = write_docx(tmp_path / "hostile.docx", b"<w:p><w:r><w:t>" + text + b"</w:t></w:r></w:p>")
    _refused_in_one_line(_under_memory_cap(IMPORT_DOCX, path), "word/document.xml unpacks to 100 MB; at most 20 MB")


def test_a_word_document_of_too_many_paragraphs_is_refused_under_a_memory_cap(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "hostile.docx", "<w:p><w:r><w:t>Đoạn văn.</w:t></w:r></w:p>" * 150_000)
    _refused_in_one_line(_under_memory_cap(IMPORT_DOCX, path), "150,000 paragraphs; at most 20,000")


def test_a_word_document_of_too_many_tables_is_refused_under_a_memory_cap(tmp_path: Path) -> None:
    table = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>ô</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    path = write_docx(tmp_path / "hostile.docx", table * 5_000)
    _refused_in_one_line(_under_memory_cap(IMPORT_DOCX, path), "5,000 tables; at most 1,000")


def test_a_word_document_naming_one_picture_a_thousand_times_is_refused_under_a_memory_cap(tmp_path: Path) -> None:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.effect_noise((600, 600), 64).convert("RGB").save(buffer, "PNG")  # about 1 MB that does not compress
    picture = buffer.getvalue()
    drawing = ('<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
               '<wp:docPr id="1" name="p"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
               '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
               '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill>'
               '<a:blip r:embed="rIdImage"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>')
    rels = '<Relationship Id="rIdImage" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/p.png"/>'
    path = write_docx(tmp_path / "hostile.docx", drawing * 1_000, members={"word/media/p.png": picture}, document_rels=rels)
    assert path.stat().st_size < 3 * 1024**2
    _refused_in_one_line(_under_memory_cap(IMPORT_DOCX, path), "the pictures come to more than 256 MB")


def test_a_word_document_under_the_caps_still_imports(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "ok.docx", "<w:p><w:r><w:t>Đoạn văn.</w:t></w:r></w:p>" * 2_000)
    result = _under_memory_cap(IMPORT_DOCX, path)
    assert result.stdout.strip() == "opened", result.stdout + result.stderr[-2000:]
