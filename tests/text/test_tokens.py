from __future__ import annotations

from summarize.text.inflection import indefinite_article, word_forms
from summarize.text.lexicons import lexicon, word_set
from summarize.text.tokens import (
    content_terms,
    is_acronym,
    is_title_case,
    stem,
    tokenize,
    word_tokens,
)


def test_content_terms_drop_stopwords_and_stem() -> None:
    terms = content_terms("The insurgents were pushed back from the city by government troops.")
    assert terms == ["insurg", "push", "back", "citi", "govern", "troop"]


def test_numbers_kept_as_digits_and_number_words_become_digits() -> None:
    assert content_terms("About 2,000 workers joined") == ["2000", "worker", "join"]
    assert content_terms("three million refugees") == content_terms("3 million refugees")
    assert "6.1" in content_terms("An earthquake of magnitude 6.1 struck")


def test_paraphrases_share_terms() -> None:
    # hyphenation, possessives, British and American spelling
    assert content_terms("Syria's fourth-largest city") == content_terms(
        "Syria’s fourth largest city"
    )
    assert content_terms("some 20 kilometres") == content_terms("some 20 kilometers")
    assert stem("honoured") == stem("honored")
    assert stem("organised") == stem("organized")


def test_tokenize_lowercases_and_strips_apostrophes() -> None:
    assert tokenize("Hay’at Tahrir al-Sham's fighters") == [
        "hayat",
        "tahrir",
        "al",
        "sham",
        "fighters",
    ]


def test_word_tokens_keep_offsets_acronyms_and_hyphenated_words() -> None:
    text = "The U.S.-backed SDF said: fine."
    tokens = word_tokens(text)
    assert [t.text for t in tokens] == ["The", "U.S.-backed", "SDF", "said", ":", "fine", "."]
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_word_forms_cover_regular_and_irregular_verbs() -> None:
    assert {"said", "says", "saying"} <= word_forms("say")
    assert {"denied", "denies"} <= word_forms("deny")
    assert {"admitted", "admits"} <= word_forms("admit")
    assert {"announced", "announcing"} <= word_forms("announce")
    assert "successfully" in word_forms("successful")
    assert "heroes" in word_forms("hero")  # a noun ending in -o takes -es


def test_lexicon_skips_comments_and_blank_lines() -> None:
    pairs = lexicon("antonyms.txt")
    assert "buy sell" in pairs
    assert not any(entry.startswith("#") or not entry for entry in pairs)
    assert word_set(" a  b\nc ") == frozenset({"a", "b", "c"})


def test_acronyms_with_dots_plurals_and_possessives() -> None:
    assert all(is_acronym(w) for w in ["NATO", "U.N.", "SDF's", "NCAAs", "UN"])
    assert not any(is_acronym(w) for w in ["Nato", "I", "A", "SYRIANS-X", "F-16", "CORONAVIRUS"])


def test_title_case_needs_every_content_word_capitalised() -> None:
    assert is_title_case(["Intel", "Chief", "Surprised", "By", "Putin", "Invite"])
    names = "President Donald Trump met Russian President Vladimir Putin in July"
    assert not is_title_case(names.split())
    assert not is_title_case(["Fed", "Raises", "Rates"][:2])  # too short to tell


def test_the_indefinite_article_follows_the_sound_of_the_word() -> None:
    assert [indefinite_article(w) for w in ("attack", "call", "union", "hour", "one-time")] == [
        "an",
        "a",
        "a",
        "an",
        "a",
    ]
    assert [indefinite_article(w) for w in ("unanimous", "Ukrainian", "utility", "unusual")] == [
        "a",
        "a",
        "a",
        "an",
    ]
    assert indefinite_article("FBI") is None and indefinite_article("1.5%") is None


def test_the_negations_of_a_verb_are_negations() -> None:
    from summarize.text.negation import NEGATIONS, negates_verb

    for word in ("not", "never", "cannot", "didn't", "hasn’t"):
        assert negates_verb(word)
        assert word.replace("'", "").replace("’", "") in NEGATIONS
    assert not negates_verb("no")  # "no one said" denies no statement's being made
    assert not negates_verb("notice")


def test_a_party_label_stands_for_its_party_and_state() -> None:
    from summarize.text.party_labels import party_label_words

    assert party_label_words("Mitch McConnell (R-Ky.) said") == ["Republican", "Kentucky"]
    assert party_label_words("Nancy Pelosi (D., Calif.) and Rep. Tom Rice, R-S.C.,") == [
        "Democrat",
        "California",
        "Republican",
        "South Carolina",
    ]
    assert party_label_words("a B-52 (R-Do) crew") == []
