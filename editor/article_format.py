"""The interchange format ``article/1``: a JSON object, documented in
``docs/format.md``. Reading reports every problem at once, each with its
JSON path; unknown fields are kept at every level so a round trip through
the app loses nothing that other tools wrote.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from editor.errors import FormatError, UnsupportedVersionError
from editor.fields import text_fields
from editor.media import FileMedia, Media
from editor.model import (
    BLOCK_TYPES,
    LANGUAGES,
    MAX_LIST_START,
    MIN_LIST_START,
    Article,
    Block,
    Crop,
    Focus,
    HeadingBlock,
    ImageBlock,
    ListBlock,
    RelatedLink,
    SiteProfile,
)
from editor.notes import notes_from_list, notes_to_list
from editor.review import review_from_dict, review_to_dict

FORMAT = "article/1"
_FORMAT_PATTERN = re.compile(r"article/(\d+)")
_BLOCK_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
# "https://…", "file:…", "data:…" — but not a Windows drive ("C:\…").
_URL_LIKE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+:")


def _field_position(name: str) -> int:
    return [spec.name for spec in dataclasses.fields(Article)].index(name)


# The keys read and written; the texts come from the model's declaration
# (editor/fields.py), so a text field added there is saved and opened too.
_ARTICLE_TEXTS = tuple(field.name for field in text_fields(Article))
_ARTICLE_FIELDS = (
    "format", "language", *_ARTICLE_TEXTS, "published", "updated", "timezone", "blocks",
    "original_url", "url", "related", "tags", "site", "review", "spelling_ignored",
)
_BLOCK_OTHER_FIELDS: dict[str, tuple[str, ...]] = {"heading": ("level",), "list": ("ordered", "start"), "image": ("src", "rotate", "crop", "focus", "cover")}
_BLOCK_FIELDS: dict[str, tuple[str, ...]] = {
    kind: ("id", "type", *(field.name for field in text_fields(cls)), *_BLOCK_OTHER_FIELDS.get(kind, ()), "notes")
    for kind, cls in BLOCK_TYPES.items()
}
# Where the article's own texts go in the file: before the blocks those the
# model declares before them (the lead), after them the others (author, source).
_TEXTS_BEFORE_BLOCKS = tuple(name for name in _ARTICLE_TEXTS if _field_position(name) < _field_position("blocks"))
_SITE_FIELDS = SiteProfile.FIELDS
_SITE_KEYS = (*SiteProfile.FIELDS, *SiteProfile.OTHER_FIELDS, "dictionary")
TONE_MARK_STYLES = ("", "old", "new")
_RELATED_FIELDS = ("title", "url")

# Resolves an image ``src`` to its bytes: returns the media, a problem, or
# None for a photo that is missing but must not stop the article opening.
MediaResolver = Callable[[str], "Media | str | None"]


class _Problems:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, path: str, message: str) -> None:
        self.lines.append(f"{path}: {message}" if path else message)


def _extra(data: dict[str, Any], known: tuple[str, ...]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key not in known}


def _string(data: dict[str, Any], key: str, path: str, problems: _Problems) -> str:
    value = data.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        problems.add(f"{path}{key}", f"must be text, not {_json_type(value)}")
        return ""
    return value


def _texts(data: dict[str, Any], key: str, path: str, problems: _Problems) -> list[str]:
    """A list of texts; anything else is reported and read as empty."""
    value = data.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        problems.add(f"{path}{key}", "must be a list of texts")
        return []
    return value


def _strings(data: dict[str, Any], key: str, path: str, problems: _Problems) -> list[str]:
    """A list of texts (a list block's items); what is not text is reported and left out."""
    value = data.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list):
        problems.add(f"{path}{key}", f"must be a list of texts, not {_json_type(value)}")
        return []
    texts = []
    for index, item in enumerate(value):
        if isinstance(item, str):
            texts.append(item)
        else:
            problems.add(f"{path}{key}[{index}]", f"must be text, not {_json_type(item)}")
    return texts


