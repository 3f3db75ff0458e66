"""Loading fuzzed with hypothesis: 10,000 mutated ``article.json`` files and
10,000 mutated ``.article`` drafts. A broken file may only ever give the
app's own load error (an ``ArticleError``, shown to the user as a sentence),
never another exception, which would be a traceback or a crash."""

from __future__ import annotations

import copy
import os
import io
import json
import zipfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.article_format import load_article_json
from editor.draft import load_draft, save_draft
from editor.errors import ArticleError
from editor.model import Article
from editor.workspace import Workspace
from PIL import Image

from tests.helpers import minimal_article

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", 10_000))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck), database=None)


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


def test_mutated_article_json_files_load_or_give_the_apps_own_error(tmp_path_factory: Any) -> None:
    folder = _folder(tmp_path_factory)
    path = folder / "article.json"
    seed = _json_bytes(SEED)

    @FUZZ
    @given(st.one_of(mutated_json().map(_json_bytes), mutated_bytes(seed)))
    def check(raw: bytes) -> None:
        path.write_bytes(raw)
        _loads_or_refuses(load_article_json, path)

    check()


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


def test_mutated_article_drafts_load_or_give_the_apps_own_error(tmp_path_factory: Any) -> None:
    folder = _folder(tmp_path_factory)
    (folder / "article.json").write_bytes(_json_bytes(SEED))
    seed = _draft_bytes(folder)
    with zipfile.ZipFile(io.BytesIO(seed)) as archive:
        seed_json = json.loads(archive.read("article.json"))
    path = folder / "fuzzed.article"

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

    @FUZZ
    @given(drafts)
    def check(raw: bytes) -> None:
        path.write_bytes(raw)
        _loads_or_refuses(load_draft, path)

    check()


def test_a_damaged_workspace_entry_gives_the_apps_own_error(tmp_path_factory: Any) -> None:
    # The workspace restores what it stored; a damaged row is refused too.
    folder = tmp_path_factory.mktemp("workspace")
    workspace = Workspace(folder / "workspace.sqlite")
    workspace.save("k", Article(title="Bài"), None)
    import sqlite3

    @settings(max_examples=500, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck), database=None)
    @given(st.one_of(mutated_json().map(lambda d: json.dumps({"article": d, "media": {}})), st.text(max_size=50)))
    def check(stored: str) -> None:
        with sqlite3.connect(workspace.path) as connection:
            connection.execute("UPDATE documents SET article = ? WHERE key = 'k'", (stored,))
        try:
            workspace.restore("k")
        except ArticleError:
            pass

    check()
