"""Where a step of typing ends (issue 18, item 2): a pause, a new word past
20 characters, or a move of the cursor; an input method rewriting the word
being typed never ends it."""

from __future__ import annotations

from editor.typing_steps import PAUSE_SECONDS, TypingRun, text_change


def typed(run: TypingRun, texts: list[str], start_time: float, gap: float = 0.1) -> list[bool]:
    """Feed successive states of a field, one keystroke apart; what each was taken as."""
    taken = []
    for number, (old, new) in enumerate(zip(texts, texts[1:], strict=False)):
        taken.append(run.takes(old, new, start_time + gap * (number + 1)))
    return taken


def keystrokes(text: str, before: str = "") -> list[str]:
    return [before + text[:count] for count in range(len(text) + 1)]


def test_a_change_is_found_by_what_differs() -> None:
    assert text_change("Hội nghị", "Hội nghị mới") == text_change("Hội nghị", "Hội nghị mới")
    change = text_change("hoa", "hòa")  # a tone mark set on an earlier vowel
    assert (change.start, change.old_end, change.new_end, change.inserted) == (1, 2, 2, "ò")


def test_typing_without_a_pause_stays_one_step_up_to_a_new_word_after_20_characters() -> None:
    states = keystrokes("Quận ủy Lê Chân họp bàn công tác")
    run = TypingRun.start(states[0], states[1], 0.0)
    taken = typed(run, states[1:], 0.0)
    first_refused = taken.index(False) + 2  # states[1] started the run
    # "Quận ủy Lê Chân họp " is 20 characters: the next word starts a new step.
    assert states[first_refused] == "Quận ủy Lê Chân họp b"


def test_a_pause_of_a_second_ends_the_step() -> None:
    run = TypingRun.start("", "H", 0.0)
    assert run.takes("H", "Hả", 0.5)
    assert not run.takes("Hả", "Hải", 0.5 + PAUSE_SECONDS)


def test_moving_the_cursor_ends_the_step() -> None:
    run = TypingRun.start("Tin mới", "Tin mới.", 0.0)
    assert not run.takes("Tin mới.", "Bản tin mới.", 0.1)  # typed at the start: the cursor moved


def test_backspace_and_the_input_method_continue_the_step() -> None:
    run = TypingRun.start("", "h", 0.0)
    states = ["h", "ho", "hoa", "hòa", "hòa ", "hòa b", "hòa bi", "hòa bin", "hòa binh", "hòa bình", "hòa bìn", "hòa bình"]
    assert all(typed(run, states, 0.0))
    # Telex: "aa" becomes "â", replacing the letter just typed.
    run = TypingRun.start("", "c", 0.0)
    assert all(typed(run, ["c", "ca", "câ", "câu"], 0.0))
