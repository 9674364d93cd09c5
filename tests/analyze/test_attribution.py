from __future__ import annotations

import pytest

from summarize.analyze.attribution import find_attributions
from summarize.analyze.doubt import cause_undetermined, distancing, is_unverified


def speakers(text: str) -> list[tuple[str, str, bool]]:
    found = find_attributions(text)
    assert all(text[a.start : a.end] == a.text for a in found)
    assert all(a.source in a.text and a.cue in a.text for a in found)
    return [(a.source, a.cue, a.doubt) for a in found]


@pytest.mark.parametrize(
    ("sentence", "source", "cue"),
    [
        # seeds
        (
            "Syrian state media SANA said insurgents retreated some 20 kilometers.",
            "Syrian state media SANA",
            "said",
        ),
        (
            "The insurgency through its Military Operations Department channel on the Telegram app "
            "said they captured five militants.",
            "The insurgency",
            "said",
        ),
        (
            "Tens of thousands have been displaced by the fighting, which started last week, Geir "
            "Pedersen, the U.N. special envoy for Syria, said Tuesday.",
            "Geir Pedersen",
            "said",
        ),
        (
            "To the east, the Kurdish-led Syrian Democratic Forces said in a statement that they "
            "captured seven villages.",
            "the Kurdish-led Syrian Democratic Forces",
            "said in a statement",
        ),
        (
            "The fighting has displaced tens of thousands, according to Geir Pedersen, the U.N. "
            "special envoy for Syria.",
            "Geir Pedersen",
            "according to",
        ),
        (
            "Syrian state media, however, denied that the villages were captured.",
            "Syrian state media",
            "denied",
        ),
        (
            "Also Tuesday, Hakan Fidan, the foreign minister of Turkiye, which is a main backer of "
            "groups opposed to Assad, said the advance was rapid.",
            "Hakan Fidan",
            "said",
        ),
        (
            "The insurgents' military operations administration said gunmen killed 50 soldiers.",
            "The insurgents' military operations administration",
            "said",
        ),
        (
            "Both the Observatory and pro-government media outlets reported that forces captured "
            "the village.",
            "Both the Observatory and pro-government media outlets",
            "reported",
        ),
        # other stories
        ("Officials described the blast as a terrorist attack.", "Officials", "described"),
        (
            "Advisers, confidants and lawmakers all urged him not to attack the women.",
            "lawmakers",
            "urged",
        ),
        ("The two leaders both said the talks had failed.", "The two leaders", "said"),
        (
            "Rescue teams pulled 12 survivors from collapsed buildings overnight, the regional "
            "governor said.",
            "the regional governor",
            "said",
        ),
        (
            "A powerful earthquake killed more than 40 people, according to officials.",
            "officials",
            "according to",
        ),
        ('"We will appeal," said Tom Brady, the team\'s quarterback.', "Tom Brady", "said"),
        (
            "The company said in a statement that profits rose 12%.",
            "The company",
            "said in a statement",
        ),
        (
            "The death toll was confirmed by the health ministry.",
            "the health ministry",
            "confirmed",
        ),
        ("Officials in the region confirmed the death toll.", "Officials", "confirmed"),
        (
            "As far as the mayor was concerned, the stadium deal was over.",
            "the mayor",
            "As far as the mayor was concerned",
        ),
        ("Russia and Iran said they would attend the summit.", "Russia and Iran", "said"),
        (
            "Witnesses, speaking on condition of anonymity, said police fired tear gas.",
            "Witnesses",
            "said",
        ),
        ("The coach denied that his players had been paid.", "The coach", "denied"),
        ("Workers at the port walked out over pay, the union said.", "the union", "said"),
        ("The ministry has long insisted that the dam is safe.", "The ministry", "insisted"),
        ("The Kremlin has always denied any role in the attack.", "The Kremlin", "denied"),
        ("Huey Long said the plan would work.", "Huey Long", "said"),
        ("The singer has died at 58, her family said.", "her family", "said"),
        ("Oyelaran has denied wrongdoing and said the beef was bad.", "Oyelaran", "said"),
        ("Jeff Sessions vows to eliminate political bias at DOJ.", "Jeff Sessions", "vows"),
        (
            "Rescuers found the north wing of the 12-story, 136-unit tower had collapsed, said "
            "Ray Jadallah, chief of operations at the fire service.",
            "Ray Jadallah",
            "said",
        ),
        ("The bridge had been closed since Monday, said the mayor.", "the mayor", "said"),
        ("Jerrold Nadler (D-N.Y.) said the hearing would go ahead.", "Jerrold Nadler", "said"),
        (
            "Deaths had exceeded the numbers previously acknowledged by the health ministry.",
            "the health ministry",
            "acknowledged",
        ),
        ("The Aurora clinic first reported the spoiled doses.", "The Aurora clinic", "reported"),
        (
            '"We are ready," Ann Lee, the head of the port authority, told Harbour Radio.',
            "Ann Lee",
            "told",
        ),
    ],
)
def test_speaker_and_cue(sentence: str, source: str, cue: str) -> None:
    assert (source, cue) in [(found[0], found[1]) for found in speakers(sentence)]