def _json_type(value: Any) -> str:
    return {dict: "an object", list: "a list", bool: "true/false", type(None): "null"}.get(
        type(value), "a number" if isinstance(value, (int, float)) else type(value).__name__
    )


def check_format_version(data: Any) -> None:
    """Refuse data that is not ``article/1``, newer versions with their own error."""
    if not isinstance(data, dict):
        raise FormatError(f"the article must be a JSON object, not {_json_type(data)}")
    version = data.get("format")
    if version == FORMAT:
        return
    match = _FORMAT_PATTERN.fullmatch(version) if isinstance(version, str) else None
    if match and int(match.group(1)) > 1:
        raise UnsupportedVersionError(
            f"format: this article was written as {version}, by a newer version of the app; "
            f"this version reads {FORMAT} only"
        )
    if version is None:
        raise FormatError(f'format: missing; an article starts with "format": "{FORMAT}"')
    raise FormatError(f"format: {json.dumps(version, ensure_ascii=False)} is not {FORMAT}")


def article_from_dict(data: Any, resolve_media: MediaResolver) -> Article:
    """Build an article from parsed JSON, reporting every problem at once."""
    check_format_version(data)
    problems = _Problems()
    article = Article(extra=_extra(data, _ARTICLE_FIELDS))

    if "title" not in data:
        problems.add("title", "missing (every article needs a title)")
    article.title = _string(data, "title", "", problems)

    language = data.get("language", "vi")
    if language not in LANGUAGES:
        problems.add("language", f'must be "vi" or "en", not {json.dumps(language, ensure_ascii=False)}')
    else:
        article.language = language

    article.timezone = None
    timezone = _string(data, "timezone", "", problems)
    if timezone:
        try:
            ZoneInfo(timezone)
            article.timezone = timezone
        except (ZoneInfoNotFoundError, ValueError):
            problems.add("timezone", f"{timezone!r} is not a time zone name such as Asia/Ho_Chi_Minh")

    published = _string(data, "published", "", problems)
    if published:
        article.published = _parse_published(published, problems)
    updated = _string(data, "updated", "", problems)
    if updated:
        article.updated = _parse_published(updated, problems, "updated")

    for name in _ARTICLE_TEXTS:
        if name != "title":  # read first, above
            setattr(article, name, _string(data, name, "", problems))
    for key in ("original_url", "url"):
        setattr(article, key, _string(data, key, "", problems))

    blocks = data.get("blocks", [])
    if not isinstance(blocks, list):
        problems.add("blocks", f"must be a list, not {_json_type(blocks)}")
        blocks = []
    seen_ids: set[str] = set()
    for index, raw in enumerate(blocks):
        block = _block_from_dict(raw, f"blocks[{index}]", resolve_media, problems)
        if block is None:
            continue
        if block.id and block.id in seen_ids:
            problems.add(f"blocks[{index}].id", f"{block.id!r} is used by another block")
        seen_ids.add(block.id)
        article.blocks.append(block)
    _assign_missing_ids(article.blocks, seen_ids)

    related = data.get("related", [])
    if not isinstance(related, list):
        problems.add("related", f"must be a list, not {_json_type(related)}")
        related = []
    for index, raw in enumerate(related):
        path = f"related[{index}]."
        if not isinstance(raw, dict):
            problems.add(f"related[{index}]", "must be an object with title and url")
            continue
        link = RelatedLink(extra=_extra(raw, _RELATED_FIELDS))
        link.title = _string(raw, "title", path, problems)
        link.url = _string(raw, "url", path, problems)
        article.related.append(link)

    tags = data.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        problems.add("tags", "must be a list of texts")
    else:
        article.tags = tags
    article.spelling_ignored = _texts(data, "spelling_ignored", "", problems)

    if "site" in data and data["site"] is not None:
        article.site = site_from_dict(data["site"], "site", problems, base_dir=None)
    if data.get("review") is not None:
        article.review = review_from_dict(data["review"], problems.add)

    if problems.lines:
        raise FormatError(problems.lines)
    return article


