"""Revision history inside the ``.article`` file.

Every explicit save keeps the article as it was saved under
``revisions/<UTC time>.json``, in the same ``article/1`` form as
``article.json``; its photos stay in ``media/`` as long as a revision uses
them. The newest ``MAX_REVISIONS`` are kept. Autosaves are not revisions:
they live in the local workspace.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from editor.article_format import article_from_dict, parse_json
from editor.errors import DraftFileError, FormatError, ImageError
from editor.fields import article_texts
from editor.media import ArchiveMedia, Media
from editor.model import Article, HeadingBlock, ImageBlock, ListBlock, QuoteBlock
from editor.zips import DAMAGED_ZIP_ERRORS, open_regular_zip

FOLDER = "revisions/"
MAX_REVISIONS = 50
_NAME = re.compile(r"^revisions/(\d{8}T\d{6}\.\d{3})Z(?:-\d+)?\.json$")
_STAMP = "%Y%m%dT%H%M%S.%f"


@dataclass(frozen=True)
class Revision:
    name: str  # the member of the draft
    saved_at: datetime  # aware, UTC


def revision_name(moment: datetime, taken: set[str]) -> str:
    """A member name for a revision saved at ``moment``, unique among ``taken``."""
    stamp = moment.astimezone(UTC).strftime(_STAMP)[:-3]  # milliseconds
    name, counter = f"{FOLDER}{stamp}Z.json", 2
    while name in taken:
        name, counter = f"{FOLDER}{stamp}Z-{counter}.json", counter + 1
    return name


def parse_revision_name(name: str) -> Revision | None:
    match = _NAME.match(name)
    if match is None:
        return None
    try:
        moment = datetime.strptime(match.group(1) + "000", _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None  # "month 13": not one of ours; the member is kept as it is
    return Revision(name, moment)


def list_revisions(names: Any) -> list[Revision]:
    """The revisions among a draft's member names, newest first."""
    found = [revision for name in names if (revision := parse_revision_name(name)) is not None]
    return sorted(found, key=lambda revision: (revision.saved_at, revision.name), reverse=True)


def media_used(document: Any) -> set[str]:
    """The ``media/`` members a parsed revision (or article.json) points at."""
    blocks = document.get("blocks") if isinstance(document, dict) else None
    if not isinstance(blocks, list):
        return set()
    return {
        block["src"] for block in blocks
        if isinstance(block, dict) and isinstance(block.get("src"), str) and block["src"].startswith("media/")
    }


def load_revision(article: Article, revision: Revision) -> Article:
    """The article as it was at ``revision``, its photos read from the draft.

    Raises ``DraftFileError`` or ``FormatError`` if the revision is damaged.
    """
    member = article.kept_files.get(revision.name)
    if not isinstance(member, ArchiveMedia):
        raise DraftFileError(f"{revision.name} is not in the draft")
    try:
        data = parse_json(member.read_bytes(), revision.name)
    except ImageError as error:
        raise DraftFileError(error.problems, path=member.archive) from error
    try:
        with open_regular_zip(member.archive, DraftFileError) as archive:
            names = set(archive.namelist())
    except (OSError, *DAMAGED_ZIP_ERRORS) as error:
        raise DraftFileError(f"cannot read the draft: {error}", path=member.archive) from error
    current = {block.src: block.media for block in article.images() if block.media is not None}

    def resolve(src: str) -> Media | str:
        if src in current:
            return current[src]
        if not src.startswith("media/") or src not in names:
            return f"{src} is not in the draft"
        return ArchiveMedia(member.archive, src)

    try:
        return article_from_dict(data, resolve)
    except FormatError as error:
        error.path = member.archive
        raise


# --- the readable diff -------------------------------------------------------------

@dataclass(frozen=True)
class DiffLine:
    """One line of the diff: ``kind`` is "same", "removed", "added" or
    "changed"; a changed line's ``parts`` mark each word run the same way."""

    kind: str
    parts: tuple[tuple[str, str], ...]

    @property
    def text(self) -> str:
        return "".join(text for _, text in self.parts)


