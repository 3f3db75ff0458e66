"""The copied corpus (tests/corpus, tests/reference) is in step with
../shared/ when that folder is there, and the comparison really sees a new
or changed file; without ../shared/ there is nothing to compare."""

from __future__ import annotations

from pathlib import Path

from tools.sync_corpus import COPIES, SHARED, out_of_step


def test_the_copy_holds_every_file_of_shared_when_shared_is_beside_the_repository() -> None:
    stale = [str(source) for source, _ in out_of_step()]
    assert stale == [], f"../shared/ has files tests/ lacks: run `python3 tools/sync_corpus.py --copy` ({SHARED})"


def test_a_new_or_changed_file_in_shared_is_reported_and_an_absent_shared_is_not(tmp_path: Path) -> None:
    shared, copy = tmp_path / "shared", tmp_path / "copy"
    (shared / "corpus" / "docx").mkdir(parents=True)
    (copy / "docx").mkdir(parents=True)
    (shared / "corpus" / "docx" / "same.docx").write_bytes(b"PK same")
    (copy / "docx" / "same.docx").write_bytes(b"PK same")
    (shared / "corpus" / "docx" / "new.docx").write_bytes(b"PK new")
    (shared / "corpus" / "docx" / "edited.docx").write_bytes(b"PK v2")
    (copy / "docx" / "edited.docx").write_bytes(b"PK v1")
    stale = out_of_step(shared, {"corpus": copy})
    assert [target.name for _, target in stale] == ["edited.docx", "new.docx"]
    assert out_of_step(tmp_path / "absent", {"corpus": copy}) == []


def test_the_tests_read_the_copy_inside_the_repository() -> None:
    from tests.helpers import CORPUS, REFERENCE_DIR, ROOT

    assert (CORPUS, REFERENCE_DIR) == (COPIES["corpus"], COPIES["reference"])
    assert ROOT in CORPUS.parents and (CORPUS / "images-pillow" / "LICENSE").is_file()
    assert (REFERENCE_DIR / "le-chan-article.txt").is_file()