MIN_YEAR, MAX_YEAR = 1000, 9000


def _parse_published(text: str, problems: _Problems, key: str = "published") -> datetime | None:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        problems.add(key, f"{text!r} is not an ISO 8601 date and time such as 2023-11-01T16:20:00+07:00")
        return None
    if moment.tzinfo is None:
        problems.add(key, f"{text!r} has no UTC offset; write it as 2023-11-01T16:20:00+07:00")
        return None
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        # Near year 1 or 9999 a change of time zone overflows: nothing could show it.
        problems.add(key, f"{text!r} is not a year between {MIN_YEAR} and {MAX_YEAR}")
        return None
    return moment


def _block_from_dict(raw: Any, path: str, resolve_media: MediaResolver, problems: _Problems) -> Block | None:
    if not isinstance(raw, dict):
        problems.add(path, f"must be an object, not {_json_type(raw)}")
        return None
    kind = raw.get("type")
    if not isinstance(kind, str) or kind not in BLOCK_TYPES:
        known = ", ".join(BLOCK_TYPES)
        problems.add(f"{path}.type", f"unknown block type {json.dumps(kind, ensure_ascii=False)} (known: {known})")
        return None
    block = BLOCK_TYPES[kind](extra=_extra(raw, _BLOCK_FIELDS[kind]))
    block_id = raw.get("id")
    if block_id is not None:
        if not isinstance(block_id, str) or not _BLOCK_ID.fullmatch(block_id):
            problems.add(f"{path}.id", "must be 1–64 letters, digits, '-' or '_'")
        else:
            block.id = block_id
    else:
        block.id = ""  # assigned once every id in the file is known
    prefix = f"{path}."
    if raw.get("notes") is not None:
        block.notes = notes_from_list(raw["notes"], f"{path}.notes", problems.add)
    for field in text_fields(type(block)):
        value = _strings(raw, field.name, prefix, problems) if field.many else _string(raw, field.name, prefix, problems)
        setattr(block, field.name, value)
    if isinstance(block, HeadingBlock):
        level = raw.get("level", 2)
        if level not in (2, 3) or isinstance(level, bool):
            problems.add(f"{path}.level", f"must be 2 or 3, not {json.dumps(level)}")
        else:
            block.level = level
    if isinstance(block, ListBlock):
        ordered = raw.get("ordered", False)
        if not isinstance(ordered, bool):
            problems.add(f"{path}.ordered", "must be true or false")
        else:
            block.ordered = ordered
        start = raw.get("start", 1)
        if not isinstance(start, int) or isinstance(start, bool) or not MIN_LIST_START <= start <= MAX_LIST_START:
            problems.add(f"{path}.start", f"must be a whole number from {MIN_LIST_START} to {MAX_LIST_START}, not {json.dumps(start)}")
        else:
            block.start = start
    if isinstance(block, ImageBlock):
        rotate = raw.get("rotate", 0)
        if rotate not in (0, 90, 180, 270) or isinstance(rotate, bool):
            problems.add(f"{path}.rotate", f"must be 0, 90, 180 or 270 (degrees clockwise), not {json.dumps(rotate)}")
        else:
            block.rotate = rotate
        crop = raw.get("crop")
        if crop is not None:
            block.crop = _crop_from(crop, f"{path}.crop", problems)
        focus = raw.get("focus")
        if focus is not None:
            block.focus = _focus_from(focus, f"{path}.focus", problems)
        cover = raw.get("cover", False)
        if not isinstance(cover, bool):
            problems.add(f"{path}.cover", "must be true or false")
        else:
            block.cover = cover
        block.src = _string(raw, "src", prefix, problems)
        if not block.src:
            problems.add(f"{path}.src", "missing: an image block needs the path of its photo")
        elif _URL_LIKE.match(block.src):
            problems.add(f"{path}.src", f"{block.src!r} is a URL; give the path of a file on this computer (the app works offline)")
        else:
            resolved = resolve_media(block.src)
            if isinstance(resolved, str):
                problems.add(f"{path}.src", resolved)
            else:
                block.media = resolved
    return block