# How a text reads in the diff, by block type and field; any other text
# (an article field, a field added later) is a line as it is.
_LOOKS: dict[tuple[type, str], str] = {
    (HeadingBlock, "text"): "## {}", (QuoteBlock, "text"): "“{}”", (QuoteBlock, "cite"): "— {}", (ListBlock, "items"): "• {}",
    (ImageBlock, "caption"): "[{}]", (ImageBlock, "alt"): "[{}]", (ImageBlock, "credit"): "[{}]",
    (Article, "section"): "§ {}",
}


def plain_lines(article: Article) -> list[str]:
    """The article as lines of plain text, one per text the model declares
    (editor/fields.py), in reading order, then the related news."""
    lines = []
    for text in article_texts(article):
        if not text.plain.strip():
            continue
        owner: type = Article if text.location.index is None else type(article.blocks[text.location.index])
        lines.append(_LOOKS.get((owner, text.field.name), "{}").format(text.plain))
    lines += [f"→ {link.title}" for link in article.related if link.title.strip()]
    return lines


def _words(line: str) -> list[str]:
    return re.findall(r"\s+|[^\s]+", line)


SMALL_DIFF = 1_000_000  # old × new items below which difflib may look at every pair


def _patience_matches(old: list[str], new: list[str]) -> list[tuple[int, int, int]]:
    """Matching runs (i, j, size), in order, by patience diff: items that
    occur once on each side anchor the match (their longest increasing run),
    and the stretches between anchors are matched the same way in turn.
    A stretch with no such item is small enough for difflib to compare every
    pair, or else goes to difflib with autojunk. Linear in practice, and
    the runs it finds read well: names and numbers anchor them."""
    matches: list[tuple[int, int, int]] = []
    work = [(0, len(old), 0, len(new))]
    while work:
        a0, a1, b0, b1 = work.pop()
        while a0 < a1 and b0 < b1 and old[a0] == new[b0]:  # the common start
            matches.append((a0, b0, 1))
            a0, b0 = a0 + 1, b0 + 1
        while a0 < a1 and b0 < b1 and old[a1 - 1] == new[b1 - 1]:  # the common end
            a1, b1 = a1 - 1, b1 - 1
            matches.append((a1, b1, 1))
        if a0 == a1 or b0 == b1:
            continue
        chain = _longest_increasing(_anchors(old, new, a0, a1, b0, b1))
        if not chain:
            small = (a1 - a0) * (b1 - b0) <= SMALL_DIFF
            matcher = difflib.SequenceMatcher(None, old[a0:a1], new[b0:b1], autojunk=not small)
            matches += [(a0 + i, b0 + j, size) for i, j, size in matcher.get_matching_blocks() if size]
            continue
        previous_a, previous_b = a0, b0
        for i, j in chain:
            work.append((previous_a, i, previous_b, j))
            matches.append((i, j, 1))
            previous_a, previous_b = i + 1, j + 1
        work.append((previous_a, a1, previous_b, b1))
    return sorted(matches)


