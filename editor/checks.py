"""Pre-publication checks: what an editor would catch by eye, if they had
the time. Each rule has a stable id, a severity, a message in Vietnamese
and English, and points at a field or at a block and its field.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath

from editor import photo_facts, spelling
from editor.errors import ImageError
from editor.fields import Location, article_texts, text_fields
from editor.images import read_photo_facts
from editor.logo import logo_problem
from editor.media import Media
from editor.model import Article, HeadingBlock, ImageBlock, ListBlock, ParagraphBlock, QuoteBlock, SiteProfile
from editor.notes import open_notes
from editor.qr import MAX_PRINTABLE_VERSION, PRINT_SIZE_MM, QUIET_ZONE, qr_version
from editor.share_images import CARD_SIZE
from editor.structured_data import MAX_HEADLINE
from editor.text import has_stray_chars, inline_to_plain, is_web_url

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}
MIN_PHOTO_WIDTH = 800
SHARE_CARD_WIDTH = CARD_SIZE[0]
MAX_ALT = 150
MAX_TITLE = 150
MAX_LEAD_WORDS = 80
GENERIC_ALT = {"ảnh", "hình", "hình ảnh", "image", "photo", "picture", "img", "ảnh minh họa", "ảnh minh hoạ"}


@dataclass(frozen=True)
class Finding:
    id: str
    severity: str
    message_vi: str
    message_en: str
    location: Location
    # The spell check's findings: the word as typed and what to put instead, best first.
    word: str = ""
    suggestions: tuple[str, ...] = ()

    def message(self, language: str) -> str:
        return self.message_vi if language == "vi" else self.message_en

    def as_json(self, language: str) -> dict[str, object]:
        data: dict[str, object] = {"id": self.id, "severity": self.severity, "message": self.message(language),
                                   "location": self.location.describe(), **self.location.as_json()}
        if self.word:
            data.update(word=self.word, suggestions=list(self.suggestions))
        return data


Rule = Callable[[Article, "CheckInput"], Iterator[Finding]]


@dataclass
class CheckInput:
    """What the checks know beyond the model: the texts as they were in the
    file, before loading normalized them (None when there is no file)."""

    raw_texts: list[tuple[Location, str]] | None = None
    read_photos: bool = True
    # The site profile the page is published with (None: not known, and
    # the site's own checks are skipped).
    site: SiteProfile | None = None


def _text_fields(article: Article) -> Iterator[tuple[Location, str]]:
    """Every text a reader sees, with where it is, as plain text: each text
    the model declares (editor/fields.py), then the related news' titles."""
    for text in article_texts(article):
        yield text.location, text.plain
    for index, link in enumerate(article.related):
        yield Location(f"related[{index}].title"), link.title


def _finding(rule_id: str, severity: str, vi: str, en: str, location: Location) -> Finding:
    return Finding(rule_id, severity, vi, en, location)


# --- errors ---------------------------------------------------------------------
def required_fields(article: Article, _: CheckInput) -> Iterator[Finding]:
    if not article.title.strip():
        yield _finding("title-missing", ERROR, "Bài viết chưa có tiêu đề.", "The article has no title.", Location("title"))
    if not inline_to_plain(article.lead).strip():
        yield _finding("lead-missing", ERROR, "Bài viết chưa có sapo (đoạn dẫn).", "The article has no lead.", Location("lead"))
    if not article.author.strip():
        yield _finding("author-missing", ERROR, "Bài viết chưa có tên tác giả.", "The article has no author.", Location("author"))


def body_and_date(article: Article, _: CheckInput) -> Iterator[Finding]:
    if not any(_has_content(block) for block in article.blocks):
        yield _finding("body-missing", ERROR, "Bài viết chưa có nội dung (thân bài trống).", "The article has no body text.", Location("blocks"))
    if article.published is None:
        yield _finding("date-missing", ERROR, "Bài viết chưa có ngày đăng: trang sẽ không có dòng ngày giờ.",
                       "The article has no date: the page would have no date line.", Location("published"))


def _has_content(block: object) -> bool:
    if isinstance(block, ImageBlock):
        return True
    if isinstance(block, (ParagraphBlock, QuoteBlock)):
        return bool(inline_to_plain(block.text).strip())
    if isinstance(block, ListBlock):
        return any(inline_to_plain(item).strip() for item in block.items)
    return isinstance(block, HeadingBlock) and bool(block.text.strip())


