"""Revision history inside the ``.article`` file.

Every explicit save keeps the article as it was saved under
``revisions/<UTC time>.json``, in the same ``article/1`` form as
``article.json``; its photos stay in ``media/`` as long as a revision uses
them. The newest ``MAX_REVISIONS`` are kept. Autosaves are not revisions:
they live in the local workspace.
"""

from __future__ import annotations

import difflib
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from editor.article_format import article_from_dict, parse_json
from editor.errors import DraftFileError, FormatError, ImageError
from editor.media import ArchiveMedia, Media
from editor.model import Article, HeadingBlock, ImageBlock, ParagraphBlock, QuoteBlock
from editor.text import inline_to_plain
from editor.zips import DAMAGED_ZIP_ERRORS

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
    stamp = moment.astimezone(timezone.utc).strftime(_STAMP)[:-3]  # milliseconds
    name, counter = f"{FOLDER}{stamp}Z.json", 2
    while name in taken:
        name, counter = f"{FOLDER}{stamp}Z-{counter}.json", counter + 1
    return name


def parse_revision_name(name: str) -> Revision | None:
    match = _NAME.match(name)
    if match is None:
        return None
    try:
        moment = datetime.strptime(match.group(1) + "000", _STAMP).replace(tzinfo=timezone.utc)
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
        with zipfile.ZipFile(member.archive) as archive:
            names = set(archive.namelist())
    except (OSError, *DAMAGED_ZIP_ERRORS) as error:
        raise DraftFileError(f"cannot read the draft: {error}", path=member.archive) from error
    current = {block.src: block.media for block in article.images() if block.media is not None}

    def resolve(src: str) -> Media | str:
        if src in current:
            return current[src]  # type: ignore[return-value]
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


def plain_lines(article: Article) -> list[str]:
    """The article as lines of plain text, one per field or block."""
    lines = [article.title, inline_to_plain(article.lead)]
    for block in article.blocks:
        if isinstance(block, ParagraphBlock):
            lines.append(inline_to_plain(block.text))
        elif isinstance(block, HeadingBlock):
            lines.append(f"## {block.text}")
        elif isinstance(block, QuoteBlock):
            lines.append(f"“{inline_to_plain(block.text)}”" + (f" — {block.cite}" if block.cite else ""))
        elif isinstance(block, ImageBlock):
            lines.append(f"[{inline_to_plain(block.caption) or block.alt}]")
    lines += [article.author, article.source]
    lines += [f"→ {link.title}" for link in article.related]
    return [line for line in lines if line.strip()]


def _words(line: str) -> list[str]:
    return re.findall(r"\s+|[^\s]+", line)


def _changed_line(old: str, new: str) -> DiffLine:
    old_words, new_words = _words(old), _words(new)
    parts: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
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
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            result += [DiffLine("same", (("same", line),)) for line in old_lines[a0:a1]]
            continue
        result += _pair_up(old_lines[a0:a1], new_lines[b0:b1])
    return result


SIMILAR = 0.5  # share of words in common for "the same paragraph, edited"


def _similar(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, _words(a), _words(b), autojunk=False).ratio() >= SIMILAR


def _pair_up(removed: list[str], added: list[str]) -> list[DiffLine]:
    """Removed and added lines in order, an edited paragraph as one line."""
    result: list[DiffLine] = []
    next_added = 0
    for line in removed:
        match = next((i for i in range(next_added, len(added)) if _similar(line, added[i])), None)
        if match is None:
            result.append(DiffLine("removed", (("removed", line),)))
            continue
        result += [DiffLine("added", (("added", text),)) for text in added[next_added:match]]
        result.append(_changed_line(line, added[match]))
        next_added = match + 1
    result += [DiffLine("added", (("added", text),)) for text in added[next_added:]]
    return result
