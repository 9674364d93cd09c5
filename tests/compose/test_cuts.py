import pytest

from summarize.compose.cuts import Cut, apply_cuts


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("It devolved into a horrific attack.", "horrific ", "It devolved into an attack."),
        ("Dianne received an alarming call.", "alarming ", "Dianne received a call."),
        ("It was an unprecedented vote by a union.", "unprecedented ", "It was a vote by a union."),
        ("An extraordinary FBI raid began.", "extraordinary ", "An FBI raid began."),
        ("A stunning hour-long speech.", "stunning ", "An hour-long speech."),
    ],
)
def test_an_article_agrees_with_the_word_a_cut_leaves_after_it(
    text: str, word: str, expected: str
) -> None:
    start = text.index(word)
    assert apply_cuts(text, [Cut(start, start + len(word), "loaded modifier")]) == expected