def _crop_from(raw: Any, path: str, problems: _Problems) -> Crop | None:
    keys = ("left", "top", "width", "height")
    if not isinstance(raw, dict) or not all(isinstance(raw.get(k), (int, float)) and not isinstance(raw.get(k), bool) for k in keys):
        problems.add(path, "must be an object with left, top, width and height, fractions between 0 and 1")
        return None
    crop = Crop(*(float(raw[k]) for k in keys))
    if not crop.is_valid():
        problems.add(path, "must lie inside the photo: fractions between 0 and 1, width and height above 0")
        return None
    return crop


def _focus_from(raw: Any, path: str, problems: _Problems) -> Focus | None:
    if not isinstance(raw, dict) or not all(isinstance(raw.get(k), (int, float)) and not isinstance(raw.get(k), bool) for k in ("x", "y")):
        problems.add(path, "must be an object with x and y, fractions between 0 and 1")
        return None
    focus = Focus(float(raw["x"]), float(raw["y"]))
    if not focus.is_valid():
        problems.add(path, "must lie inside the photo: x and y between 0 and 1")
        return None
    return focus


def _assign_missing_ids(blocks: list[Block], taken: set[str]) -> None:
    # Derived from the position, not random, so that exporting the same file
    # twice gives the same page byte for byte.
    for index, block in enumerate(blocks, start=1):
        if block.id:
            continue
        candidate, suffix = f"b{index}", 1
        while candidate in taken:
            suffix += 1
            candidate = f"b{index}-{suffix}"
        block.id = candidate
        taken.add(candidate)


def site_from_dict(raw: Any, path: str, problems: _Problems, base_dir: Path | None) -> SiteProfile | None:
    if not isinstance(raw, dict):
        problems.add(path, f"must be an object, not {_json_type(raw)}")
        return None
    site = SiteProfile(base_dir=base_dir, extra=_extra(raw, _SITE_KEYS))
    prefix = f"{path}." if path else ""
    for key in _SITE_FIELDS:
        setattr(site, key, _string(raw, key, prefix, problems))
    sections = raw.get("sections", [])
    if not isinstance(sections, list) or not all(isinstance(name, str) for name in sections):
        problems.add(f"{prefix}sections", "must be a list of section names")
    else:
        site.sections = [name for name in sections if name.strip()]
    photo_metadata = raw.get("photo_metadata")
    if photo_metadata is not None and not isinstance(photo_metadata, bool):
        problems.add(f"{prefix}photo_metadata", "must be true or false")
    else:
        site.photo_metadata = photo_metadata
    site.dictionary = _texts(raw, "dictionary", prefix, problems)
    if site.tone_marks not in TONE_MARK_STYLES:
        problems.add(f"{prefix}tone_marks", f'must be "old", "new" or "", not {json.dumps(site.tone_marks, ensure_ascii=False)}')
        site.tone_marks = ""
    return site


def article_to_dict(article: Article, src_of: Callable[[ImageBlock], str]) -> dict[str, Any]:
    """The ``article/1`` JSON object; ``src_of`` names each image's file."""
    data: dict[str, Any] = {"format": FORMAT, "language": article.language, "title": article.title}
    if article.published is not None:
        data["published"] = article.published.isoformat()
    if article.updated is not None:
        data["updated"] = article.updated.isoformat()
    if article.timezone:
        data["timezone"] = article.timezone
    for name in _ARTICLE_TEXTS:
        if name in _TEXTS_BEFORE_BLOCKS and name != "title":
            data[name] = getattr(article, name)
    data["blocks"] = [_block_to_dict(block, src_of) for block in article.blocks]
    for name in _ARTICLE_TEXTS:
        if name not in _TEXTS_BEFORE_BLOCKS:
            data[name] = getattr(article, name)
    for key in ("original_url", "url"):
        data[key] = getattr(article, key)
    data["related"] = [{"title": link.title, "url": link.url, **link.extra} for link in article.related]
    data["tags"] = list(article.tags)
    if article.spelling_ignored:
        data["spelling_ignored"] = list(article.spelling_ignored)
    if article.site is not None:
        data["site"] = site_to_dict(article.site)
    if not article.review.is_default():  # drafts nobody submitted stay as they were
        data["review"] = review_to_dict(article.review)
    data.update({key: value for key, value in article.extra.items() if key not in data})
    return data