def site_profile(_: Article, given: CheckInput) -> Iterator[Finding]:
    """The page's header shows the portal's name and its footer the fanpage
    QR code: without them the page goes out without its portal's marks."""
    site = given.site
    if site is None:
        return
    if not site.name.strip():
        yield _finding("site-name-missing", WARNING, "Chưa có tên cổng thông tin: đầu trang sẽ trống (Hồ sơ trang…).",
                       "The portal's name is not set: the page's header would be empty (Site profile…).", Location("site.name"))
    if not site.fanpage_url.strip():
        yield _finding("fanpage-missing", WARNING, "Chưa có địa chỉ Fanpage: trang sẽ không có mã QR Fanpage (Hồ sơ trang…).",
                       "The fanpage address is not set: the page would have no fanpage QR code (Site profile…).", Location("site.fanpage_url"))
    elif not is_web_url(site.fanpage_url):
        yield _finding("fanpage-invalid", WARNING, "Địa chỉ Fanpage phải bắt đầu bằng http:// hoặc https://; trang sẽ không có mã QR Fanpage.",
                       "The fanpage address must start with http:// or https://; the page would have no fanpage QR code.",
                       Location("site.fanpage_url"))


def image_texts(article: Article, _: CheckInput) -> Iterator[Finding]:
    for index, block in enumerate(article.blocks):
        if not isinstance(block, ImageBlock):
            continue
        if not inline_to_plain(block.caption).strip():
            yield _finding("caption-missing", ERROR, "Ảnh chưa có chú thích.", "A photo has no caption.", Location("caption", block.id, index))
        if not block.alt.strip():
            yield _finding("alt-missing", ERROR, "Ảnh chưa có mô tả thay thế (alt) cho người không xem được ảnh.",
                           "A photo has no alt text for readers who cannot see it.", Location("alt", block.id, index))


def public_url(article: Article, _: CheckInput) -> Iterator[Finding]:
    if not article.url.strip():
        yield _finding("url-missing", ERROR, "Chưa có địa chỉ bài viết trên cổng: mã QR sẽ trống.",
                       "The public address is missing: the QR code would be empty.", Location("url"))
    elif not is_web_url(article.url):
        yield _finding("url-invalid", ERROR, "Địa chỉ bài viết phải bắt đầu bằng http:// hoặc https://; mã QR sẽ trống.",
                       "The public address must start with http:// or https://; the QR code would be empty.", Location("url"))


def image_files(article: Article, _: CheckInput) -> Iterator[Finding]:
    for index, block in enumerate(article.blocks):
        if not isinstance(block, ImageBlock):
            continue
        missing = block.media is None
        if not missing:
            try:
                block.media.read_head(1)  # type: ignore[union-attr]
            except ImageError:
                missing = True
        if missing:
            yield _finding("image-missing", ERROR, f"Không tìm thấy tệp ảnh {block.src}.", f"The photo file {block.src} is missing.",
                           Location("src", block.id, index))


def related_links(article: Article, _: CheckInput) -> Iterator[Finding]:
    for index, link in enumerate(article.related):
        if not link.title.strip():
            yield _finding("related-title-missing", ERROR, "Một tin liên quan chưa có tiêu đề.", "A related article has no title.",
                           Location(f"related[{index}].title"))
        if not is_web_url(link.url):
            yield _finding("related-url-invalid", ERROR, "Địa chỉ tin liên quan phải bắt đầu bằng http:// hoặc https://.",
                           "A related article's address must start with http:// or https://.", Location(f"related[{index}].url"))


# --- warnings -------------------------------------------------------------------
def alt_quality(article: Article, _: CheckInput) -> Iterator[Finding]:
    for index, block in enumerate(article.blocks):
        if not isinstance(block, ImageBlock) or not block.alt.strip():
            continue
        alt = block.alt.strip()
        where = Location("alt", block.id, index)
        if re.fullmatch(r"[\w\-. ]+\.(jpe?g|png|gif|webp|heic|tiff?|bmp|avif)", alt, re.IGNORECASE) or alt == PurePath(block.src).name:
            yield _finding("alt-file-name", WARNING, "Mô tả ảnh (alt) là tên tệp, không nói ảnh có gì.",
                           "The alt text is a file name; it does not say what the photo shows.", where)
        elif alt.lower().rstrip(".") in GENERIC_ALT:
            yield _finding("alt-generic", WARNING, "Mô tả ảnh (alt) quá chung chung; hãy tả người và việc trong ảnh.",
                           "The alt text is too generic; describe who and what is in the photo.", where)
        elif alt == inline_to_plain(block.caption).strip():
            yield _finding("alt-same-as-caption", WARNING, "Mô tả ảnh (alt) trùng chú thích; hãy tả những gì nhìn thấy.",
                           "The alt text repeats the caption; describe what can be seen.", where)
        if len(alt) > MAX_ALT:
            yield _finding("alt-too-long", WARNING, f"Mô tả ảnh (alt) dài hơn {MAX_ALT} ký tự.", f"The alt text is over {MAX_ALT} characters.", where)


