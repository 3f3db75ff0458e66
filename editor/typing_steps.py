"""Where one undo step of typing ends, as Word and Qt Creator do it.

Keystrokes in one field merge into one step until

- the user pauses for ``PAUSE_SECONDS``,
- the step holds ``WORD_LIMIT`` characters and a new word begins,
- the cursor moves: the next change is not where the last one left off, or
- another field is edited (the undo commands see that themselves).

A change is found by comparing the text before and after it, so the rule
holds whatever made it: a key, Backspace, or an input method replacing the
letters it has just typed (Telex's "aa" becoming "â", or a tone mark set on
an earlier vowel of the same word, as Unikey does).
"""

from __future__ import annotations

from dataclasses import dataclass

PAUSE_SECONDS = 1.0
WORD_LIMIT = 20
# How far from the cursor an input method may still change "the word being
# typed": Vietnamese syllables have at most 7 letters ("nghiêng").
SAME_WORD_REACH = 7


@dataclass(frozen=True)
class TextChange:
    """``old[start:old_end]`` became ``new[start:new_end]``."""

    start: int
    old_end: int
    new_end: int
    inserted: str

    @property
    def size(self) -> int:
        return max(len(self.inserted), self.old_end - self.start)


def text_change(old: str, new: str) -> TextChange:
    """The smallest span that changed, by common prefix and suffix."""
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    suffix = 0
    while suffix < limit - start and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
        suffix += 1
    return TextChange(start, len(old) - suffix, len(new) - suffix, new[start : len(new) - suffix])


def _one_word(text: str) -> bool:
    return len(text) <= SAME_WORD_REACH and not any(character.isspace() for character in text)


@dataclass
class TypingRun:
    """One undo step of typing so far: when it was last added to, where the
    cursor is now, and how many characters it holds."""

    last_time: float
    cursor: int
    size: int

    @classmethod
    def start(cls, old: str, new: str, now: float) -> TypingRun:
        change = text_change(old, new)
        return cls(now, change.new_end, change.size)

    def takes(self, old: str, new: str, now: float) -> bool:
        """Whether the change ``old`` → ``new`` at ``now`` continues this
        step; if it does, the step grows by it."""
        if now - self.last_time >= PAUSE_SECONDS:
            return False
        change = text_change(old, new)
        if change.start <= self.cursor <= change.old_end:
            cursor = change.new_end  # at the cursor: typed, deleted, or replaced by the input method
        elif change.old_end < self.cursor and _one_word(old[change.old_end : self.cursor]):
            cursor = self.cursor + len(new) - len(old)  # a mark set earlier in the word being typed
        elif change.start > self.cursor and _one_word(old[self.cursor : change.start]):
            cursor = change.new_end
        else:
            return False  # the cursor moved elsewhere
        starts_a_word = change.inserted[:1].isalnum() and change.start > 0 and new[change.start - 1].isspace()
        if self.size >= WORD_LIMIT and starts_a_word:
            return False
        self.last_time, self.cursor, self.size = now, cursor, self.size + change.size
        return True
