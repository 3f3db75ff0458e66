"""Loading fuzzed with hypothesis: mutated ``article.json`` files, mutated
``.article`` drafts and damaged workspace rows. A broken file may only ever
give the app's own load error (an ``ArticleError``, shown to the user as a
sentence), never another exception, which would be a traceback or a crash.

Budget: each run draws FUZZ_EXAMPLES fresh random inputs per test (2,000 by
default, in CI; `python3 tasks.py fuzz` runs 10,000), so every run explores
new ones instead of replaying the same. Every input that ever failed is kept
in tests/editor/fuzz_failures/<kind>/ (saved there automatically, shrunk, when
a run finds one) and replayed by every run; commit it with the fix."""

from __future__ import annotations

import copy
import hashlib
import io
import json
import os
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from editor.article_format import load_article_json
from editor.draft import load_draft, save_draft
from editor.errors import ArticleError
from editor.model import Article
from editor.workspace import Workspace
from tests.helpers import minimal_article

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", 2_000))
# Not derandomized: a failure prints the seed to rerun it with (--hypothesis-seed)
# and the shrunk input is saved in FAILURES, which replays it from then on.
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None, print_blob=True)
FAILURES = Path(__file__).resolve().parent / "fuzz_failures"
SUFFIX = {"article-json": ".json", "draft": ".article", "workspace": ".txt"}


def fuzz(kind: str, inputs: st.SearchStrategy[bytes], check: Callable[[bytes], None],
         examples: int = EXAMPLES, failures: Path = FAILURES) -> None:
    """Run ``check`` on ``examples`` random inputs; on a failure, save the
    input hypothesis shrank it to (the one it replays last) under
    ``failures/kind`` and let the failure through."""
    failed: list[bytes] = []

    @settings(FUZZ, max_examples=examples)
    @given(inputs)
    def run(raw: bytes) -> None:
        try:
            check(raw)
        except BaseException:
            failed.append(raw)
            raise

    try:
        run()
    except BaseException as error:
        if failed:
            saved = failures / kind / (hashlib.sha256(failed[-1]).hexdigest()[:16] + SUFFIX.get(kind, ".bin"))
            saved.parent.mkdir(parents=True, exist_ok=True)
            saved.write_bytes(failed[-1])
            error.add_note(f"the failing input is saved as {saved}: every run replays it from now on")
        raise


def saved_failures(kind: str) -> list[Path]:
    return sorted((FAILURES / kind).glob("*"))


def _seed() -> dict[str, Any]:
    """Every field and block type the format has, so mutations reach them all."""
    data = minimal_article(language="vi", timezone="Asia/Ho_Chi_Minh", tags=["Lê Chân"])
    data["blocks"] += [
        {"id": "trich-dan", "type": "quote", "text": "“Hải Phòng làm theo lời Bác”", "cite": "Chủ đề"},
        {"type": "image", "src": "photos/1.jpg", "caption": "Cắt và xoay.", "alt": "Ảnh", "credit": "Tùng",
         "rotate": 90, "crop": {"left": 0.1, "top": 0.1, "width": 0.5, "height": 0.5}, "cover": True},
    ]
    return data


