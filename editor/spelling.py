"""Vietnamese spell check: what in a text is not written as Vietnamese is.

Vietnamese is written in syllables from a closed set (``editor/syllables.py``),
so a word is either one of them or it is not. For a text, ``check_text``
yields a ``Misspelling`` for each of:

- ``syllable``: not a Vietnamese syllable ("nguoif" aside, see telex), with
  the nearest syllables as suggestions, nearness counted in Telex keys so
  that a missing horn or a wrong tone is one step, as on the keyboard;
- ``mark``: a syllable whose tone mark sits on the wrong vowel ("nứơc",
  "tóan", "qúa"), with its one fix;
- ``telex``: Telex or VNI keys left as typed with the input method off
  ("Quaanj", "dduwowngf", "Vie65t"); consecutive words make one stretch,
  converted together;
- ``confused``: a phrase from the curated list of words people confuse
  (``resources/spelling/confused.tsv``, with its sources): "sáng lạn" for
  "xán lạn".

Never flagged: numbers, web and e-mail addresses, file and domain names,
all-caps abbreviations (UBND, HĐND, NQ/TW), words in another script or with
letters Vietnamese does not have, words with digits that are not VNI, the
site's and the article's own words, and a capitalized word that is not a
syllable and not Telex or VNI: a name or a loanword (Fanpage, Internet).
Both tone-mark styles are correct spelling ("hòa" and "hoà"); ``style``
only chooses how suggestions are written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from editor.syllables import all_syllables, bare_syllables, place_tone, syllables, tones_for
from editor.typing_codes import decode_telex, decode_vni, encode_telex
from editor.vietnamese import NEW, OLD, place_tone_marks, split_tone

SYLLABLE, MARK, TELEX, CONFUSED = "syllable", "mark", "telex", "confused"
MAX_SUGGESTIONS = 5


@dataclass(frozen=True)
class Misspelling:
    kind: str  # SYLLABLE, MARK, TELEX or CONFUSED
    start: int  # where the word is in the text, [start, end)
    end: int
    word: str  # as typed
    suggestions: tuple[str, ...]  # best first; may be empty for SYLLABLE


@dataclass(frozen=True)
class Options:
    # "old" or "new": how suggestions place the tone mark ("" counts as old,
    # the style of the portal's own articles: "Quận ủy").
    style: str = ""
    # Words never flagged: the site's dictionary and the article's ignored
    # words, compared in lower case and NFC.
    known: frozenset[str] = frozenset()
    suggest: bool = True  # False: only where, for the highlighter


def known_words(*lists: Iterable[str]) -> frozenset[str]:
    """The words of ``lists`` as ``Options.known`` compares them."""
    return frozenset(unicodedata.normalize("NFC", word.strip()).lower() for words in lists for word in words if word.strip())


# --- what is not a word to check ----------------------------------------------------

# Web and e-mail addresses, and names with a dot inside (haiphong.gov.vn,
# anh-1.jpg, v.v.): never Vietnamese syllables.
_SKIPPED = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\w[\w-]*(?:\.\w[\w-]*)+", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# The letters of Vietnamese words, with every tone: any other letter (ñ, ü,
# ç, Cyrillic, Chinese) makes a foreign word that is not checked.
_VIETNAMESE_LETTERS = frozenset(
    unicodedata.normalize("NFC", base + tone)
    for base in "abcdefghijklmnopqrstuvwxyzăâđêôơư"
    for tone in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
    if len(unicodedata.normalize("NFC", base + tone)) == 1
)
_VIETNAMESE_ONLY = frozenset("ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ")


def _is_vietnamese_letters(lower: str) -> bool:
    return all(char in _VIETNAMESE_LETTERS or char.isdigit() for char in lower)


def _with_case(word: str, like: str) -> str:
    """``word`` in the case of ``like``: "QUẬN", "Quận" or "quận"."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


# --- one word -----------------------------------------------------------------------------

def _style(options: Options) -> str:
    return NEW if options.style == NEW else OLD


