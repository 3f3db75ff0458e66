"""The publish package, for portals whose CMS has no write API: one zip an
editor uploads by hand.

    body.html     the body as Copy for CMS makes it; photos referred to by name
    <photos>      the photos, exported, named exactly as body.html refers to them
    cover.<ext>   the cover photo again, under a name nobody can miss
    sheet.html    title, lead, date, author, source, tags, each photo's
    sheet.json    caption, credit and alt text: to paste into the CMS's fields

Atomic (editor/atomic.py) and reproducible: the same article gives the same
bytes, members dated with the article's own date like the other exports.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from editor.atomic import atomic_write
from editor.cms import body_html
from editor.errors import ExportError
from editor.export import TargetKind, _check_target, _write_zip, exported_photos
from editor.images import DEFAULT_MAX_SIZE
from editor.model import Article
from editor.render import ImageSource
from editor.text import inline_to_plain
from editor.zips import article_zip_time


def package_members(article: Article, max_size: int = DEFAULT_MAX_SIZE) -> dict[str, bytes]:
    photos = exported_photos(article, max_size)
    sources = {block_id: ImageSource(src=file.file_name, width=file.width, height=file.height) for block_id, file in photos.items()}
    members = {file.file_name: file.data for file in photos.values()}
    members["body.html"] = (body_html(article, sources) + "\n").encode("utf-8")
    cover = article.cover_image()
    cover_name = None
    if cover is not None and cover.id in photos:
        name, data = photos[cover.id].file_name, photos[cover.id].data
        cover_name = "cover." + name.rsplit(".", 1)[-1]
        members[cover_name] = data
    sheet = _sheet(article, {block_id: source.src for block_id, source in sources.items()}, cover_name)
    members["sheet.json"] = (json.dumps(sheet, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    members["sheet.html"] = _sheet_html(sheet).encode("utf-8")
    return members


def write_package(article: Article, target: Path, *, max_size: int = DEFAULT_MAX_SIZE, force: bool = False) -> None:
    if target.suffix.lower() != ".zip":
        raise ExportError("a publish package is one zip file: give a name ending in .zip", path=target)
    _check_target(target, TargetKind.ZIP, force)
    members = package_members(article, max_size)
    when = article_zip_time(article.local_published())
    try:
        atomic_write(target, lambda stream: _write_zip(stream, members, when))
    except OSError as error:
        raise ExportError(f"cannot write: {error.strerror or error}", path=target) from error


def _sheet(article: Article, names: dict[str, str], cover_name: str | None) -> dict[str, Any]:
    published = article.local_published()
    return {
        "title": article.title,
        "lead": inline_to_plain(article.lead),
        "lead_html": article.lead,
        "date": published.isoformat() if published else None,
        "author": article.author,
        "source": article.source,
        "section": article.section,  # the portal's category to file the post under
        "tags": list(article.tags),
        "cover": cover_name,
        "photos": [
            {"file": names[block.id], "caption": inline_to_plain(block.caption), "credit": block.credit, "alt": block.alt}
            for block in article.images() if block.id in names
        ],
    }


def _sheet_html(sheet: dict[str, Any]) -> str:
    def row(label: str, value: object) -> str:
        return f"<tr><th>{html.escape(label)}</th><td>{html.escape(str(value or ''))}</td></tr>"

    rows = [row("Tiêu đề / Title", sheet["title"]), row("Sapo / Lead", sheet["lead"]), row("Ngày / Date", sheet["date"]),
            row("Tác giả / Author", sheet["author"]), row("Nguồn / Source", sheet["source"]),
            row("Chuyên mục / Section", sheet["section"]),
            row("Từ khóa / Tags", ", ".join(sheet["tags"])), row("Ảnh đại diện / Cover", sheet["cover"])]
    photos = "".join(
        f"<tr><td>{html.escape(p['file'])}</td><td>{html.escape(p['caption'])}</td><td>{html.escape(p['credit'])}</td>"
        f"<td>{html.escape(p['alt'])}</td></tr>" for p in sheet["photos"])
    return (
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>"
        f"{html.escape(sheet['title'])}</title></head><body>\n<table>{''.join(rows)}</table>\n"
        "<table><tr><th>Tệp / File</th><th>Chú thích / Caption</th><th>Tác giả ảnh / Credit</th>"
        f"<th>Mô tả thay thế / Alt</th></tr>{photos}</table>\n</body></html>\n"
    )