def _block_to_dict(block: Block, src_of: Callable[[ImageBlock], str]) -> dict[str, Any]:
    data: dict[str, Any] = {"id": block.id, "type": block.type}
    if isinstance(block, ImageBlock):
        data["src"] = src_of(block)
    for field in text_fields(type(block)):
        value = getattr(block, field.name)
        data[field.name] = list(value) if field.many else value
    if isinstance(block, HeadingBlock):
        data["level"] = block.level
    if isinstance(block, ListBlock):
        data["ordered"] = block.ordered
        if block.ordered and block.start != 1:
            data["start"] = block.start
    if isinstance(block, ImageBlock):
        if block.rotate:
            data["rotate"] = block.rotate
        if block.crop is not None:
            data["crop"] = {"left": block.crop.left, "top": block.crop.top, "width": block.crop.width, "height": block.crop.height}
        if block.focus is not None:
            data["focus"] = {"x": block.focus.x, "y": block.focus.y}
        if block.cover:
            data["cover"] = True
    if block.notes:
        data["notes"] = notes_to_list(block.notes)
    data.update({key: value for key, value in block.extra.items() if key not in data})
    return data


def site_to_dict(site: SiteProfile) -> dict[str, Any]:
    data: dict[str, Any] = {key: getattr(site, key) for key in _SITE_FIELDS}
    if site.sections:
        data["sections"] = list(site.sections)
    if site.photo_metadata is not None:
        data["photo_metadata"] = site.photo_metadata
    if site.dictionary:  # profiles without one stay as they were
        data["dictionary"] = list(site.dictionary)
    data.update({key: value for key, value in site.extra.items() if key not in data})
    return data


MAX_DEPTH = 100  # an article is 4 levels deep; far deeper data only crashes whoever reads it next
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _refuse_constant(name: str) -> Any:
    raise _NotFinite(name)


class _NotFinite(ValueError):
    pass


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e400 reads as Infinity
        raise _NotFinite(text)
    return value


