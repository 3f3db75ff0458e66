"""A generated set of misspellings made from the reference article's
sentences, each with the word it replaces: the spell check's measuring stick
(tests/editor/test_spelling.py, and the README's figures).

Each case is one sentence with one fault, of one of the kinds the check
knows:
- ``syllable``: a syllable typed wrong the ways hands do: a shape mark left
  off ("nươc"), a tone a stop final cannot take ("việc" → "viềc"), a letter
  dropped, doubled or swapped with its neighbour, all marks left off.
  Faults that make another real syllable ("nước" → "nức") are not cases: no
  syllable check can see them.
- ``mark``: the tone mark on another vowel of the syllable ("tóan").
- ``telex``: a word, or three, as Telex or VNI keys.
- ``confused``: a phrase of the confused-words list put in place of a word.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from editor.spelling import confusions
from editor.syllables import VOWELS, all_syllables, place_tone
from editor.typing_codes import encode_telex, encode_vni
from editor.vietnamese import OLD, split_tone

REFERENCE = Path(__file__).resolve().parents[1] / "reference" / "le-chan-article.txt"
_WORD = re.compile(r"[^\W\d_]+")
_UNSHAPE = {"ư": "u", "ơ": "o", "â": "a", "ê": "e", "ô": "o", "ă": "a", "đ": "d"}


@dataclass(frozen=True)
class Case:
    kind: str
    sentence: str  # with the fault
    start: int  # where the faulty stretch is
    end: int
    expected: str  # what was there


def sentences() -> list[str]:
    text = REFERENCE.read_text(encoding="utf-8")
    parts = re.split(r"(?<=[.;!?…])\s+|\n+", text)
    return [part.strip() for part in parts if len(_WORD.findall(part)) >= 4]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _typos(word: str, rng: random.Random) -> list[str]:
    """The ways of typing ``word`` (lower case) wrong, as candidates."""
    bare, tone = split_tone(word)
    found = []
    for index, char in enumerate(word):
        decomposed = unicodedata.normalize("NFD", char)
        if decomposed[0] in _UNSHAPE or char in _UNSHAPE:
            base = _UNSHAPE.get(decomposed[0] if decomposed[0] in _UNSHAPE else char, decomposed[0])
            found.append(_nfc(word[:index] + base + decomposed[1:].replace("\u0302", "").replace("\u031b", "").replace("\u0306", "") + word[index + 1:]))
    if bare.endswith(("c", "ch", "p", "t")):
        for wrong in ("\u0300", "\u0309", "\u0303"):
            found.append(place_tone(bare, wrong, OLD))
    for index in range(len(word)):
        found.append(word[:index] + word[index + 1:])  # a letter dropped
        found.append(word[:index + 1] + word[index] + word[index + 1:])  # doubled
        if index + 1 < len(word):
            found.append(word[:index] + word[index + 1] + word[index] + word[index + 2:])  # swapped
    plain = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)).replace("đ", "d")
    found.append(plain)
    rng.shuffle(found)
    return [typo for typo in dict.fromkeys(found) if typo and typo != word]


def _misplaced(word: str) -> list[str]:
    """``word`` with its tone mark on each other vowel."""
    bare, tone = split_tone(word)
    if len(tone) != 1:
        return []
    found = []
    for index, char in enumerate(bare):
        if char in VOWELS:
            moved = _nfc(bare[: index + 1] + tone + bare[index + 1 :])
            if moved != word and moved not in all_syllables():
                found.append(moved)
    return found


def generate(seed: int = 17) -> list[Case]:
    rng = random.Random(seed)
    cases: list[Case] = []
    wrong_phrases = [confusion.wrong for confusion in confusions()]
    for sentence in sentences():
        words = list(_WORD.finditer(sentence))
        for position, match in enumerate(words):
            word = match.group(0)
            lower = word.lower()
            if lower not in all_syllables() or word.isupper() and len(word) > 1:
                continue

            def replaced(new: str, m: re.Match[str] = match, sentence: str = sentence) -> tuple[str, int, int]:
                return sentence[: m.start()] + new + sentence[m.end():], m.start(), m.start() + len(new)

            # Capitalized words are left alone by the syllable kind: a capital
            # that is not a syllable is taken for a name (Đắk, Pleiku).
            if word.islower():
                typos = [typo for typo in _typos(lower, rng) if typo not in all_syllables()]
                for typo in typos[:2]:
                    cases.append(Case("syllable", *replaced(typo), expected=word))
            for moved in _misplaced(lower)[:1]:
                cases.append(Case("mark", *replaced(word[0] + moved[1:] if word[0].isupper() else moved), expected=word))
            if not word.isascii():
                keys = encode_vni(word) if position % 2 else encode_telex(word)
                cases.append(Case("telex", *replaced(keys), expected=word))
            if position % 9 == 0 and position + 3 <= len(words):
                stretch = words[position:position + 3]
                start, end = stretch[0].start(), stretch[-1].end()
                original = sentence[start:end]
                spaced = all(sentence[a.end():b.start()] == " " for a, b in zip(stretch, stretch[1:], strict=False))
                if spaced and all(not w.group(0).isascii() for w in stretch):
                    typed = _WORD.sub(lambda m: encode_telex(m.group(0)), original)
                    cases.append(Case("telex", sentence[:start] + typed + sentence[end:], start, start + len(typed), original))
            if position % 7 == 3:
                phrase = rng.choice(wrong_phrases)
                right = next(c.right for c in confusions() if c.wrong == phrase)
                cases.append(Case("confused", *replaced(phrase), expected=right))
    return cases
