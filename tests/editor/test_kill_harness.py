"""Fault injection: a child process autosaves and saves, as the app does, and
is killed (SIGKILL on Linux) at a random moment, 200 times, often in the
middle of a save. After every kill the draft is exactly the old or the new
version, never damaged, and the workspace restores exactly the latest
autosave."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

from editor.draft import load_draft, save_draft
from editor.model import Article
from editor.workspace import Workspace
from tests.kill_child import KEY, version

ROOT = Path(__file__).resolve().parents[2]
KILLS = 200
# The kills must land inside saves often enough to test them. Where they
# land depends on the machine's load, so the harness goes on killing (up to
# MAX_KILLS) until that many have, rather than passing or failing by chance.
INSIDE_A_SAVE = 40
MAX_KILLS = 600


def _last(lines: list[str], word: str) -> int | None:
    numbers = [int(line.split()[1]) for line in lines if line.startswith(word + " ")]
    return numbers[-1] if numbers else None


def _content(article: Article) -> tuple[object, ...]:
    """Everything a user would see, photo bytes included."""
    photos = [block.media.read_bytes() for block in article.images() if block.media is not None]
    texts = [(block.id, getattr(block, "text", None), getattr(block, "caption", None)) for block in article.blocks]
    return (article.title, article.lead, texts, photos)


def _is_version(article: Article, candidates: set[int]) -> int:
    number = int(article.title.split()[1])
    assert number in candidates, f"found version {number}, expected one of {sorted(candidates)}"
    assert _content(article) == _content(version(number)), f"version {number} is not exactly what was written"
    return number


def test_kills_at_random_moments_never_damage_the_draft_or_the_autosave(tmp_path: Path) -> None:
    draft, workspace_path = tmp_path / "bai.article", tmp_path / "workspace.sqlite"
    workspace = Workspace(workspace_path)
    save_draft(version(0), draft)
    workspace.save(KEY, version(0), draft)
    saved, autosaved = 0, 0
    rng = random.Random(20261127)
    inside_a_save, kills = 0, 0
    while (kills < KILLS or inside_a_save < INSIDE_A_SAVE) and kills < MAX_KILLS:
        kills += 1
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.kill_child", str(draft), str(workspace_path), str(max(saved, autosaved) + 1)],
            cwd=ROOT, stdout=subprocess.PIPE, text=True, encoding="utf-8",
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, 0.08))
        child.kill()
        lines = [line.strip() for line in child.stdout.read().splitlines()]
        child.wait()
        child.stdout.close()

        # The draft: the last version saved, or the one being saved.
        last_saved, being_saved = _last(lines, "saved"), _last(lines, "saving")
        if being_saved is not None and being_saved != last_saved:
            inside_a_save += 1
        candidates = {last_saved if last_saved is not None else saved}
        if being_saved is not None:
            candidates.add(being_saved)
        saved = _is_version(load_draft(draft), candidates)

        # The workspace: the last autosave reported, or one committed just
        # before the kill but not yet reported.
        last_autosaved = _last(lines, "autosaved")
        known = last_autosaved if last_autosaved is not None else autosaved
        autosaved = _is_version(Workspace(workspace_path).restore(KEY), {known, max(saved, autosaved) + 1 if last_autosaved is None else known + 1})
    print(f"{kills} kills, {inside_a_save} inside a save, last version saved {saved}, autosaved {autosaved}")
    assert inside_a_save >= INSIDE_A_SAVE, f"only {inside_a_save} of {kills} kills landed inside a save"
    assert saved > 50

    # Killed saves leave temporary files; the next save tidies away the old ones.
    leftovers = list(tmp_path.glob(".bai.article.*.tmp"))
    assert leftovers
    for leftover in leftovers:
        os.utime(leftover, (time.time() - 3600, time.time() - 3600))
    save_draft(version(saved + 1), draft)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".bai")) == []
