from summarize.compose.cuts import apply_cuts, variants
from summarize.compose.modifiers import modifier_cuts


def test_only_grading_modifiers_are_dropped() -> None:
    text = "The army successfully held a crucial vote on abusive behavior."
    spans = [
        (text.index(w), text.index(w) + len(w)) for w in ("successfully", "crucial", "abusive")
    ]
    assert (
        apply_cuts(text, modifier_cuts(text, spans)) == "The army held a vote on abusive behavior."
    )


def test_a_loaded_adjective_coordinated_with_another_is_dropped() -> None:
    text = "The court struck a huge, unanimous blow against the harbour fees."
    start = text.index("huge")
    cuts = modifier_cuts(text, [(start, start + len("huge"))])
    assert variants(text, cuts, []) == [
        "The court struck a unanimous blow against the harbour fees."
    ]


def test_an_adjective_a_light_noun_or_a_superlative_needs_stays() -> None:
    for text, word in [
        ("The party is headed toward a disastrous result in the fall.", "disastrous"),
        ("The leaders spoke in unprecedented terms after the summit.", "unprecedented"),
        ("The index had its best day in two weeks.", "best"),
        ("Trump slashed admissions to historic lows.", "historic"),
        ("Job openings remained at a historic high in May.", "historic"),
        ("Prices rose at a staggering rate last year.", "staggering"),
    ]:
        start = text.index(word)
        assert modifier_cuts(text, [(start, start + len(word))]) == [], text


def test_a_title_and_name_lose_their_article_with_the_adjective() -> None:
    def dropped(text: str) -> str:
        start = text.index("embattled")
        return apply_cuts(text, modifier_cuts(text, [(start, start + len("embattled"))]))

    assert dropped("The embattled Governor Walker signed it.") == "Governor Walker signed it."
    assert dropped("He met the embattled President Joe Biden.") == "He met President Joe Biden."
    assert dropped("He backed the embattled Republican candidate.") == (
        "He backed the Republican candidate."
    )


def test_a_word_disputing_the_claim_stays() -> None:
    text = "Trump returned to campaigning, falsely claiming that the virus is disappearing."
    start = text.index("falsely")
    assert modifier_cuts(text, [(start, start + len("falsely"))]) == []


def test_a_grading_word_a_negation_has_in_its_scope_stays() -> None:
    for text, word in [
        ("According to the official, it's not in great shape.", "great"),
        ("The bill did not successfully pass the Senate.", "successfully"),
        ("It was no huge surprise to the markets.", "huge"),
    ]:
        start = text.index(word)
        assert modifier_cuts(text, [(start, start + len(word))]) == [], text
    # a negation in another clause does not reach it
    text = "It did not rain, and the crowd held a huge rally."
    start = text.index("huge")
    assert apply_cuts(text, modifier_cuts(text, [(start, start + len("huge"))])) == (
        "It did not rain, and the crowd held a rally."
    )


def test_a_compared_adjective_stays_and_a_raised_one_goes_with_its_adverb() -> None:
    text = "She is one of the entertainment industry's most powerful figures."
    start = text.index("powerful")
    assert modifier_cuts(text, [(start, start + len("powerful"))]) == []
    text = "Flights were canceled as already unprecedented delays grew on Friday."
    start = text.index("unprecedented")
    cuts = modifier_cuts(text, [(start, start + len("unprecedented"))])
    assert apply_cuts(text, cuts) == "Flights were canceled as delays grew on Friday."
