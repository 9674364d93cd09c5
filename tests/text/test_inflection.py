from lemminflect import getAllLemmas

from summarize.text.inflection import _lemma_table, in_dictionary, plural, singular, verb_form


def test_the_dictionary_answers_as_lemminflect_does() -> None:
    """The table read by bisection gives what lemminflect's own loader gives: every 25th entry
    (nouns, verbs, adjectives, adverbs, names written with capitals), its overrides (pronouns),
    and words it does not hold."""
    words = [line.split(",")[0].lower() for line in _lemma_table()[0].text.splitlines()[::25]]
    words += ["it", "their", "everyone", "'d", "mueller", "robert", "zzzz", "naïve", ""]
    for word in words:
        expected = getAllLemmas(word)
        assert in_dictionary(word) == bool(expected), word
        verbs = expected.get("VERB", ())
        assert (verb_form(word) is None) == (not verbs), word


def test_verb_forms() -> None:
    assert [verb_form(word) for word in ("cancels", "hacking", "unsealed", "took", "take")] == [
        "s",
        "ing",
        "ed",
        "ed",
        "base",
    ]
    assert verb_form("mueller") is None
    assert in_dictionary("increasingly") and not in_dictionary("mueller")


def test_a_plural_follows_the_spelling_rules_and_keeps_the_irregular_ones() -> None:
    from summarize.text.inflection import plural, singular

    written = ["states", "casualties", "taxes", "matches", "days", "children", "women", "people"]
    assert [plural(singular(word)) for word in written] == written
    assert plural("court order") == "court orders"


def test_compounds_of_man_change_their_last_syllable() -> None:
    assert plural("fisherman") == "fishermen" and singular("fishermen") == "fisherman"
    assert plural("german") == "germans" and plural("human") == "humans"