SEED = _seed()

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats(allow_nan=True) | st.text(max_size=30)
    | st.sampled_from(["", "photos/1.jpg", "../../etc/passwd", "media/x.jpg", "article/1", "image", "2023-11-01T16:20:00+07:00", "<script>x</script>"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=8,
)


@st.composite
def mutated_json(draw: st.DrawFn) -> dict[str, Any]:
    """The seed with a few values replaced, removed or added anywhere in the tree."""
    data = copy.deepcopy(SEED)
    for _ in range(draw(st.integers(1, 4))):
        node: Any = data
        # Walk down a random path, then change something there.
        while True:
            keys = list(node.keys()) if isinstance(node, dict) else list(range(len(node)))
            if not keys:
                break
            key = draw(st.sampled_from(keys))
            child = node[key]
            if isinstance(child, (dict, list)) and child and draw(st.booleans()):
                node = child
                continue
            action = draw(st.sampled_from(["replace", "remove", "add"]))
            if action == "replace":
                node[key] = draw(json_values)
            elif action == "remove":
                del node[key]
            elif isinstance(node, dict):
                node[draw(st.text(max_size=10))] = draw(json_values)
            else:
                node.insert(key, draw(json_values))
            break
    return data


@st.composite
def mutated_bytes(draw: st.DrawFn, seed: bytes) -> bytes:
    """The seed's bytes with a few flipped, cut out or cut off."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        position = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "delete", "insert", "truncate"]))
        if action == "flip":
            data[position] = draw(st.integers(0, 255))
        elif action == "delete":
            del data[position : position + draw(st.integers(1, 16))]
        elif action == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=16))
        else:
            del data[position:]
    return bytes(data)


def _loads_or_refuses(load: Any, path: Path) -> None:
    try:
        article = load(path)
    except ArticleError as error:
        assert error.problems and all(isinstance(line, str) and line for line in error.lines())
    else:
        assert isinstance(article, Article)


def _folder(tmp_path_factory: Any) -> Path:
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "photos").mkdir()
    # A tiny photo keeps the 10,000 drafts small and the run short.
    Image.new("RGB", (16, 12), "#2a6").save(folder / "photos/1.jpg", quality=80)
    return folder


def _json_bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode()


def _article_json_check(tmp_path_factory: Any) -> Callable[[bytes], None]:
    path = _folder(tmp_path_factory) / "article.json"

    def check(raw: bytes) -> None:
        path.write_bytes(raw)
        _loads_or_refuses(load_article_json, path)

    return check


def test_mutated_article_json_files_load_or_give_the_apps_own_error(tmp_path_factory: Any) -> None:
    seed = _json_bytes(SEED)
    fuzz("article-json", st.one_of(mutated_json().map(_json_bytes), mutated_bytes(seed)), _article_json_check(tmp_path_factory))


@pytest.mark.parametrize("saved", saved_failures("article-json"), ids=lambda p: p.name)
def test_article_json_files_that_once_failed_load_or_give_the_apps_own_error(tmp_path_factory: Any, saved: Path) -> None:
    _article_json_check(tmp_path_factory)(saved.read_bytes())


def _draft_bytes(folder: Path) -> bytes:
    article = load_article_json(folder / "article.json")
    save_draft(article, folder / "seed.article")
    return (folder / "seed.article").read_bytes()


def _with_member(seed: bytes, name: str, data: bytes) -> bytes:
    """The seed draft with one member's content swapped for ``data``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(seed)) as source, zipfile.ZipFile(out, "w") as target:
        for member in source.infolist():
            target.writestr(member, data if member.filename == name else source.read(member.filename))
    return out.getvalue()


def _draft_check(tmp_path_factory: Any) -> Callable[[bytes], None]:
    path = tmp_path_factory.mktemp("drafts") / "fuzzed.article"

    def check(raw: bytes) -> None:
        path.write_bytes(raw)
        _loads_or_refuses(load_draft, path)

    return check


def test_mutated_article_drafts_load_or_give_the_apps_own_error(tmp_path_factory: Any) -> None:
    folder = _folder(tmp_path_factory)
    (folder / "article.json").write_bytes(_json_bytes(SEED))
    seed = _draft_bytes(folder)
    with zipfile.ZipFile(io.BytesIO(seed)) as archive:
        seed_json = json.loads(archive.read("article.json"))

    def with_json(data: Any) -> bytes:
        return _with_member(seed, "article.json", _json_bytes(data))

    def mutate_seed_json(draw: st.DrawFn) -> Any:
        data = copy.deepcopy(seed_json)
        mutation = draw(mutated_json())
        # Keep the draft's own media names where the mutation left the seed's.
        for index, block in enumerate(data["blocks"]):
            if block.get("type") == "image" and index < len(mutation.get("blocks", []) if isinstance(mutation.get("blocks"), list) else []):
                mutated_block = mutation["blocks"][index]
                if isinstance(mutated_block, dict) and mutated_block.get("src") == "photos/1.jpg":
                    mutated_block["src"] = block["src"]
        return mutation

    drafts = st.one_of(
        mutated_bytes(seed),
        st.composite(mutate_seed_json)().map(with_json),
        mutated_bytes(_json_bytes(seed_json)).map(lambda raw: _with_member(seed, "article.json", raw)),
    )
    fuzz("draft", drafts, _draft_check(tmp_path_factory))


@pytest.mark.parametrize("saved", saved_failures("draft"), ids=lambda p: p.name)
def test_drafts_that_once_failed_load_or_give_the_apps_own_error(tmp_path_factory: Any, saved: Path) -> None:
    _draft_check(tmp_path_factory)(saved.read_bytes())


def _workspace_check(tmp_path_factory: Any) -> Callable[[bytes], None]:
    import sqlite3

    # The workspace restores what it stored; a damaged row is refused too.
    workspace = Workspace(tmp_path_factory.mktemp("workspace") / "workspace.sqlite")
    workspace.save("k", Article(title="Bài"), None)

    def check(raw: bytes) -> None:
        with sqlite3.connect(workspace.path) as connection:
            connection.execute("UPDATE documents SET article = ? WHERE key = 'k'", (raw.decode("utf-8"),))
        try:
            workspace.restore("k")
        except ArticleError:
            pass

    return check


def test_a_damaged_workspace_entry_gives_the_apps_own_error(tmp_path_factory: Any) -> None:
    rows = st.one_of(mutated_json().map(lambda d: json.dumps({"article": d, "media": {}})), st.text(max_size=50))
    # A twentieth of the budget: one row of one table has less to explore.
    fuzz("workspace", rows.map(str.encode), _workspace_check(tmp_path_factory), examples=max(100, EXAMPLES // 20))


@pytest.mark.parametrize("saved", saved_failures("workspace"), ids=lambda p: p.name)
def test_workspace_rows_that_once_failed_give_the_apps_own_error(tmp_path_factory: Any, saved: Path) -> None:
    _workspace_check(tmp_path_factory)(saved.read_bytes())


def test_a_failing_input_is_saved_shrunk_for_every_later_run(tmp_path: Path) -> None:
    def check(raw: bytes) -> None:
        assert b"!" not in raw

    with pytest.raises(AssertionError) as failure:
        fuzz("article-json", st.binary(min_size=1, max_size=20), check, examples=500, failures=tmp_path)
    assert [p.read_bytes() for p in (tmp_path / "article-json").iterdir()] == [b"!"]
    assert str(tmp_path / "article-json") in "".join(getattr(failure.value, "__notes__", []))


# --- issue 22: the site profile, the Word importer and the workspace rows ---------------
# A few hundred examples each, to keep CI short (FUZZ_FEW_EXAMPLES raises them),
# fresh random ones each run like the others (the seed is printed on a failure).

FEW = min(EXAMPLES, int(os.environ.get("FUZZ_FEW_EXAMPLES", 300)))
FUZZ_FEW = settings(FUZZ, max_examples=FEW)

PROFILE_SEED = {**SEED["site"], "logo": "logo.png", "tone_marks": "old"}


def test_mutated_site_profiles_load_or_give_the_apps_own_error(tmp_path_factory: Any) -> None:
    from editor.article_format import load_site_profile

    folder = tmp_path_factory.mktemp("profile")
    path = folder / "profile.json"

    @FUZZ_FEW
    @given(st.one_of(
        mutated_json().map(lambda data: {**PROFILE_SEED, **{k: v for k, v in data.items() if k in ("title", "site", "x")}}).map(_json_bytes),
        st.dictionaries(st.sampled_from([*PROFILE_SEED, "x"]), json_values, max_size=7).map(_json_bytes),
        mutated_bytes(_json_bytes(PROFILE_SEED)),
    ))
    def check(raw: bytes) -> None:
        path.write_bytes(raw)
        try:
            load_site_profile(path)
        except ArticleError as error:
            assert error.problems and all(line for line in error.lines())

    check()


# The importer runs in a child under a memory cap, so a mutation that makes
# it eat memory fails this test instead of swapping the machine.
WORD_FUZZ = """
import io, os, sys, zipfile
from pathlib import Path
from hypothesis import HealthCheck, given, settings, strategies as st
sys.path.insert(0, os.getcwd())
from tests.editor.test_load_fuzz import mutated_bytes
from editor.errors import ArticleError
from editor.word_import import import_docx

seed = Path(sys.argv[1]).read_bytes()
examples = int(sys.argv[2])
members = {}
with zipfile.ZipFile(io.BytesIO(seed)) as archive:
    for name in archive.namelist():
        members[name] = archive.read(name)
parts = ["word/document.xml", "word/numbering.xml", "word/styles.xml"]
path = Path(sys.argv[1]).with_name("fuzzed.docx")

@st.composite
def mutated_docx(draw):
    part = draw(st.sampled_from(parts))
    data = draw(mutated_bytes(members[part]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, data if name == part else content)
    return out.getvalue()

@settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None, print_blob=True)
@given(mutated_docx())
def check(raw):
    path.write_bytes(raw)
    try:
        result = import_docx(path)
    except ArticleError as error:
        assert error.problems
    else:
        assert result.article is not None

check()
print("ok")
"""


def _seed_docx(path: Path) -> Path:
    from docx import Document as WordDocument

    document = WordDocument()
    document.add_heading("Quận Lê Chân họp Ban Chỉ đạo 35", level=1)
    document.add_paragraph("Chiều 01/11, Ban Chỉ đạo 35 quận Lê Chân họp.").runs[0].bold = True
    document.add_paragraph("Đồng chí Phạm Văn Tân chủ trì.")
    document.add_paragraph("Điểm một", style="List Bullet")
    document.add_paragraph("Điểm hai", style="List Number")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Ô một"
    document.add_paragraph("Hoàng Tùng").alignment = 2
    document.save(path)
    return path


def test_mutated_word_documents_import_or_give_the_apps_own_error_under_a_memory_cap(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.helpers import ROOT

    seed = _seed_docx(tmp_path / "seed.docx")
    # Each example starts mammoth on a whole document: fewer of them (about 2 minutes).
    result = subprocess.run(["prlimit", f"--as={1536 * 1024**2}", sys.executable, "-c", WORD_FUZZ, str(seed), str(min(FEW, 200))],
                            capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert result.stdout.strip().endswith("ok"), (result.stdout + result.stderr)[-4000:]


workspace_values = st.one_of(st.none(), st.integers(-2**63, 2**63 - 1), st.floats(allow_nan=True), st.text(max_size=20),
                             st.binary(max_size=20), st.sampled_from(["media/x.jpg", "/nonexistent/a.article", "0" * 64]))


def test_mutated_workspace_rows_give_the_apps_own_error(tmp_path_factory: Any) -> None:
    import sqlite3

    from editor.media import MemoryMedia
    from editor.model import ImageBlock

    folder = tmp_path_factory.mktemp("workspace-rows")
    workspace = Workspace(folder / "workspace.sqlite")
    photo = MemoryMedia(_tiny_jpeg(), "a.jpg")
    seed = Article(title="Bài", blocks=[ImageBlock(id="anh", src="a.jpg", caption="c", alt="a", media=photo)])
    columns = {"documents": ["key", "file", "title", "saved_at", "article", "modified"], "media": ["sha256", "extension", "data"]}

    @FUZZ_FEW
    @given(st.lists(st.tuples(st.sampled_from([(t, c) for t, cs in columns.items() for c in cs]), workspace_values), min_size=1, max_size=3))
    def check(changes: list[Any]) -> None:
        workspace.save("k", seed, None)
        with sqlite3.connect(workspace.path) as connection:
            for (table, column), value in changes:
                try:
                    connection.execute(f"UPDATE {table} SET {column} = ?", (value,))
                except sqlite3.IntegrityError:
                    pass  # NOT NULL or a duplicate key: SQLite itself refuses that row
        connection.close()
        for entry in _entries_or_refusal(workspace):
            try:
                restored = workspace.restore(entry.key)
                workspace.stand_in_for_missing_photos(restored)
                for block in restored.images():
                    if block.media is not None:
                        block.media.read_bytes()
            except ArticleError:
                pass
        try:
            workspace.restore("k")
        except ArticleError:
            pass
        try:
            workspace.discard("k")
        except ArticleError:
            pass
        with sqlite3.connect(workspace.path) as connection:
            connection.execute("DELETE FROM documents")
            connection.execute("DELETE FROM media")
        connection.close()

    check()


def _entries_or_refusal(workspace: Workspace) -> list[Any]:
    try:
        return workspace.entries()
    except ArticleError:
        return []


def _tiny_jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "#2a6").save(buffer, "JPEG")
    return buffer.getvalue()
