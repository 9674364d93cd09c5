from __future__ import annotations

from summarize.analyze.terms import (
    content_terms,
    lexicon,
    stem,
    tokenize,
    word_forms,
    word_set,
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


def test_lexicon_skips_comments_and_blank_lines() -> None:
    hedges = lexicon("hedges_hyland2005.txt")
    assert "perhaps" in hedges and "in my view" in hedges
    assert not any(entry.startswith("#") or not entry for entry in hedges)
    assert word_set(" a  b\nc ") == frozenset({"a", "b", "c"})
