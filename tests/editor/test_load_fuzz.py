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

from editor.article_format import load_article_json
from editor.draft import load_draft, save_draft
from editor.errors import ArticleError
from editor.model import Article
from editor.workspace import Workspace
from PIL import Image

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
    article = load_article_json((folder / "article.json"))
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