def test_doubt_cues_and_doubt_phrases_mark_doubt() -> None:
    assert speakers("Syria claimed that its counteroffensive pushed back insurgents.") == [
        ("Syria", "claimed", True)
    ]
    assert speakers(
        "The insurgents, through their channel on the Telegram app claimed, without evidence, "
        "to have captured five fighters."
    ) == [("The insurgents", "claimed", True)]
    assert speakers(
        "This comes amid reports from the insurgency claiming to have captured troops."
    ) == [("the insurgency", "claiming", True)]
    assert speakers("The minister said, without evidence, that the vote was rigged.")[0][2]
    assert speakers("The union said 2,000 workers joined.") == [("The union", "said", False)]


def test_a_doubting_verb_before_a_clause_of_its_own_reports_a_claim() -> None:
    assert speakers("President Trump claimed the vote in Georgia was rigged.") == [
        ("President Trump", "claimed", True)
    ]
    assert speakers("Trump claims he never said Russia did not interfere.") == [
        ("Trump", "claims", True)
    ]
    assert speakers("The suit seeks damages for what it alleges were false statements.") == [
        ("it", "alleges", True)
    ]
    # an object is no clause, and a noun before a pronoun is no verb
    assert speakers("The storm claimed the lives of two people who were trapped.") == []
    assert speakers("ISIS claimed responsibility for the attack, which was the deadliest.") == []
    assert speakers("He clarified comments he made on Friday.") == []
    assert speakers("It is sometimes described as the largest protest in history.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The war has killed an estimated half-million people over the past 13 years.",
        "The earthquake has claimed at least 40 lives.",
        "The claims could not be independently confirmed.",
        "The strike at the port entered its second day on Wednesday.",
        "Syrian state media reports from the region were scarce.",
        "The groups tried to overthrow Assad, have expressed their concern.",
        "The president gave his first public remarks since his illness to hundreds of activists.",
        # a participle before its noun is an adjective; a count that grew is no saying
        "The state has 684 confirmed cases of the virus.",
        "The number of confirmed dead rose to 12.",
        "Employers added 266,000 jobs in November.",
        # no claim is reported: negated saying, and what something amounts to
        "I didn't threaten anyone at the meeting.",
        "He never said the harbour would close.",
        "The new agreement means that the port will stay open.",
        # "as far as" of distance or degree gives no one's view
        "The convoy went as far as the border before it turned back.",
    ],
)
def test_no_speaker_where_none_is_named(sentence: str) -> None:
    assert speakers(sentence) == []


def test_offsets_are_document_offsets() -> None:
    text = "Officials said the bridge collapsed."
    (found,) = find_attributions(text, offset=50)
    assert (found.start, found.end, found.text) == (50, 64, "Officials said")


@pytest.mark.parametrize(
    ("sentence", "unverified"),
    [
        ("The claims could not be independently confirmed.", True),
        ("These claims have not been independently verified.", True),
        ("The authenticity of these claims could not be independently verified.", True),
        ("The insurgents claimed, without evidence, to have captured five fighters.", True),
        ("Reuters could not immediately verify the report.", True),
        ("The video couldn't be verified.", True),
        ("Media reported a tax holiday, which officials declined to confirm.", True),
        ("The ministry would not confirm the figure.", True),
        ("The minister declined to comment.", False),
        ("The ministry confirmed the death toll.", False),
        ("The Observatory confirmed that the towns were taken.", False),
        ("Police investigated the crash site on Monday.", False),
    ],
)
def test_is_unverified(sentence: str, unverified: bool) -> None:
    assert is_unverified(sentence) is unverified


@pytest.mark.parametrize(
    "sentence",
    [
        "Researchers said the result was unproven.",
        "Police were investigating whether the group ignored avalanche warnings.",
        "A police spokesman said it was too early to draw conclusions.",
        "Officers were checking records to establish whether the men had made earlier trips.",
        "Officials were trying to determine whether the dam had been inspected.",
    ],
)
def test_a_claim_not_yet_established_is_distanced_not_unverified(sentence: str) -> None:
    assert distancing(sentence) is not None
    assert not is_unverified(sentence)  # so no remark on the sentence before it


