"""Telex and VNI, the two ways Vietnamese is typed on a Latin keyboard.

With the input method on, "nuwowcs" (Telex) or "nu7o71c" (VNI) becomes
"nước"; with it off, the keys stay in the text as typed. ``encode_telex``
and ``encode_vni`` write a word as its keys (the shape keys after their
letter, the tone key last, as Unikey takes them); ``decode_telex`` and
``decode_vni`` read keys back into a syllable, or None when the keys do
not make one. The keys of a syllable are also the space in which
misspellings are measured (``editor/spelling.py``): a missing horn is one
key away, as on the keyboard.
"""

from __future__ import annotations

import unicodedata

from editor.syllables import VOWELS, all_syllables, place_tone
from editor.vietnamese import OLD, split_tone

# Combining tone mark → Telex key and VNI digit.
TELEX_TONES = {"\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j"}
VNI_TONES = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
# Shaped letter → (base letter, Telex shape key, VNI shape digit).
SHAPES = {"â": ("a", "a", "6"), "ă": ("a", "w", "8"), "ê": ("e", "e", "6"), "ô": ("o", "o", "6"),
          "ơ": ("o", "w", "7"), "ư": ("u", "w", "7"), "đ": ("d", "d", "9")}
_TELEX_TONE_KEYS = {key: tone for tone, key in TELEX_TONES.items()}
_VNI_TONE_KEYS = {key: tone for tone, key in VNI_TONES.items()}
_FINALS = ("", "c", "ch", "m", "n", "ng", "nh", "p", "t")


def _encode(word: str, vni: bool) -> str:
    bare, tones = split_tone(word)
    upper = word.isupper() and len(word) > 1
    keys = []
    for char in bare:
        shape = SHAPES.get(char.lower())
        if shape is None:
            keys.append(char)
            continue
        base, telex, digit = shape
        mark = digit if vni else telex
        keys.append((base.upper() if char.isupper() else base) + (mark.upper() if upper else mark))
    tone_keys = "".join((VNI_TONES if vni else TELEX_TONES)[tone] for tone in tones)
    return "".join(keys) + (tone_keys.upper() if upper else tone_keys)


def encode_telex(word: str) -> str:
    """"Việt" → "Vieetj": the Telex keys that type ``word``."""
    return _encode(word, vni=False)


def encode_vni(word: str) -> str:
    """"Việt" → "Viet65": the VNI keys that type ``word``."""
    return _encode(word, vni=True)


def _last_vowels(letters: list[str]) -> tuple[int, int] | None:
    """(start, end) of the last run of vowels, if only a final follows it."""
    end = len(letters)
    while end > 0 and letters[end - 1].lower() not in VOWELS:
        end -= 1
    if end == 0 or "".join(letters[end:]).lower() not in _FINALS:
        return None
    start = end
    while start > 0 and letters[start - 1].lower() in VOWELS:
        start -= 1
    return start, end


_SHAPED_BY = {("a", "circumflex"): "â", ("e", "circumflex"): "ê", ("o", "circumflex"): "ô",
              ("a", "breve"): "ă", ("o", "horn"): "ơ", ("u", "horn"): "ư"}


def _shape(letters: list[str], base_letters: str, shape: str) -> bool:
    """Put ``shape`` on the last vowel of the syllable among ``base_letters``
    (both of "uo" for the horn, as "ươ"); False if there is none."""
    run = _last_vowels(letters)
    if run is None:
        return False
    start, end = run
    if shape == "horn":
        pair = "".join(letters[start:end]).lower()
        where = pair.find("uo")
        if where >= 0:
            for index in (start + where, start + where + 1):
                letters[index] = _apply(letters[index], "horn")
            return True
    for index in range(end - 1, start - 1, -1):
        if letters[index].lower() in base_letters:
            letters[index] = _apply(letters[index], shape)
            return True
    return False


def _apply(letter: str, shape: str) -> str:
    shaped = _SHAPED_BY[(letter.lower(), shape)]
    return shaped.upper() if letter.isupper() else shaped


def _finish(letters: list[str], tone: str, style: str) -> str | None:
    word = unicodedata.normalize("NFC", "".join(letters))
    lower = word.lower()
    result = place_tone(lower, tone, style)
    if result not in all_syllables():
        return None
    if word[:1].isupper():
        return result.upper() if word.isupper() and len(word) > 1 else result[:1].upper() + result[1:]
    return result


def decode_telex(keys: str, style: str = OLD) -> str | None:
    """The syllable Telex makes of ``keys`` ("Quaanj" → "Quận"), or None."""
    letters: list[str] = []
    tone = ""
    for key in keys:
        low = key.lower()
        has_vowel = any(letter.lower() in VOWELS for letter in letters)
        if low in _TELEX_TONE_KEYS and has_vowel:
            if tone:
                return None
            tone = _TELEX_TONE_KEYS[low]
        elif low in "aeo" and letters and _shape(letters, low, "circumflex"):
            continue
        elif low == "w":
            if not (_shape(letters, "uo", "horn") or _shape(letters, "a", "breve")):
                letters.append("Ư" if key.isupper() else "ư")
        elif low == "d" and len(letters) == 1 and letters[0].lower() == "d":
            letters[0] = "Đ" if letters[0].isupper() else "đ"
        elif low.isascii() and low.isalpha():
            letters.append(key)
        else:
            return None
    return _finish(letters, tone, style)


def decode_vni(keys: str, style: str = OLD) -> str | None:
    """The syllable VNI makes of ``keys`` ("Vie65t" → "Việt"), or None."""
    letters: list[str] = []
    tone = ""
    for key in keys:
        if key in _VNI_TONE_KEYS and letters:
            if tone:
                return None
            tone = _VNI_TONE_KEYS[key]
        elif key == "6" and _shape(letters, "aeo", "circumflex"):
            continue
        elif key == "7" and _shape(letters, "uo", "horn"):
            continue
        elif key == "8" and _shape(letters, "a", "breve"):
            continue
        elif key == "9" and letters[:1] and letters[0].lower() == "d":
            letters[0] = "Đ" if letters[0].isupper() else "đ"
        elif key.isascii() and key.isalpha():
            letters.append(key)
        else:
            return None
    return _finish(letters, tone, style)