def lengths(article: Article, _: CheckInput) -> Iterator[Finding]:
    if len(article.title) > MAX_TITLE:
        yield _finding("title-too-long", WARNING, f"Tiêu đề dài hơn {MAX_TITLE} ký tự.", f"The title is over {MAX_TITLE} characters.", Location("title"))
    if len(inline_to_plain(article.lead).split()) > MAX_LEAD_WORDS:
        yield _finding("lead-too-long", WARNING, f"Sapo dài hơn {MAX_LEAD_WORDS} chữ.", f"The lead is over {MAX_LEAD_WORDS} words.", Location("lead"))


def _photo_facts(media: Media, label: str) -> photo_facts.PhotoFacts:
    """Known (the window's preview converted the photo, or a check read it
    before), or read now. Raises ImageError when its file cannot be read."""
    sha = media.sha256  # kept on the media object after the first read
    facts = photo_facts.known(sha)
    if facts is None:
        facts = read_photo_facts(media.read_bytes(), label)
        photo_facts.remember(sha, facts)
    return facts


def _kept_width(block: ImageBlock, facts: photo_facts.PhotoFacts) -> int:
    """How wide the export makes the photo at most: upright, turned as the
    user turned it, and cropped."""
    width = facts.height if block.rotate in (90, 270) else facts.width
    return round(width * (block.crop.width if block.crop is not None else 1.0))


def photos(article: Article, given: CheckInput) -> Iterator[Finding]:
    """Photo size, duplicates and metadata: reads each photo's header."""
    if not given.read_photos:
        return
    cover = article.cover_image()
    seen: dict[str, int] = {}
    for index, block in enumerate(article.blocks):
        if not isinstance(block, ImageBlock) or block.media is None:
            continue
        where = Location("src", block.id, index)
        try:
            facts = _photo_facts(block.media, block.src)
        except ImageError:
            continue  # the export refuses it with its own message
        if facts.unreadable:
            yield _finding("photo-unreadable", ERROR, "Ảnh hỏng hoặc không giải mã được; bản xuất sẽ từ chối ảnh này.",
                           "The photo is damaged or cannot be decoded; the export would refuse it.", where)
            continue
        width, has_gps, has_camera = _kept_width(block, facts), facts.has_gps, facts.has_camera
        sha = block.media.sha256
        if sha in seen:
            yield _finding("photo-duplicate", WARNING, f"Ảnh này đã có ở khối {seen[sha] + 1}.",
                           f"This photo is already used in block {seen[sha] + 1}.", where)
        seen.setdefault(sha, index)
        if width < MIN_PHOTO_WIDTH:
            # A cover's one finding says it for its share card too, not a second one.
            card_vi, card_en = (
                (f"; ảnh chia sẻ {SHARE_CARD_WIDTH}×630 làm từ ảnh đại diện này cũng sẽ bị phóng to, kém nét",
                 f"; the {SHARE_CARD_WIDTH}×630 share card made from this cover will be enlarged and soft too")
                if block is cover else ("", ""))
            yield _finding("photo-too-narrow", WARNING, f"Ảnh chỉ rộng {width} px (nên từ {MIN_PHOTO_WIDTH} px){card_vi}.",
                           f"The photo is only {width} px wide (at least {MIN_PHOTO_WIDTH} px is better){card_en}.", where)
        if has_gps:
            yield _finding("photo-gps", INFO, "Ảnh gốc có tọa độ GPS; bản xuất bản đã được xóa thông tin này.",
                           "The original photo carries GPS coordinates; the exported copy has them removed.", where)
        elif has_camera:
            yield _finding("photo-camera-data", INFO, "Ảnh gốc có thông tin máy ảnh; bản xuất bản đã được xóa thông tin này.",
                           "The original photo carries camera data; the exported copy has it removed.", where)