def _mark_fix(lower: str, style: str) -> str | None:
    """The syllable with its tone mark moved to the right vowel, if that is its only fault."""
    bare, tones = split_tone(lower)
    if len(tones) != 1 or bare not in bare_syllables() or tones not in tones_for(bare):
        return None
    fixed = place_tone(bare, tones, style)
    return fixed if fixed != lower else None


def _telex_fix(word: str, style: str) -> str | None:
    """The syllable ``word`` types in Telex or VNI, if it is keys left as typed."""
    if not word.isascii():
        return None
    decoded = decode_vni(word, style) if any(char.isdigit() for char in word) else decode_telex(word, style)
    return decoded if decoded is not None and decoded.lower() != word.lower() else None


def check_word(word: str, options: Options) -> Misspelling | None:
    """The finding for one word (letters and digits, no spaces), or None."""
    lower = word.lower()
    style = _style(options)
    if not any(char.isalpha() for char in word) or not _is_vietnamese_letters(lower):
        return None
    if lower in options.known:
        return None
    if any(char.isdigit() for char in word):
        fix = _telex_fix(word, style)
        return Misspelling(TELEX, 0, len(word), word, (fix,)) if fix else None
    if len(word) == 1 or any(char.isupper() for char in word[1:]):
        return None  # UBND, HĐND, NQ: abbreviations; iPhone, eKYC: brands; a), b): list labels
    if lower in all_syllables():
        return None
    # The mark's one fix, or the keys' conversion, comes first; the nearest
    # syllables follow, for the swapped letters that look like either ("triá",
    # "quaan").
    mark = _mark_fix(lower, style)
    if mark is not None:
        return Misspelling(MARK, 0, len(word), word, _first(_with_case(mark, word), word, options, swaps_only=True))
    telex = _telex_fix(word, style)
    if telex is not None:
        return Misspelling(TELEX, 0, len(word), word, _first(telex, word, options, swaps_only=False))
    if word[0].isupper():
        return None  # a name or a loanword: Fanpage, Internet
    if lower in _loanwords() or not any(char in _VIETNAMESE_ONLY for char in lower) and any(char in "fjwz" for char in lower):
        return None  # a loanword: link, online; facebook, zalo (letters Vietnamese does not have)
    found = suggestions(lower, style) if options.suggest else ()
    return Misspelling(SYLLABLE, 0, len(word), word, tuple(_with_case(s, word) for s in found))


def _first(fix: str, word: str, options: Options, swaps_only: bool) -> tuple[str, ...]:
    """``fix`` first, then the nearest syllables that keep the typed letters:
    swapped (a mark "on the wrong vowel" that is really "triá" for "trái"),
    or, for Telex, one letter more or fewer (a doubled "quaan" for "quan")."""
    if not options.suggest:
        return (fix,)
    letters = _letters(word.lower())

    def keeps(other: str) -> bool:
        mine = _letters(other)
        return sorted(mine) == sorted(letters) or not swaps_only and (_within(letters, mine) or _within(mine, letters))

    others = [_with_case(other, word) for other in suggestions(word.lower(), _style(options)) if other != fix.lower() and keeps(other)]
    return (fix, *others[: MAX_SUGGESTIONS - 1])


