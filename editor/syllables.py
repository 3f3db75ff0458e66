"""The closed set of Vietnamese syllables, made by the orthography's rules.

A written syllable is an onset (possibly none), a rhyme and a tone. The
rhyme is an optional glide (the "o" of "hoa", the "u" of "tuy"), a vowel
nucleus and an optional final. The rules below are those of the school
orthography (Quy định chính tả tiếng Việt, Bộ Giáo dục, 1984; Hoàng Phê,
*Chính tả tiếng Việt*, 1999), written as tables:

- **c, k, q**: "k" before i, y, e, ê; "qu" for the u-glide; "c" elsewhere.
  Likewise "gh" and "ngh" before i, e, ê, and "g", "ng" elsewhere.
- **gi** merges with a following "i": gi + ìn is "gìn", gi + iêng "giêng".
- **Stop finals** (-c, -ch, -p, -t) take only the sắc or nặng tone.
- **-ch, -nh** follow a, ê, i only (anh, êch, inh; oach, uynh).
- **Glides** (oa, oă, oe; uâ, uê, uy, uơ) never follow a lip consonant
  (b, m, p, ph, v); after "q" the glide is the "u" of "qu".
- **iê** is written "yê" with no onset or after the u-glide (yên, uyên),
  "ia" without a final.

The tone goes on the nucleus as the orthography places it
(``place_tone``): on the last vowel before a final; else on the vowel with
a shape mark (ơ of "người", ê of "tiêu"); else on the middle of three, on
the first of two, and, in "oa", "oe", "uy" with no final, on the first
(old style: hòa, thủy) or the second (new style: hoà, thuỷ).
"""

from __future__ import annotations

import unicodedata
from functools import cache

from editor.vietnamese import NEW, OLD

# huyền, sắc, hỏi, ngã, nặng as combining marks; "" is the level tone (ngang).
TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
STOP_TONES = ("\u0301", "\u0323")
VOWELS = frozenset("aăâeêioôơuưy")
SHAPED = frozenset("ăâêôơư")  # vowels with a shape mark: they carry the tone first

ONSETS = ("", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
          "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x")

# Rhymes without a glide, by the letter they start with.
PLAIN_RHYMES = (
    "a ac ach ai am an ang anh ao ap at au ay "
    "ăc ăm ăn ăng ăp ăt "
    "âc âm ân âng âp ât âu ây "
    "e ec em en eng eo ep et "
    "ê êch êm ên ênh êp êt êu "
    "i ich im in inh ip it iu ia iêc iêm iên iêng iêp iêt iêu "
    "y "
    "o oc oi om on ong op ot oong ooc "
    "ô ôc ôi ôm ôn ông ôp ôt "
    "ơ ơi ơm ơn ơp ơt "
    "u uc ui um un ung up ut ua uôc uôi uôm uôn uông uôt "
    "ư ưc ưi ưm ưn ưng ưt ưu ưa ươc ươi ươm ươn ương ươp ươt ươu"
).split()
# Rhymes with the o-glide (hoa, xoắn, khoe) and with the u-glide (xuân, thuê, tuy, thuở).
O_GLIDE_RHYMES = "oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oeo oet".split()
U_GLIDE_RHYMES = "uân uâng uât uây uê uêch uênh uy uych uyn uynh uyp uyt uyu uya uyên uyêt uơ".split()
# After "q", the glide is the u of "qu": qua, quăn, quân, que, quê, quy, quyên, quơ.
QU_RHYMES = ("a ac ach ai an ang anh ao at au ay ăc ăm ăn ăng ăp ăt ân âng ât ây e en eo et ê êch ên ênh "
             "êt êu i it y ych ynh yt yên yêt ơ ôc").split()

_LIPS = frozenset({"b", "m", "p", "ph", "v"})
_FRONT = ("i", "y", "e", "ê")  # the vowels before which k, gh, ngh are written
# Onsets the u-glide follows; "uơ" only in huơ, khuơ, thuở.
_U_GLIDE_ONSETS = frozenset({"", "h", "kh", "l", "t", "th", "ch", "tr", "x", "s", "n", "ng", "nh", "d", "đ", "r"})
_UO_ONSETS = frozenset({"h", "kh", "th"})
# "y" as a whole nucleus is written after these (ý, hy, kỹ, lý, mỹ, sỹ, tỷ, vy); "i" after all.
_Y_ONSETS = frozenset({"", "h", "k", "l", "m", "s", "t", "v"})
# "p" alone begins only a few loanwords (pin, pa-nô, pê-đan, pô-pơ-lin).
_P_RHYMES = frozenset({"a", "ac", "an", "ao", "ap", "e", "ê", "i", "in", "ô", "ông", "ơ", "om", "u"})
# Rhymes of a handful of words each, with the onsets they have (the rest of
# each row would be possible sounds that the language does not use: leaving
# them out keeps a typo from landing on one).
_RARE_RHYME_ONSETS: dict[str, frozenset[str]] = {
    rhyme: frozenset(onsets.split(",")) for rhyme, onsets in (
        ("oong", "b,x,s,m,n,ch,g,l"), ("ooc", "b,c,m,s,x"), ("oao", "ng,m,kh"), ("oeo", "ng,kh,h"), ("uyu", "kh,ng"),
        ("uya", "kh,l,x"), ("oap", "ng,,x,ch"), ("uyp", "t"), ("uênh", "h,kh,d,x"), ("uêch", "ng,kh,h,ch,t,x"), ("uych", ",h"),
        ("uyn", "t"), ("uynh", "h,kh,l,x,"), ("uâng", "kh"), ("uây", "kh,ng,x,"), ("oăm", "h,ng,kh,"), ("oăng", "h,l,ng,kh,,th"),
        ("oen", "h,kh,nh,x,ch,l,t,ng"), ("oam", "ng,x,nh,"), ("oac", "kh,x,h,ng,ch,l,t,"), ("oach", "h,x,l,ng,"), ("oăc", "ng,h,x"),
        ("oăt", "ng,h,th,l,ch,nh,kh,"), ("ưi", "g,ng,ch,c"), ("ươu", "r,h,b,kh,ph,t"), ("eng", "x,k,l,b,ph,r,c,t,đ,ch,m,"),
        ("ưn", "ch,s"), ("ưm", "h"),
    )
}
# Loanwords' syllables that break the rules above: xe buýt, thùng phuy, vải voan, gen, ki-lô-gam's "ka".
LOAN_SYLLABLES = frozenset({"buýt", "phuy", "voan", "moay", "gen", "ka", "ping", "pa", "pin"})
_STOPS = ("c", "ch", "p", "t")