def share_card(article: Article, given: CheckInput) -> Iterator[Finding]:
    """What a link shared on Facebook or Zalo shows: the cover's card
    (editor/share_images.py), 1200 px wide if the photo has the pixels."""
    cover = article.cover_image()
    if cover is None:
        yield _finding("share-photo-missing", WARNING,
                       "Bài không có ảnh: khi chia sẻ lên Facebook, Zalo, liên kết sẽ không có ảnh đại diện.",
                       "The article has no photo: a link shared on Facebook or Zalo would show no picture.", Location("blocks"))
        return
    if not given.read_photos or cover.media is None:
        return
    try:
        facts = _photo_facts(cover.media, cover.src)
    except ImageError:
        return  # the export refuses it with its own message
    if facts.unreadable:
        return
    kept = _kept_width(cover, facts)
    # Under MIN_PHOTO_WIDTH, the photo's own finding says it for the card too.
    if MIN_PHOTO_WIDTH <= kept < SHARE_CARD_WIDTH:
        index = next(i for i, block in enumerate(article.blocks) if block is cover)
        yield _finding("share-cover-narrow", WARNING,
                       f"Ảnh đại diện chỉ rộng {kept} px: ảnh chia sẻ {SHARE_CARD_WIDTH}×630 sẽ bị phóng to, kém nét (nên từ {SHARE_CARD_WIDTH} px).",
                       f"The cover photo is only {kept} px wide: the {SHARE_CARD_WIDTH}×630 share card will be enlarged and soft "
                       f"(at least {SHARE_CARD_WIDTH} px is better).", Location("src", cover.id, index))


def headline_length(article: Article, _: CheckInput) -> Iterator[Finding]:
    if len(" ".join(article.title.split())) > MAX_HEADLINE:
        yield _finding("headline-too-long", WARNING,
                       f"Tiêu đề dài hơn {MAX_HEADLINE} ký tự: Google chỉ lấy {MAX_HEADLINE} ký tự đầu làm tiêu đề bài (dữ liệu có cấu trúc).",
                       f"The title is over {MAX_HEADLINE} characters: Google takes only the first {MAX_HEADLINE} as the article's headline "
                       "(structured data).", Location("title"))


def section_missing(article: Article, _: CheckInput) -> Iterator[Finding]:
    if not article.section.strip():
        yield _finding("section-missing", WARNING, "Bài chưa chọn chuyên mục: trang và bài đăng lên cổng sẽ không thuộc chuyên mục nào.",
                       "The article has no section: the page and the published post would belong to none.", Location("section"))


def qr_density(article: Article, given: CheckInput) -> Iterator[Finding]:
    """A long address makes a dense code: beyond version 10 (57 modules a
    side) a code printed at the stylesheet's size has small modules that
    older phones and poor light miss (issue 19)."""
    codes = [("url", article.url)]
    if given.site is not None:
        codes.append(("site.fanpage_url", given.site.fanpage_url))
    for field, address in codes:
        if not is_web_url(address):
            continue
        version = qr_version(address)
        if version > MAX_PRINTABLE_VERSION:
            side = 17 + 4 * version
            module = PRINT_SIZE_MM / (side + 2 * QUIET_ZONE)
            yield _finding("qr-too-dense", WARNING,
                           f"Địa chỉ dài ({len(address)} ký tự): mã QR cần phiên bản {version} ({side} ô mỗi cạnh), khi in mỗi ô chỉ "
                           f"{module:.2f} mm, điện thoại khó quét. Địa chỉ ngắn hơn cho mã dễ quét hơn.",
                           f"The address is long ({len(address)} characters): its QR code needs version {version} ({side} modules a "
                           f"side), printed at {module:.2f} mm a module, dense enough that phones miss it. A shorter address "
                           "gives a code that scans more easily.", Location(field))


