"""A video player's interface text (newslint.text.player_chrome): its runs are found, glued or
not, and story lines made of the same ordinary words are not."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.testing import findings
from newslint.text.player_chrome import DATA, player_paragraphs

STORY = ["The council approved the budget on Tuesday after a long debate.",
         "Councillors said taxes would rise by 3% next year."]


def test_a_run_of_player_lines_holding_a_strong_one_is_found() -> None:
    player = ["Play Video", "Loaded: 0%", "Progress: 0%", "Remaining Time -0:00", "This is a modal window.", "00:52"]
    found = player_paragraphs(STORY[:1] + player + STORY[1:])
    assert found == frozenset(range(1, 1 + len(player)))


def test_a_run_of_weak_player_lines_three_of_them_two_word_strings_is_found() -> None:
    # Each control's label on a line of its own, as Readability keeps them: none strong alone.
    player = ["Play Video", "Play", "Current Time 0:00", "/", "Duration Time 0:00", "Loaded: 0%",
              "Progress: 0%", "Remaining Time -0:00", "Fullscreen"]
    assert player_paragraphs(STORY[:1] + player + STORY[1:]) == frozenset(range(1, 1 + len(player)))
    two = ["Play Video", "Loaded: 0%", "Current Time 0:00", "Fullscreen"]  # two two-word strings only
    assert player_paragraphs(STORY[:1] + two + STORY[1:]) == frozenset()


def test_player_text_glued_into_one_line_is_found() -> None:
    glued = ("Video Player is loading.Play VideoPauseLoaded: 0.00%0:00Remaining Time -10:03MuteFullscreen"
             "This is a modal window.")
    assert player_paragraphs([STORY[0], glued, STORY[1]]) == frozenset({1})


def test_an_old_message_and_another_language_are_known() -> None:
    assert player_paragraphs([STORY[0], "No compatible source was found for this video."]) == frozenset({1})
    assert player_paragraphs([STORY[0], "Für dieses Video wurde keine kompatible Quelle gefunden."]) == frozenset({1})


def test_ordinary_words_alone_or_in_sentences_are_no_player_text() -> None:
    lines = ["Chapters", "Black", "Red Green Blue", "Play the video", "Close the window", "None of the above",
             "The media could not be reached for comment."]
    assert player_paragraphs(STORY + lines) == frozenset()


def test_nl306_reports_the_run_with_its_reason() -> None:
    text = "Budget approved\n\n" + "\n\n".join([STORY[0], "Loaded: 0%", "This is a modal window.", STORY[1]]) + "\n"
    got = [(d.line, d.message) for d in findings(text, "NL306")]
    assert [line for line, _ in got] == [5, 7]
    assert all(message.endswith("(a video player's interface text)") for _, message in got)


def test_the_data_says_where_it_comes_from() -> None:
    head = DATA.read_text(encoding="utf-8").splitlines()[:2]
    assert "Video.js" in head[0] and "Apache-2.0" in head[0] and "build_player_strings.py" in head[1]


def test_a_line_longer_than_any_player_text_is_none() -> None:
    # 80,000 letters of player words glued together: no player's interface is that long, and the
    # cut is not even tried (it once cost seconds).
    assert player_paragraphs([STORY[0], "Play" * 20000, "This is a modal window."]) == frozenset({2})


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x24F), max_size=40))
def test_a_line_s_letters_are_its_alphabetic_characters_lowered(text: str) -> None:
    from newslint.text.player_chrome import _letters

    assert _letters(text) == "".join(c for c in text.lower() if c.isalpha())