def _tidy(data: Any, notes: list[str]) -> Any:
    """Refuse data nested deeper than ``MAX_DEPTH``; replace lone surrogates
    (text no file can hold, so the draft could never be saved) with U+FFFD."""
    replaced = 0

    def fix(text: str) -> str:
        nonlocal replaced
        fixed, count = _LONE_SURROGATE.subn("\ufffd", text)
        replaced += count
        return fixed

    root = [data]
    stack: list[tuple[Any, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise FormatError(f"the data is nested more than {MAX_DEPTH} levels deep")
        if isinstance(node, dict):
            for key in list(node):
                value = node[key]
                if isinstance(key, str) and _LONE_SURROGATE.search(key):
                    del node[key]
                    key = fix(key)
                    node[key] = value
                if isinstance(value, str):
                    node[key] = fix(value) if _LONE_SURROGATE.search(value) else value
                elif isinstance(value, (dict, list)):
                    stack.append((value, depth + 1))
        else:
            for index, value in enumerate(node):
                if isinstance(value, str):
                    if _LONE_SURROGATE.search(value):
                        node[index] = fix(value)
                elif isinstance(value, (dict, list)):
                    stack.append((value, depth + 1))
    if replaced:
        notes.append(f"{replaced} character(s) that no file can hold (lone UTF-16 surrogates) were replaced by \ufffd")
    return root[0]


def parse_json(text: bytes | str, source: str | None = None, notes: list[str] | None = None) -> Any:
    """Parse JSON, turning every way it can fail into a one-line FormatError.

    ``source`` names the JSON inside a bigger file (a member of a draft).
    NaN and Infinity are refused (no other tool reads them back), and so is
    data nested too deeply or holding integers too long to read; lone
    surrogates are replaced, with a line added to ``notes``.
    """
    where = f"{source}: " if source else ""
    if not isinstance(text, (bytes, str)):
        raise FormatError(f"{where}not JSON text")
    try:
        if isinstance(text, bytes):
            text = text.decode("utf-8-sig")
        data = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except UnicodeDecodeError as error:
        raise FormatError(f"{where}not UTF-8 text: save it as UTF-8 (Unicode) and try again") from error
    except json.JSONDecodeError as error:
        raise FormatError(f"{where}not valid JSON at line {error.lineno}, column {error.colno}: {_plain_json_problem(error.msg)}") from error
    except _NotFinite as error:
        raise FormatError(f"{where}{error} is not a number other programs can read (NaN and Infinity are not allowed)") from error
    except RecursionError as error:
        raise FormatError(f"{where}the data is nested more than {MAX_DEPTH} levels deep") from error
    except ValueError as error:  # an integer of more than 4,300 digits
        raise FormatError(f"{where}holds a number of more than 4,300 digits, too long to read") from error
    try:
        return _tidy(data, notes if notes is not None else [])
    except FormatError as error:
        raise FormatError([where + line for line in error.problems]) from error


def encode_json(data: Any) -> bytes:
    """JSON text as UTF-8, the way drafts are written. A lone surrogate that
    slipped in anyway becomes its JSON escape, so the write cannot fail."""
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    return text.encode("utf-8", "backslashreplace")


# json's messages are for programmers ("Expecting ',' delimiter"): said plainly.
_JSON_PROBLEMS = (
    ("Expecting ',' delimiter", "a comma or a closing bracket is missing"),
    ("Expecting ':' delimiter", "a colon is missing after a name"),
    ("Expecting property name", "a name in double quotes is expected (a comma too many?)"),
    ("Expecting value", "a value is missing, or the file is empty"),
    ("Unterminated string", "a text in quotes is not closed"),
    ("Invalid control character", "a text holds a raw control character"),
    ("Invalid \\escape", "a backslash escape is not valid"),
    ("Invalid \\uXXXX escape", "a \\u escape is not valid"),
    ("Extra data", "there is more after the end of the data"),
)


def _plain_json_problem(message: str) -> str:
    return next((plain for start, plain in _JSON_PROBLEMS if message.startswith(start)), "the text is not valid JSON")


def file_resolver(base_dir: Path, *, require_media: bool = True) -> MediaResolver:
    """Resolve image paths relative to the folder of an ``article.json``."""

    def resolve(src: str) -> Media | str:
        path = Path(src)
        if not path.is_absolute():
            path = base_dir / path
        if require_media and not path.is_file():
            return f"file not found ({src})"
        return FileMedia(path)

    return resolve


def load_article_json(path: Path, *, require_media: bool = True) -> Article:
    """Read an ``article.json`` whose image paths are relative to its folder."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise FormatError(f"cannot read the file: {error.strerror or error}", path=path) from error
    try:
        data = parse_json(raw)
        article = article_from_dict(data, file_resolver(path.parent, require_media=require_media))
    except FormatError as error:
        error.path = path
        raise
    if article.site is not None:
        article.site.base_dir = path.parent.resolve()
    return article


MAX_PROFILE_BYTES = 1024**2  # a profile is a few lines of JSON


def load_site_profile(path: Path) -> SiteProfile:
    """Read a site profile JSON file; a ``logo`` is relative to its folder."""
    from editor.errors import ProfileError
    from editor.regular_files import read_regular_file

    try:
        data = parse_json(read_regular_file(path, MAX_PROFILE_BYTES, ProfileError, "site profile"))
    except FormatError as error:
        raise ProfileError(error.problems, path=path) from error
    problems = _Problems()
    site = site_from_dict(data, "", problems, base_dir=path.parent.resolve())
    if problems.lines or site is None:
        raise ProfileError(problems.lines or ["the profile must be a JSON object"], path=path)
    return site