@cache
def _loanwords() -> frozenset[str]:
    """Loanwords common in the news, written as in their language (link,
    online, video): ``resources/spelling/loanwords.txt``, the project's own."""
    text = resources.files("resources").joinpath("spelling", "loanwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


# --- suggestions: the nearest syllables in Telex keys --------------------------------------

def _keys(syllable: str) -> str:
    return encode_telex(syllable).lower()


@cache
def _frequency() -> dict[str, int]:
    """How often each syllable occurs in real administrative text
    (``resources/spelling/frequency.tsv``, made by tools/count_syllables.py),
    by its letters in the new style: it ranks suggestions, "duong" → "đường"."""
    text = resources.files("resources").joinpath("spelling", "frequency.tsv").read_text(encoding="utf-8")
    counts = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, count = line.split("\t")
            counts[word] = int(count)
    return counts


@cache
def _by_letters(style: str) -> dict[str, tuple[str, ...]]:
    """Syllables by their letters without marks: "duong" → đường, dương, duông…"""
    found: dict[str, list[str]] = {}
    for syllable in syllables(style):
        found.setdefault(_letters(syllable), []).append(syllable)
    return {letters: tuple(sorted(group)) for letters, group in found.items()}


@cache
def _index(style: str) -> dict[str, tuple[str, ...]]:
    """Each syllable's keys and each of its keys less one key → the syllables
    (symmetric deletion: two strings one edit apart share an entry)."""
    index: dict[str, set[str]] = {}
    for syllable in syllables(style):
        keys = _keys(syllable)
        for variant in {keys, *(keys[:i] + keys[i + 1:] for i in range(len(keys)))}:
            index.setdefault(variant, set()).add(syllable)
    return {variant: tuple(sorted(found)) for variant, found in index.items()}


def _distance(one: str, other: str) -> int:
    """Edit distance with adjacent swaps (optimal string alignment)."""
    previous2: list[int] = []
    previous = list(range(len(other) + 1))
    for i, a in enumerate(one, 1):
        current = [i] + [0] * len(other)
        for j, b in enumerate(other, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == other[j - 2] and one[i - 2] == b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def _letters(word: str) -> str:
    """The word without any mark: "nước" → "nuoc"."""
    return "".join(char for char in unicodedata.normalize("NFD", word) if not unicodedata.combining(char)).replace("đ", "d")


_ALPHABET = tuple(sorted(char for char in _VIETNAMESE_LETTERS if char.isalpha()))


def _one_edit(word: str) -> set[str]:
    """Every string one letter away from ``word``: a letter dropped, swapped
    with its neighbour, changed or added (a doubled "đđạo", "trogn")."""
    edits = {word[:i] + word[i + 1:] for i in range(len(word))}
    edits |= {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)}
    edits |= {word[:i] + char + word[i + 1:] for i in range(len(word)) for char in _ALPHABET}
    edits |= {word[:i] + char + word[i:] for i in range(len(word) + 1) for char in _ALPHABET}
    return edits


def _within(short: str, long: str) -> bool:
    """Whether ``short`` is ``long`` with one letter left out."""
    return len(long) == len(short) + 1 and any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _shapes(word: str) -> list[str]:
    return sorted(char for char in split_tone(word)[0] if char in "ăâđêôơư")


@lru_cache(maxsize=4096)  # the checklist runs at every pause in typing: a word's suggestions are made once
def suggestions(lower: str, style: str) -> tuple[str, ...]:
    """The syllables nearest to ``lower``, best first. Near is one edit of
    its letters or of its Telex keys (a missing horn, a wrong tone, a shape
    key left off); among equals, the one that keeps the marks typed, then
    the more common syllable."""
    typed = _keys(lower)
    index = _index(style)
    valid = syllables(style)
    candidates: set[str] = {edit for edit in _one_edit(lower) if edit in valid}
    for variant in {typed, *(typed[:i] + typed[i + 1:] for i in range(len(typed)))}:
        candidates.update(index.get(variant, ()))
    letters = _letters(lower)
    if lower == letters:  # typed without marks: the same letters with marks come first
        candidates.update(_by_letters(style).get(letters, ()))
    bare, typed_tone = split_tone(lower)
    # "nườc": the letters are a syllable's, the tone one it cannot take; the
    # tone is what is wrong.
    wrong_tone = lower != letters and bare in bare_syllables() and typed_tone not in tones_for(bare)
    shapes = _shapes(lower)
    frequency = _frequency()

    def rank(candidate: str) -> tuple[int, bool, bool, bool, bool, int, str]:
        candidate_letters = _letters(candidate)
        same_letters = candidate_letters == letters
        distance = 0 if same_letters and lower == letters else min(_distance(typed, _keys(candidate)), _distance(lower, candidate))
        candidate_bare, tone = split_tone(candidate)
        keeps_marks = all(shape in _shapes(candidate) for shape in shapes) and typed_tone in ("", tone)
        # The typed letters all kept: one dropped, doubled or swapped, not changed.
        keeps_letters = sorted(candidate_letters) == sorted(letters) or _within(letters, candidate_letters) or _within(candidate_letters, letters)
        return (distance, wrong_tone and candidate_bare != bare, not keeps_marks, not same_letters, not keeps_letters,
                -frequency.get(place_tone_marks(candidate, NEW), 0), candidate)

    return tuple(sorted(candidates, key=rank)[:MAX_SUGGESTIONS])


# --- confused words ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Confusion:
    wrong: str
    right: str
    note: str


@cache
def confusions() -> tuple[Confusion, ...]:
    """The curated list: ``wrong<TAB>right<TAB>note`` lines, ``#`` comments."""
    text = resources.files("resources").joinpath("spelling", "confused.tsv").read_text(encoding="utf-8")
    found = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        wrong, right, note = (line.split("\t") + ["", ""])[:3]
        found.append(Confusion(unicodedata.normalize("NFC", wrong.strip()), unicodedata.normalize("NFC", right.strip()), note.strip()))
    return tuple(found)


@cache
def _confusion_pattern() -> tuple[re.Pattern[str], dict[str, Confusion]]:
    by_phrase: dict[str, Confusion] = {}
    for confusion in confusions():
        for style in (OLD, NEW):
            by_phrase[place_tone_marks(confusion.wrong, style).lower()] = confusion
    alternatives = "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in sorted(by_phrase, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])", re.IGNORECASE), by_phrase


