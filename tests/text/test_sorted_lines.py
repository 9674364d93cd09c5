import bisect

from hypothesis import given
from hypothesis import strategies as st

from summarize.text.sorted_lines import SortedLines


def _word(line: str) -> str:
    return line[: line.find(",")]


def test_every_line_of_a_key_is_found_and_no_other() -> None:
    text = "apple,1\nbanana,2\nbanana,3\ncherry,4\n"
    lines = SortedLines(text, _word)
    assert lines.matching("banana") == ["banana,2", "banana,3"]
    assert lines.matching("apple") == ["apple,1"]
    assert lines.matching("cherry") == ["cherry,4"]
    assert lines.matching("blueberry") == [] and lines.matching("zebra") == []
    assert lines.matching("") == []


def test_a_section_of_the_text_is_searched_alone() -> None:
    text = "# header\nb,1\nc,2\n@1 5\n@2 6\n@10 7"
    start, middle = text.index("b,"), text.index("@1 ")
    words = SortedLines(text, _word, start, middle - 1)
    assert words.matching("c") == ["c,2"] and words.matching("@1 5") == []
    numbers = SortedLines(text, lambda line: int(line[1 : line.find(" ")]), middle)
    assert numbers.matching(10) == ["@10 7"] and numbers.matching(2) == ["@2 6"]
    assert numbers.matching(3) == []


@given(
    st.lists(st.text("abc", max_size=4), max_size=30),
    st.text("abcd", max_size=5),
    st.booleans(),
)
def test_it_finds_what_bisecting_the_split_lines_finds(
    words: list[str], wanted: str, newline_at_end: bool
) -> None:
    lines = sorted(f"{word},{index}" for index, word in enumerate(words))
    text = "\n".join(lines) + ("\n" if newline_at_end and lines else "")
    at = bisect.bisect_left(lines, wanted, key=_word)
    expected = []
    while at < len(lines) and _word(lines[at]) == wanted:
        expected.append(lines[at])
        at += 1
    assert SortedLines(text, _word).matching(wanted) == expected