# Characters of the TCVN3 (ABC) and VNI fonts as they show when their text
# is read as Windows-1252: they almost never occur in real Vietnamese Unicode.
_TCVN3_MARKS = set("¸µ¶·¹¨©®¬­«ª»¼½¾ÆÇ×ØÜÝÞßãåæçèéêëìíîïðñòóôõöøùúûüýþ")
_VNI_PAIR = re.compile(r"[aeiouyAEIOUY][øùûõïöåäë]|[ñÑ]")
# Letters only real Unicode Vietnamese has: their presence rules out TCVN3.
_MODERN_VIETNAMESE = re.compile(r"[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)


def encoding(article: Article, given: CheckInput) -> Iterator[Finding]:
    texts = given.raw_texts if given.raw_texts is not None else list(_text_fields(article))
    for location, text in texts:
        if has_stray_chars(text):
            yield _finding("text-control-chars", WARNING,
                           "Văn bản gốc có ký tự điều khiển hoặc ký tự lạ không nhìn thấy; đã bỏ khi mở, nên sửa nguồn.",
                           "The source text holds control or invisible stray characters; they were removed on loading; fix the source.",
                           location)
        if text != unicodedata.normalize("NFC", text):
            yield _finding("text-decomposed", WARNING, "Văn bản gốc ở dạng tổ hợp (NFD); đã chuẩn hóa khi mở, nên sửa nguồn.",
                           "The source text is decomposed (NFD); it was normalized on loading; fix the source.", location)
    for location, text in _text_fields(article):
        # VNI first: its vowel-plus-mark pairs are the more specific sign.
        if len(_VNI_PAIR.findall(text)) >= 3:
            yield _finding("text-vni", WARNING, "Văn bản có vẻ là mã VNI cũ, hiện sai dấu.",
                           "The text looks like legacy VNI encoding: its diacritics show wrong.", location)
        elif sum(char in _TCVN3_MARKS for char in text) >= 3 and not _MODERN_VIETNAMESE.search(text):
            yield _finding("text-tcvn3", WARNING, "Văn bản có vẻ là mã TCVN3 (ABC) cũ, hiện sai dấu.",
                           "The text looks like legacy TCVN3 (ABC) encoding: its diacritics show wrong.", location)


_OLD_STYLE = re.compile(r"(?i)(?<![a-zđ])(?:h|th|kh|ng|q)?(òa|óa|ỏa|õa|ọa|òe|óe|ỏe|õe|ọe|ùy|úy|ủy|ũy|ụy)(?![a-zđ])")
_NEW_STYLE = re.compile(r"(?i)(?<![a-zđ])(?:h|th|kh|ng|q)?(oà|oá|oả|oã|oạ|oè|oé|oẻ|oẽ|oẹ|uỳ|uý|uỷ|uỹ|uỵ)(?![a-zđ])")


def tone_styles(article: Article, _: CheckInput) -> Iterator[Finding]:
    text = " ".join(t for _, t in _text_fields(article))
    old, new = _OLD_STYLE.search(text), _NEW_STYLE.search(text)
    if old and new:
        yield _finding("tone-styles-mixed", WARNING,
                       f"Bài dùng cả hai kiểu bỏ dấu (“{old.group(0)}” và “{new.group(0)}”); nên thống nhất.",
                       f"Both tone-mark styles are used (“{old.group(0)}” and “{new.group(0)}”); unify them.", Location("title"))


def typography(article: Article, _: CheckInput) -> Iterator[Finding]:
    for location, text in _text_fields(article):
        if "  " in text.replace("\n", " "):
            yield _finding("double-space", WARNING, "Có hai dấu cách liền nhau.", "There are two spaces in a row.", location)
        if re.search(r"\s[,.;:!?…]", text):
            yield _finding("space-before-punctuation", WARNING, "Có dấu cách trước dấu câu.", "There is a space before punctuation.", location)
        if '"' in text and ("“" in text or "”" in text):
            yield _finding("quotes-mixed", WARNING, "Lẫn ngoặc kép thẳng (\") và cong (“ ”).", 'Straight (") and curly (“ ”) quotes are mixed.', location)


def site_logo(article: Article, given: CheckInput) -> Iterator[Finding]:
    """A logo the export would refuse: not an image, or a file the profile
    may not point at (outside its folder or draft, a device, a pipe). With
    no profile known (the window's checklist), the article's own logo."""
    problem = logo_problem(given.site if given.site is not None else article.site)
    if problem is not None:
        yield _finding("site-logo-unusable", ERROR, "Không dùng được logo của cổng: tệp không phải ảnh, hoặc nằm ngoài bản thảo hay thư mục của hồ sơ.",
                       f"The site logo cannot be used ({problem}).", Location("site.logo"))


def empty_paragraphs(article: Article, _: CheckInput) -> Iterator[Finding]:
    for index, block in enumerate(article.blocks):
        if isinstance(block, ParagraphBlock) and not inline_to_plain(block.text).strip():
            yield _finding("paragraph-empty", WARNING, "Đoạn văn trống.", "An empty paragraph.", Location("text", block.id, index))


def notes_open(article: Article, _: CheckInput) -> Iterator[Finding]:
    for index, block, note in open_notes(article):
        yield _finding("note-open", WARNING, f"Ghi chú chưa giải quyết của {note.author or '?'}: {note.text}",
                       f"An open note by {note.author or '?'}: {note.text}", Location("notes", block.id, index))


# The spell check (editor/spelling.py): one id per kind of fault, with its sentence.
_SPELLING_MESSAGES = {
    spelling.SYLLABLE: ("spelling-syllable", "Không phải một tiếng (âm tiết) tiếng Việt", "Not a Vietnamese syllable"),
    spelling.MARK: ("spelling-mark", "Dấu thanh đặt sai chỗ", "The tone mark is on the wrong vowel"),
    spelling.TELEX: ("spelling-telex", "Chữ gõ Telex/VNI còn nguyên (bộ gõ bị tắt?)", "Telex or VNI keys left as typed (was the input method off?)"),
    spelling.CONFUSED: ("spelling-confused", "Từ hay bị viết nhầm", "A word often confused"),
}


def spelling_options(article: Article, site: SiteProfile | None) -> spelling.Options:
    """How the article is spell-checked: the site's tone-mark style for the
    suggestions, the site's dictionary and the article's ignored words left alone."""
    site = site if site is not None else article.site
    dictionary = site.dictionary if site is not None else []
    return spelling.Options(style=site.tone_marks if site is not None else "",
                            known=spelling.known_words(dictionary, article.spelling_ignored))


@lru_cache(maxsize=8192)
def _misspellings(text: str, options: spelling.Options) -> tuple[spelling.Misspelling, ...]:
    """By text: the checklist runs at every pause in typing, and only the
    paragraph typed in has changed since the last run."""
    return tuple(spelling.check_text(text, options))


def spelling_findings(article: Article, given: CheckInput) -> Iterator[Finding]:
    options = spelling_options(article, given.site)
    for location, text in _text_fields(article):
        for found in _misspellings(text, options):
            rule_id, vi, en = _SPELLING_MESSAGES[found.kind]
            quoted = f"“{spelling.describe(found)}”"
            yield Finding(rule_id, WARNING, f"{vi}: {quoted}.", f"{en}: {quoted}.", location, found.word, found.suggestions)


RULES: tuple[Rule, ...] = (
    required_fields, body_and_date, site_profile, image_texts, public_url, image_files, related_links,
    alt_quality, lengths, photos, encoding, tone_styles, typography, empty_paragraphs, site_logo, notes_open,
    share_card, headline_length, section_missing, qr_density,
    spelling_findings,
)


def check_article(article: Article, given: CheckInput | None = None) -> list[Finding]:
    """Every finding, errors first, then in reading order."""
    given = given or CheckInput()
    findings = [finding for rule in RULES for finding in rule(article, given)]
    return sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity],))


def has_errors(findings: list[Finding]) -> bool:
    return any(finding.severity == ERROR for finding in findings)


def raw_texts(data: object, article: Article) -> list[tuple[Location, str]]:
    """The texts of an ``article/1`` object as written in the file, before
    loading normalized them, each where the loaded article has it."""
    if not isinstance(data, dict):
        return []
    texts: list[tuple[Location, str]] = []
    for field in text_fields(type(article)):
        if isinstance(data.get(field.name), str):
            texts.append((Location(field.name), data[field.name]))
    blocks = data.get("blocks")
    for index, raw in enumerate(blocks if isinstance(blocks, list) else []):
        if not isinstance(raw, dict) or index >= len(article.blocks):
            continue
        block = article.blocks[index]
        for field in text_fields(type(block)):
            if isinstance(raw.get(field.name), str):
                texts.append((Location(field.name, block.id, index), raw[field.name]))
            elif field.many and isinstance(raw.get(field.name), list):
                texts.extend((Location(f"{field.name}[{item}]", block.id, index), text)
                             for item, text in enumerate(raw[field.name]) if isinstance(text, str))
    return texts