def _confused(text: str, options: Options) -> Iterator[Misspelling]:
    pattern, by_phrase = _confusion_pattern()
    style = _style(options)
    for match in pattern.finditer(text):
        phrase = " ".join(match.group(0).split())
        if phrase.lower() in options.known:
            continue
        confusion = by_phrase[phrase.lower()]
        right = _with_case(place_tone_marks(confusion.right, style), phrase)
        yield Misspelling(CONFUSED, match.start(), match.end(), match.group(0), (right,))


# --- tables ---------------------------------------------------------------------------------

def prepare(style: str = "") -> None:
    """Make the tables the check reads (a fraction of a second, once): the
    window calls it off the UI thread before it underlines anything."""
    all_syllables()
    _confusion_pattern()
    _loanwords()
    _frequency()
    _index(NEW if style == NEW else OLD)
    _by_letters(NEW if style == NEW else OLD)


def is_prepared() -> bool:
    """Whether checking a text reads only tables already made."""
    return all(table.cache_info().currsize > 0 for table in (all_syllables, _confusion_pattern, _loanwords))


# --- a whole text ---------------------------------------------------------------------------

def check_text(text: str, options: Options | None = None) -> list[Misspelling]:
    """Every finding in ``text``, in reading order."""
    options = options or Options()
    text = unicodedata.normalize("NFC", text)
    skipped = [match.span() for match in _SKIPPED.finditer(text)]
    valid = all_syllables()
    found: list[Misspelling] = []
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        if word.lower() in valid:  # most words: nothing more to look at
            continue
        if skipped and any(start <= match.start() < end for start, end in skipped):
            continue
        if "'" in word or "’" in word:
            continue  # H'Mông, O'Neill: names with an apostrophe are not Vietnamese spelling
        finding = check_word(word, options)
        if finding is not None:
            found.append(Misspelling(finding.kind, match.start(), match.end(), word, finding.suggestions))
    found = _merge_telex(text, found)
    found.extend(_confused(text, options))
    return sorted(found, key=lambda finding: (finding.start, finding.end))


def _merge_telex(text: str, found: list[Misspelling]) -> list[Misspelling]:
    """Telex words with only spaces between them become one stretch."""
    merged: list[Misspelling] = []
    for finding in found:
        last = merged[-1] if merged else None
        if last is not None and last.kind == finding.kind == TELEX and not text[last.end:finding.start].strip():
            start, end = last.start, finding.end
            converted = last.suggestions[0] + text[last.end:finding.start] + finding.suggestions[0]
            merged[-1] = Misspelling(TELEX, start, end, text[start:end], (converted,))
        else:
            merged.append(finding)
    return merged


def describe(finding: Misspelling) -> str:
    """"nứơc → nước", or the word alone when nothing is suggested."""
    return f"{finding.word} → {finding.suggestions[0]}" if finding.suggestions else finding.word
