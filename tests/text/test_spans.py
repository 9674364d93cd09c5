from summarize.text.spans import find_as_written, in_spans

TEXT = "Syria said its counteroffensive had “pushed back”  insurgents — who’d advanced."


def test_a_fragment_is_found_as_written_or_with_marks_case_and_spacing_folded() -> None:
    assert find_as_written(TEXT, "“pushed back”") == (36, 49)
    start, end = find_as_written(TEXT, '"Pushed back" insurgents - who\'d advanced.') or (0, 0)
    assert TEXT[start:end] == "“pushed back”  insurgents — who’d advanced"


def test_other_words_or_nothing_are_not_found() -> None:
    assert find_as_written(TEXT, "pushed insurgents back") is None
    assert find_as_written(TEXT, "  ") is None
    assert find_as_written(TEXT, "") is None


def test_an_offset_inside_a_span() -> None:
    assert in_spans(3, [(0, 4)]) and not in_spans(4, [(0, 4)])