def _anchors(old: list[str], new: list[str], a0: int, a1: int, b0: int, b1: int) -> list[tuple[int, int]]:
    """Candidate pairs (i, j) of equal items, in order of i: the items that
    occur once on each side; failing those (a text that repeats itself),
    the k-th occurrence of each item with as many occurrences on each side."""
    old_counts, new_counts = Counter(old[a0:a1]), Counter(new[b0:b1])
    new_at = {item: b0 + index for index, item in enumerate(new[b0:b1]) if new_counts[item] == 1}
    unique = [(a0 + index, new_at[item]) for index, item in enumerate(old[a0:a1])
              if old_counts[item] == 1 and item in new_at]
    if unique:
        return unique
    positions: dict[str, list[int]] = {}
    for index, item in enumerate(new[b0:b1]):
        if old_counts.get(item) == new_counts[item]:
            positions.setdefault(item, []).append(b0 + index)
    seen: Counter[str] = Counter()
    pairs = []
    for index, item in enumerate(old[a0:a1]):
        if item in positions:
            pairs.append((a0 + index, positions[item][seen[item]]))
            seen[item] += 1
    return pairs


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of ``pairs`` (sorted by their first) whose second
    also increases: patience sorting, n log n."""
    tails: list[int] = []  # the second of the last pair of the best run of each length
    tail_index: list[int] = []
    previous: list[int] = []
    for index, (_, second) in enumerate(pairs):
        length = bisect.bisect_left(tails, second)
        if length == len(tails):
            tails.append(second)
            tail_index.append(index)
        else:
            tails[length] = second
            tail_index[length] = index
        previous.append(tail_index[length - 1] if length else -1)
    chain: list[tuple[int, int]] = []
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        chain.append(pairs[index])
        index = previous[index]
    return chain[::-1]


def _opcodes(old: list[str], new: list[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib-style opcodes from the patience matches. (difflib alone took
    over a minute on one 10,000-word paragraph.)"""
    codes: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    for a, b, size in [*_patience_matches(old, new), (len(old), len(new), 0)]:
        if i < a and j < b:
            codes.append(("replace", i, a, j, b))
        elif i < a:
            codes.append(("delete", i, a, j, b))
        elif j < b:
            codes.append(("insert", i, a, j, b))
        if size:
            if codes and codes[-1][0] == "equal" and codes[-1][2] == a:
                codes[-1] = ("equal", codes[-1][1], a + size, codes[-1][3], b + size)
            else:
                codes.append(("equal", a, a + size, b, b + size))
        i, j = a + size, b + size
    return codes


def _changed_line(old: str, new: str) -> DiffLine:
    old_words, new_words = _words(old), _words(new)
    parts: list[tuple[str, str]] = []
    for tag, a0, a1, b0, b1 in _opcodes(old_words, new_words):
        if tag == "equal":
            parts.append(("same", "".join(old_words[a0:a1])))
            continue
        if a1 > a0:
            parts.append(("removed", "".join(old_words[a0:a1])))
        if b1 > b0:
            parts.append(("added", "".join(new_words[b0:b1])))
    return DiffLine("changed", tuple(parts))


def text_diff(old: Article, new: Article) -> list[DiffLine]:
    """What changed from ``old`` to ``new``, line by line; an edited line is
    shown once, with its changed words marked."""
    old_lines, new_lines = plain_lines(old), plain_lines(new)
    result: list[DiffLine] = []
    for tag, a0, a1, b0, b1 in _opcodes(old_lines, new_lines):
        if tag == "equal":
            result += [DiffLine("same", (("same", line),)) for line in old_lines[a0:a1]]
            continue
        result += _pair_up(old_lines[a0:a1], new_lines[b0:b1])
    return result


SIMILAR = 0.5  # share of words in common for "the same paragraph, edited"
PAIRING_WINDOW = 20  # how far ahead an edited paragraph's new version is looked for


def _similar(a: str, b: str) -> bool:
    # Words in common, counted as bags: linear, where a sequence match is not.
    old_words, new_words = Counter(a.split()), Counter(b.split())
    total = sum(old_words.values()) + sum(new_words.values())
    return total > 0 and 2 * sum((old_words & new_words).values()) / total >= SIMILAR


def _pair_up(removed: list[str], added: list[str]) -> list[DiffLine]:
    """Removed and added lines in order, an edited paragraph as one line."""
    result: list[DiffLine] = []
    next_added = 0
    for line in removed:
        window = range(next_added, min(len(added), next_added + PAIRING_WINDOW))
        match = next((i for i in window if _similar(line, added[i])), None)
        if match is None:
            result.append(DiffLine("removed", (("removed", line),)))
            continue
        result += [DiffLine("added", (("added", text),)) for text in added[next_added:match]]
        result.append(_changed_line(line, added[match]))
        next_added = match + 1
    result += [DiffLine("added", (("added", text),)) for text in added[next_added:]]
    return result
