"""The article model: plain data classes, no Qt, no I/O.

Every string assigned to a text field is cleaned on the way in: NFC always,
and inline fields (lead, paragraph, quote, caption, list items) are also sanitized to
bold, italic, line breaks and links. The article's texts are declared with
a label where they are defined; ``editor/fields.py`` reads that declaration
for everything that searches, checks, counts or saves them. Unknown fields
read from a file are kept in ``extra`` so that a round trip loses nothing.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar, Literal

from editor.fields import QT_TRANSLATE_NOOP, Kind
from editor.media import Media
from editor.notes import Note
from editor.regular_files import reference_problem
from editor.review import Review
from editor.text import clean_inline, clean_plain, clean_single_line

DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
LANGUAGES = ("vi", "en")


def _clean_tags(tags: list[str]) -> list[str]:
    return [clean_single_line(tag) for tag in tags]


def _text(default: str, kind: Kind, cleaner: Callable[[str], str], label: str | None, counted: bool) -> Any:
    # The label declares the field one of the article's texts (editor/fields.py).
    metadata: dict[str, Any] = {"clean": cleaner, "kind": kind}
    if label is not None:
        metadata.update(label=label, counted=counted)
    return field(default=default, metadata=metadata)


def inline_text(default: str = "", *, label: str | None = None, counted: bool = False) -> Any:
    """A field holding a sanitized inline HTML fragment."""
    return _text(default, "inline", clean_inline, label, counted)


def plain_text(default: str = "", *, label: str | None = None, counted: bool = False) -> Any:
    """A field holding plain text, escaped when rendered."""
    return _text(default, "plain", clean_plain, label, counted)


def line_text(default: str = "", *, label: str | None = None, counted: bool = False) -> Any:
    """A plain field that is a single line (title, names, URLs)."""
    return _text(default, "line", clean_single_line, label, counted)


def _clean_items(items: Iterable[str]) -> tuple[str, ...]:
    if isinstance(items, str):  # one string would become a list of its letters
        raise TypeError("a list's items are a sequence of inline texts, not one string")
    return tuple(clean_inline(item) for item in items)


def inline_items(*, label: str, counted: bool = False) -> Any:
    """A field holding several sanitized inline fragments (a list's items):
    each is one of the article's texts, at ``name[index]`` (editor/fields.py)."""
    return field(default=(), metadata={"clean": _clean_items, "kind": "inline", "many": True, "label": label, "counted": counted})


class _CleansOnAssign:
    """Applies each field's cleaner to every string assigned to it."""

    def __setattr__(self, name: str, value: Any) -> None:
        spec = self.__dataclass_fields__.get(name)  # type: ignore[attr-defined]
        cleaner: Callable[[Any], Any] | None = spec.metadata.get("clean") if spec else None
        if cleaner is not None and value is not None:
            value = cleaner(value)
        object.__setattr__(self, name, value)


def new_block_id() -> str:
    """A fresh id for a block created in the app."""
    return "b" + secrets.token_hex(5)


@dataclass(eq=True)
class Block(_CleansOnAssign):
    type: ClassVar[str] = ""
    id: str = field(default_factory=new_block_id)
    extra: dict[str, Any] = field(default_factory=dict)
    # Reviewers' notes (editor/notes.py): they travel with the block.
    notes: tuple[Note, ...] = ()


@dataclass(eq=True)
class ParagraphBlock(Block):
    type: ClassVar[str] = "paragraph"
    text: str = inline_text(label=QT_TRANSLATE_NOOP("TextField", "Paragraph"), counted=True)


@dataclass(eq=True)
class HeadingBlock(Block):
    type: ClassVar[str] = "heading"
    text: str = line_text(label=QT_TRANSLATE_NOOP("TextField", "Subheading"), counted=True)
    level: Literal[2, 3] = 2


@dataclass(eq=True)
class QuoteBlock(Block):
    type: ClassVar[str] = "quote"
    text: str = inline_text(label=QT_TRANSLATE_NOOP("TextField", "Quotation"), counted=True)
    cite: str = line_text(label=QT_TRANSLATE_NOOP("TextField", "Who said it"))


# A numbered list's first number: HTML takes any integer; these are what a
# news article can mean (a list going on after a paragraph), and keep the
# page's markers narrow.
MIN_LIST_START, MAX_LIST_START = 0, 9999


@dataclass(eq=True)
class ListBlock(Block):
    """A bulleted list, or a numbered one (``ordered``) whose first number
    is ``start`` (a list that goes on after a paragraph: "3. …")."""

    type: ClassVar[str] = "list"
    items: tuple[str, ...] = inline_items(label=QT_TRANSLATE_NOOP("TextField", "List item"), counted=True)
    ordered: bool = False
    start: int = 1


@dataclass(frozen=True)
class Crop:
    """The kept part of a photo, as fractions of its upright, rotated size."""

    left: float = 0.0
    top: float = 0.0
    width: float = 1.0
    height: float = 1.0

    def is_valid(self) -> bool:
        return (
            0 <= self.left < 1 and 0 <= self.top < 1 and 0 < self.width <= 1 and 0 < self.height <= 1
            and self.left + self.width <= 1.0000001 and self.top + self.height <= 1.0000001
        )


@dataclass(frozen=True)
class Focus:
    """A point of a photo, as fractions of its upright, rotated size."""

    x: float = 0.5
    y: float = 0.5

    def is_valid(self) -> bool:
        return 0 <= self.x <= 1 and 0 <= self.y <= 1


@dataclass(eq=True)
class ImageBlock(Block):
    """A photo with its caption. ``src`` is how the source file named it;
    ``media`` is where its original bytes are (``None`` when missing).

    ``rotate`` and ``crop`` are edit settings applied on export; the
    original bytes are never rewritten. ``cover`` marks the article's
    social-media image."""

    type: ClassVar[str] = "image"
    src: str = ""
    caption: str = inline_text(label=QT_TRANSLATE_NOOP("TextField", "Caption"))
    alt: str = line_text(label=QT_TRANSLATE_NOOP("TextField", "Alt text"))
    credit: str = line_text(label=QT_TRANSLATE_NOOP("TextField", "Credit"))
    rotate: int = 0  # degrees clockwise: 0, 90, 180 or 270
    crop: Crop | None = None
    cover: bool = False
    # Where the share card and the structured data's crops centre: a point
    # in the same fractions as ``crop`` (None: the centre of the kept part).
    focus: Focus | None = None
    media: Media | None = field(default=None, compare=False)


BLOCK_TYPES: dict[str, type[Block]] = {
    cls.type: cls for cls in (ParagraphBlock, HeadingBlock, QuoteBlock, ListBlock, ImageBlock)
}


@dataclass(eq=True)
class RelatedLink(_CleansOnAssign):
    """One entry of "Tin khác": another article of the portal."""

    title: str = line_text()
    url: str = line_text()
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(eq=True)
class SiteProfile(_CleansOnAssign):
    """The portal the article is published on; empty fields are unset."""

    name: str = line_text()
    url: str = line_text()
    fanpage_url: str = line_text()
    fanpage_label: str = line_text()
    logo: str = line_text()
    # Where *Unify tone marks* puts them: "old" (hòa, thủy), "new" (hoà,
    # thuỷ), or "" for not chosen. Text is never changed without asking.
    tone_marks: str = line_text()
    # The copyright notice written into every exported photo ("© Cổng TTĐT …").
    copyright: str = line_text()
    # The site's sections (chuyên mục), offered in the article's form.
    sections: list[str] = field(default_factory=list, metadata={"clean": _clean_tags})
    # Credits and captions inside the exported photos (IPTC/XMP); None: on.
    photo_metadata: bool | None = None
    # The office's own words for the spell check (names, loanwords, local
    # terms): never flagged in any article published with this profile.
    dictionary: list[str] = field(default_factory=list, metadata={"clean": _clean_tags})
    # Where ``logo`` is relative to: the folder of the file it came from.
    base_dir: Path | None = field(default=None, compare=False)
    # A draft's own logo is a member of that draft (editor/logo.py).
    logo_archive: Path | None = field(default=None, compare=False)
    # The user chose the logo in the app: any file on this computer.
    logo_anywhere: bool = field(default=False, compare=False)
    extra: dict[str, Any] = field(default_factory=dict)

    FIELDS: ClassVar[tuple[str, ...]] = ("name", "url", "fanpage_url", "fanpage_label", "logo", "tone_marks", "copyright")
    # The fields that are not one line of text: overridden when set (a list
    # that is not empty, a true or false), as the text fields are.
    OTHER_FIELDS: ClassVar[tuple[str, ...]] = ("sections", "photo_metadata")

    def writes_photo_metadata(self) -> bool:
        return self.photo_metadata is not False

    def logo_path(self) -> Path | None:
        """The logo's file on this computer: any the user chose in the app;
        from a profile or article file only one named below its folder;
        None for a draft's (a member) or a reference that may not be followed."""
        if not self.logo or self.logo_archive is not None:
            return None
        path = Path(self.logo)
        if self.logo_anywhere:
            return self.base_dir / path if self.base_dir is not None and not path.is_absolute() else path
        if self.base_dir is None or reference_problem(self.logo) is not None:
            return None
        return self.base_dir / path

    def overridden_by(self, other: SiteProfile | None) -> SiteProfile:
        """This profile with every non-empty field of ``other`` on top."""
        if other is None:
            return self
        source = other if other.logo else self  # where the logo comes from decides where it may be
        merged = SiteProfile(base_dir=source.base_dir, logo_archive=source.logo_archive, logo_anywhere=source.logo_anywhere,
                             extra={**self.extra, **other.extra})
        for name in self.FIELDS:
            setattr(merged, name, getattr(other, name) or getattr(self, name))
        merged.sections = list(other.sections or self.sections)
        merged.photo_metadata = self.photo_metadata if other.photo_metadata is None else other.photo_metadata
        merged.dictionary = list(dict.fromkeys([*self.dictionary, *other.dictionary]))  # both offices' words
        return merged


@dataclass(eq=True)
class Article(_CleansOnAssign):
    # The text fields are declared with their labels, in reading order
    # around ``blocks`` (editor/fields.py walks them in this order).
    title: str = line_text(label=QT_TRANSLATE_NOOP("TextField", "&Title"), counted=True)
    language: str = "vi"
    # Aware datetime; shown in ``timezone`` when set, else in its own offset.
    published: datetime | None = None
    # Aware datetime of the last change worth telling readers (article:modified_time).
    updated: datetime | None = None
    timezone: str | None = DEFAULT_TIMEZONE
    # An administrative document's number and symbol ("12/QĐ-UBND"), shown
    # under the date line; read from the document's "Số: …" by the Word import.
    document_number: str = line_text(label=QT_TRANSLATE_NOOP("TextField", "Num&ber and symbol"))
    lead: str = inline_text(label=QT_TRANSLATE_NOOP("TextField", "&Lead"), counted=True)
    blocks: list[Block] = field(default_factory=list)
    author: str = line_text(label=QT_TRANSLATE_NOOP("TextField", "A&uthor"))
    source: str = line_text(label=QT_TRANSLATE_NOOP("TextField", "&Source"))
    # The portal's section (chuyên mục), chosen from the site profile's list:
    # article:section, the JSON-LD's articleSection, and the category a
    # publish files the post under.
    section: str = line_text(label=QT_TRANSLATE_NOOP("TextField", "Sectio&n"))
    # Addresses are cleaned as one line but are not texts: no label.
    original_url: str = line_text()
    url: str = line_text()
    related: list[RelatedLink] = field(default_factory=list)
    tags: list[str] = field(default_factory=list, metadata={"clean": _clean_tags})
    # Words the spell check leaves alone in this article ("Ignore in this article").
    spelling_ignored: list[str] = field(default_factory=list, metadata={"clean": _clean_tags})
    # The article's own override of the site profile, if any.
    site: SiteProfile | None = None
    # Where the draft is in the office's review (editor/review.py).
    review: Review = field(default_factory=Review)
    extra: dict[str, Any] = field(default_factory=dict)
    # Members of the draft file that this version does not use (revisions,
    # files of newer versions): written back unchanged on save.
    kept_files: dict[str, Media] = field(default_factory=dict, compare=False)
    # What opening the file had to change so that it can be saved again.
    load_notes: list[str] = field(default_factory=list, compare=False)

    def block(self, block_id: str) -> Block:
        for block in self.blocks:
            if block.id == block_id:
                return block
        raise KeyError(block_id)

    def images(self) -> list[ImageBlock]:
        return [block for block in self.blocks if isinstance(block, ImageBlock)]

    def cover_image(self) -> ImageBlock | None:
        """The photo for social media: the one marked as cover, else the first."""
        images = self.images()
        return next((block for block in images if block.cover), images[0] if images else None)

    def local_published(self) -> datetime | None:
        """``published`` in the article's time zone, for the date line."""
        return self._local(self.published)

    def local_updated(self) -> datetime | None:
        """``updated`` in the article's time zone."""
        return self._local(self.updated)

    def _local(self, moment: datetime | None) -> datetime | None:
        if moment is None:
            return None
        if self.timezone:
            from zoneinfo import ZoneInfo

            return moment.astimezone(ZoneInfo(self.timezone))
        return moment