def test_a_claim_set_apart_as_one_someone_denies_is_disputed_and_distanced() -> None:
    from summarize.analyze.doubt import disputes

    denied = (
        "Survivors said the exits had been locked during the night shift, a claim the factory "
        "management denied."
    )
    disputed = "The plan would cost homeowners $212 a year, a figure the budget office disputes."
    assert disputes(denied) and disputes(disputed)
    cue = distancing(denied)
    assert cue is not None and cue.group().startswith("a claim")
    assert not disputes("The report the committee rejected last year was long.")


def test_a_headline_closing_with_speaker_and_says_is_attributed() -> None:
    headline = "NRA Became Foreign Asset To Russia, Senate Report Says. titled “The NRA” and more."
    assert speakers(headline) == [("Senate Report", "Says", False)]
    assert speakers("The Song Mama Said Knock You Out was a hit.") == []


def test_a_verb_of_belief_with_its_own_subject_is_a_held_view() -> None:
    from summarize.analyze.doubt import held_view

    assert held_view("legislation they think falls far short")
    assert held_view("Officials do not believe the fire was set.")
    assert held_view("The thought of war weighed on them.") is None
    assert held_view("It is thought to be safe.") is None


def test_what_a_piece_of_evidence_shows_is_cited() -> None:
    from summarize.analyze.doubt import cites_evidence

    assert cites_evidence("Video showed officers attempting to clear out the crowd.")
    assert cites_evidence("Court records show the company paid the fine.")
    assert cites_evidence("A new poll shows most voters back the plan.")
    assert cites_evidence("The show was cancelled after two seasons.") is None


def test_claims_after_a_verb_is_a_noun_not_a_distancing_cue() -> None:
    assert distancing("Economists had expected claims to fall to 460,000.") is None
    assert distancing("The company claims that it paid every worker.") is not None
    assert distancing("Trump falsely claimed that the vote was rigged.") is not None


def test_an_accusation_is_a_distancing_cue_but_the_accused_is_not() -> None:
    match = distancing("Democrats accuse him of trying to weaken the next governor.")
    assert match is not None and match.group() == "accuse him of"
    assert distancing("Critics made accusations that the booklet was copied.") is not None
    assert distancing("The rules give accused students the right to a hearing.") is None


def test_reportedly_said_doubts_the_saying_not_the_claim() -> None:
    assert distancing("The nurse reportedly said she felt privileged to be first.") is None
    assert distancing("The nurse was reportedly the first to get the vaccine.") is not None


def test_a_wh_word_opens_the_clause_its_speaker_is_in() -> None:
    sentence = "Lawmakers are demanding a hearing on what they say is a crisis at the border."
    assert speakers(sentence) == [("they", "say", False)]
    sentence = "The editor resigned Monday, citing what she said was bullying from colleagues."
    assert speakers(sentence) == [("she", "said", False)]


@pytest.mark.parametrize(
    ("sentence", "undetermined"),
    [
        ("State officials cautioned Tuesday that no cause has been established.", True),
        ("Investigators said it was too early to determine a cause.", True),
        ("Carroll said it was too early to say what caused the collapse.", True),
        ("They said inspectors would determine the cause.", True),
        ("The cause of the fire is under investigation.", True),
        ("The cause of the blaze was not immediately known.", True),
        ("Officials are investigating the cause of the explosion.", True),
        ("Investigators have not determined a cause.", True),
        ("Investigators are examining whether a downed power line sparked the fire.", True),
        ("Investigators are examining whether an overheated bearing played a role.", True),
        ("Officials did not say what caused the ferry to capsize.", True),
        ("Investigators have determined the cause.", False),
        ("Investigators determined the cause was a gas leak.", False),
        ("Police are investigating whether he was at the scene.", False),
        ("The cause of the crash is known.", False),
        ("Police said the cause was a gas leak.", False),
        ("It is too early to say whether she will run.", False),
    ],
)
def test_a_cause_not_yet_known(sentence: str, undetermined: bool) -> None:
    assert (cause_undetermined(sentence) is not None) is undetermined


def test_examining_or_probing_whether_puts_a_claim_at_a_distance() -> None:
    assert distancing("Police are examining whether the vessel was overloaded.") is not None
    assert distancing("They are looking into whether the ferry was overloaded.") is not None
    assert distancing("It was probably whether or not they came.") is None
