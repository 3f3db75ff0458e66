"""Where a shared link's card cuts its title and description: every figure
the window's *Share preview* uses, in one place, each with where it came from.

Neither Facebook nor Zalo publishes how many characters its link card
shows. Facebook's sharing guide (developers.facebook.com/docs/sharing/
webmasters) gives no length for ``og:title`` and asks only that
``og:description`` be "usually between 2 and 4 sentences"; Zalo's developer
pages (miniapp.zaloplatforms.com, ``openShareSheet``/``openPostFeed``)
say a link shares its title, description and thumbnail, and nothing of how
they are cut. The character counts found elsewhere are third parties'
measurements and disagree (for Facebook's title: about 60, 88 or 122
characters, depending on the guide, the year and the screen).

So the cards here do not count characters: they cut by *lines*, as the
cards themselves do (a CSS ``-webkit-line-clamp``): the text is wrapped at
the card's text width in the card's font size, and a text that needs more
lines than the card shows ends its last shown line with "…". The widths,
sizes and line counts are the cards' look as commonly seen in 2024–2026,
not published figures: an approximation, and the panel says so. One check
on them: two lines of 17 px text in Facebook's 468 px column hold about
110 to 120 characters of ordinary text, near what ogtester.com measured
(2023) for the title on Facebook's web card: 122.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

ELLIPSIS = "…"

# A text's width in CSS px, as the window's font measures it.
Measure = Callable[[str], float]


@dataclass(frozen=True)
class CardText:
    """How a card sets one of its texts."""

    font_px: float  # the font size, CSS px
    line_px: float  # the line height, CSS px
    lines: int  # the most lines shown before "…" (the card's line clamp)
    bold: bool = False


@dataclass(frozen=True)
class CardLayout:
    """One network's link card, in CSS px (a large-image card: the picture
    across the whole width at 1.91:1, the texts under it)."""

    name: str  # shown as the card's heading in the panel
    width: float  # the card's width
    padding_x: float  # left and right of the texts
    padding_y: float  # above the first text and below the last
    domain: CardText
    title: CardText
    description: CardText
    domain_first: bool  # the domain above the title (else under the texts)
    domain_upper: bool  # the domain in capitals

    @property
    def text_width(self) -> float:
        return self.width - 2 * self.padding_x


# Facebook's feed on a computer: a post is 500 px wide; under the picture,
# on grey, the domain in small capitals, the title in 17 px semi-bold on at
# most two lines, then one line of the description (Facebook's own look, not
# a published rule; see the module's comment).
FACEBOOK = CardLayout(
    name="Facebook", width=500, padding_x=16, padding_y=12,
    domain=CardText(font_px=13, line_px=16, lines=1),
    title=CardText(font_px=17, line_px=21, lines=2, bold=True),
    description=CardText(font_px=15, line_px=20, lines=1),
    domain_first=True, domain_upper=True,
)

# Zalo's chat on a phone: a link arrives as a bubble about 300 px wide; under
# the picture the title in bold on at most two lines, the description on at
# most two, and the domain last. No published figure exists for any of these:
# it is the look of the card, and the least certain layout here.
ZALO = CardLayout(
    name="Zalo", width=300, padding_x=12, padding_y=10,
    domain=CardText(font_px=12, line_px=16, lines=1),
    title=CardText(font_px=15, line_px=20, lines=2, bold=True),
    description=CardText(font_px=13, line_px=18, lines=2),
    domain_first=False, domain_upper=False,
)

CARDS = (FACEBOOK, ZALO)


def _drop_last_character(text: str) -> str:
    """``text`` without its last character, and without the marks that
    sat on it (a tone mark typed as its own code point goes with its letter)."""
    while text and unicodedata.combining(text[-1]):
        text = text[:-1]
    return text[:-1]


def _longest_fitting(word: str, width: float, measure: Measure) -> int:
    """How many leading characters of ``word`` fit in ``width``: at least one,
    as a browser puts at least one character on a line."""
    count = 1
    while count < len(word) and measure(word[: count + 1]) <= width:
        count += 1
    while count < len(word) and unicodedata.combining(word[count]):
        count += 1  # a mark stays on the line of its letter
    return count


def wrap_lines(text: str, width: float, measure: Measure, most: int | None = None) -> list[str]:
    """``text`` wrapped as a browser wraps it: at spaces, each line as long
    as fits in ``width``; a word wider than a whole line broken between its
    characters (``overflow-wrap: break-word``, as both cards have it).
    With ``most``, wrapping stops once more than ``most`` lines are made
    (a clamp needs no more: a pasted page-long lead costs no more than a line)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        if most is not None and len(lines) > most:
            return lines
        candidate = f"{current} {word}" if current else word
        if measure(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while measure(word) > width and len(word) > 1:
            count = _longest_fitting(word, width, measure)
            if count >= len(word):
                break
            lines.append(word[:count])
            word = word[count:]
        current = word
    if current:
        lines.append(current)
    return lines


def clamp_lines(text: str, lines: int, width: float, measure: Measure) -> tuple[str, ...]:
    """The lines a card shows of ``text``: all of them when they are at most
    ``lines``; else the first ``lines``, the last of which ends with "…",
    characters dropped from it until it and the "…" fit (as a browser's
    ``-webkit-line-clamp`` ends a clamped text)."""
    wrapped = wrap_lines(text, width, measure, most=lines)
    if len(wrapped) <= lines:
        return tuple(wrapped)
    kept = wrapped[:lines]
    last = kept[-1]
    while last and measure(last.rstrip() + ELLIPSIS) > width:
        last = _drop_last_character(last)
    kept[-1] = last.rstrip() + ELLIPSIS
    return tuple(kept)