def _onset_takes(onset: str, rhyme: str) -> bool:
    """Whether ``onset`` may precede ``rhyme`` (a plain or glide rhyme)."""
    if rhyme in _RARE_RHYME_ONSETS:
        return onset in _RARE_RHYME_ONSETS[rhyme]
    front = rhyme.startswith(_FRONT)
    if onset in ("k", "gh", "ngh"):
        return front and not rhyme.startswith("y") or (onset == "k" and rhyme == "y")
    if onset in ("c", "g", "ng") and front:
        return False
    if onset == "p":
        return rhyme in _P_RHYMES
    if rhyme in O_GLIDE_RHYMES:
        return onset not in _LIPS and onset not in ("c", "gi")
    if rhyme in U_GLIDE_RHYMES:
        return onset in (_UO_ONSETS if rhyme == "uơ" else _U_GLIDE_ONSETS)
    if rhyme == "y":
        return onset in _Y_ONSETS
    if rhyme.startswith("y"):
        return False
    return True


def _spell(onset: str, rhyme: str) -> str:
    """The written form: gi + i… merges, iê is yê with no onset."""
    if onset == "gi" and rhyme.startswith("i"):
        return "gi" + rhyme[1:]
    if onset == "" and rhyme.startswith("iê"):
        return "y" + rhyme[1:]
    return onset + rhyme


@cache
def bare_syllables() -> frozenset[str]:
    """Every written syllable without its tone mark, lower case."""
    found: set[str] = set()
    for onset in ONSETS:
        if onset == "qu":
            found.update("qu" + rhyme for rhyme in QU_RHYMES)
            continue
        for rhyme in (*PLAIN_RHYMES, *O_GLIDE_RHYMES, *U_GLIDE_RHYMES):
            if _onset_takes(onset, rhyme):
                found.add(_spell(onset, rhyme))
    return frozenset(found)


def split_syllable(bare: str) -> tuple[str, str, str]:
    """(onset, vowels, final) of a written syllable without tone; the "u"
    of "qu" and the "i" of "gi" before a vowel belong to the onset."""
    index = 0
    for onset in ("ngh", "ng", "gh", "gi", "kh", "nh", "ph", "th", "tr", "ch", "qu"):
        if bare.startswith(onset) and (onset not in ("gi", "qu") or len(bare) > 2 and bare[2] in VOWELS):
            index = len(onset)
            break
    else:
        if bare[:1] and bare[0] not in VOWELS:
            index = 1
    end = index
    while end < len(bare) and bare[end] in VOWELS:
        end += 1
    return bare[:index], bare[index:end], bare[end:]


def tone_position(bare: str, style: str) -> int:
    """The index in ``bare`` of the vowel that carries the tone mark."""
    onset, vowels, final = split_syllable(bare)
    start = len(onset)
    if not vowels:
        return -1
    if final:
        return start + len(vowels) - 1
    shaped = [index for index, vowel in enumerate(vowels) if vowel in SHAPED]
    if shaped:
        return start + shaped[-1]
    if len(vowels) == 3:
        return start + 1
    if len(vowels) == 2 and vowels in ("oa", "oe", "uy") and style == NEW:
        return start + 1
    return start


def place_tone(bare: str, tone: str, style: str) -> str:
    """``bare`` with ``tone`` (a combining mark, "" for none) where ``style`` puts it; NFC."""
    if not tone:
        return bare
    position = tone_position(bare, style)
    if position < 0:
        return bare
    return unicodedata.normalize("NFC", bare[: position + 1] + tone + bare[position + 1 :])


def tones_for(bare: str) -> tuple[str, ...]:
    """The tones a syllable may take: two after a stop final, else all six."""
    return STOP_TONES if bare.endswith(_STOPS) else TONES


@cache
def syllables(style: str) -> frozenset[str]:
    """Every syllable with its tone mark placed in ``style`` ("old" or "new"), lower case."""
    made = {place_tone(bare, tone, style) for bare in bare_syllables() for tone in tones_for(bare)}
    return frozenset(made | LOAN_SYLLABLES)


@cache
def all_syllables() -> frozenset[str]:
    """The syllables of both styles: "hòa" and "hoà" are both correct spelling."""
    return syllables(OLD) | syllables(NEW)
