"""Open what a user points at: an ``.article`` draft, an ``article.json``,
or a folder holding one of them."""

from __future__ import annotations

import zipfile
from pathlib import Path

from editor.article_format import load_article_json, parse_json
from editor.draft import ARTICLE_MEMBER, SUFFIX, load_draft
from editor.errors import ArticleError, FormatError
from editor.model import Article
from editor.regular_files import require_regular_file
from editor.zips import open_regular_zip


def find_article_file(path: Path) -> Path:
    if not path.exists():
        raise ArticleError("file or folder not found", path=path)
    if path.is_dir():
        candidate = path / "article.json"
        if candidate.is_file():
            return candidate
        drafts = sorted(path.glob(f"*{SUFFIX}"))
        if len(drafts) == 1:
            return drafts[0]
        if drafts:
            raise ArticleError(f"the folder holds {len(drafts)} .article files; name one of them", path=path)
        raise ArticleError("the folder holds no article.json and no .article file", path=path)
    require_regular_file(path, ArticleError, "article file")  # a FIFO or a device would hang the reader
    return path


def load_article(path: Path, *, require_media: bool = True) -> Article:
    """Load an article from a draft, a JSON file or a folder; raises ArticleError."""
    path = find_article_file(path)
    if path.suffix.lower() == ".json":
        return load_article_json(path, require_media=require_media)
    return load_draft(path)


def read_raw_article_data(path: Path) -> object:
    """The article's JSON exactly as stored (not normalized), for checks
    that report what the source file should fix; None if unreadable."""
    path = find_article_file(path)
    try:
        if path.suffix.lower() == ".json":
            raw = path.read_bytes()
        else:
            with open_regular_zip(path, FormatError) as archive:
                raw = archive.read(ARTICLE_MEMBER)
        return parse_json(raw)
    except (OSError, FormatError, KeyError, zipfile.BadZipFile):
        return None
