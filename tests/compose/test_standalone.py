"""Whether a report's sentence stands alone: pronouns and speakers leaning on what the report
told before it."""

from __future__ import annotations

from summarize.analyze import analyze
from summarize.compose.standalone import Standalone, leans_back, points_back
from summarize.models import SentenceRef
from tests.stories import cluster_of, cluster_with_titles


def _standing_alone(report: str) -> dict[str, bool]:
    """Each sentence of the report, and whether it stands alone."""
    analysis = analyze(cluster_of({"a": report}).documents)
    standalone = Standalone(analysis)
    return {
        sentence.text: standalone.stands_alone(SentenceRef(document="a", sentence=sentence.index))
        for sentence in analysis.documents[0].sentences
    }


def test_a_name_inside_the_quotation_is_no_referent_of_its_speaker_s_pronoun() -> None:
    alone = _standing_alone(
        "Army spokesman Colonel Ivo Brandt said the units had not crossed the line of control. "
        '"Our soldiers defended Meridian territory," he said. '
        '"Our soldiers defended the valley all night," Brandt told reporters.'
    )
    assert not alone['"Our soldiers defended Meridian territory," he said.']
    assert alone['"Our soldiers defended the valley all night," Brandt told reporters.']


def test_the_rest_of_a_count_leans_on_the_sentence_that_counted() -> None:
    alone = _standing_alone(
        "Two of the dead were found in a car swept off a flooded road, police said. "
        "The other two were an elderly couple found in their ground-floor flat."
    )
    assert not alone["The other two were an elderly couple found in their ground-floor flat."]


def test_a_speaker_who_is_one_of_a_group_told_before_leans_on_it() -> None:
    alone = _standing_alone(
        "Attackers got in through a contractor's account, two people familiar with the "
        "investigation said. The company declined to comment on the investigation on Tuesday. "
        "The account did not use multi-factor authentication, one of the people said. "
        "The account had no second password, one of the people familiar with the inquiry said."
    )
    assert not alone["The account did not use multi-factor authentication, one of the people said."]
    assert alone[
        "The account had no second password, one of the people familiar with the inquiry said."
    ]


def test_what_was_said_of_that_leans_back():

    assert leans_back("A senior official acknowledged that was intentional.")
    assert leans_back("Officials said this is why the roads were closed.")
    assert not leans_back("Officials said that the roads were closed.")
    assert not leans_back("The dam that was built in 1960 holds the reservoir.")


def test_the_latter_or_the_former_leans_back():

    assert leans_back("The latter assertion is linked to the pandemic response.")
    assert leans_back("The former was passed by the House on Friday.")
    assert not leans_back("The former governor was passed over on Friday.")


def test_a_time_told_from_the_narrative_before_leans_back_with_its_pronoun():
    """Openers such as "soon" and "hours later" tell time from what came before: the pronoun
    after them points there too. A sentence naming its subject stands alone, and so does a time
    of the calendar."""

    assert leans_back("Soon, her precise intention was clear.")
    assert leans_back("Hours later, he reversed the decision.")
    assert not leans_back("Later, the Senate voted to confirm the nominee.")
    assert not leans_back("Later this week, the Senate votes on the bill.")


def test_a_pronoun_after_the_connective_the_summary_drops_leans_back():

    assert leans_back("But he said the talks had failed.")
    assert leans_back("Then he went on to offer a 15-minute ode to alliances.")
    assert leans_back("And then he went on to offer a 15-minute ode to alliances.")
    assert leans_back("But now, they say the talks have failed.")
    assert not leans_back("But the union said the talks had failed.")
    assert not leans_back("Thenceforth the port stayed closed.")
    assert leans_back("But that is the highest since records began in 2000.")
    assert not leans_back("This week the port stayed closed.")
    # The answer to a question the sentence before asks.
    assert leans_back("The answer is simple: the harbour owners.")
    assert not leans_back("The harbour owners answered the union on Friday.")
    assert leans_back("All of it was as believable as the owners' offer.")
    assert not leans_back("All of the harbours stayed closed on Friday.")


def test_a_sentence_opening_on_what_the_sentence_before_introduced_leans_back():

    text = (
        "Police charged two men with plotting to attack the harbour office. "
        "The men were arrested on Wednesday at a farm outside the city. "
        "Prosecutors released a list of 12 suspects on Thursday evening. "
        "The list includes the harbour master's deputy and his brother. "
        "Two other men face lesser charges of helping the group, police said. "
        "The president said the harbour would reopen by the end of the month. "
        "The harbour strike had lasted for eleven days before the arrests. "
        "All were released on bail by the harbour court on Friday. "
        "The move drew sharp criticism from the dock workers' union. "
        "The number of dock workers on strike fell to 300 on Friday. "
        "Officials at the Ministry of Transport said the port had lost millions of dollars. "
        "The ministry says it will ask the navy to help clear the harbour entrance. "
        "Workers cheered when President Ana Ruiz visited the harbour on Saturday. "
        "The president said the port would stay open through the winter."
    )
    cluster = cluster_with_titles({"a": ("Harbour strike ends after arrests", text)})
    standalone = Standalone(analyze(cluster.documents))
    alone = [standalone.stands_alone(SentenceRef(document="a", sentence=i)) for i in range(14)]
    # "The men" and "The list": introduced by the sentence before; "Two other men": its count; "All
    # were": what it counted; "The move": what the sentence before told; "The ministry": the
    # name the sentence before gives. "The president" is known without it, even after a title
    # before a name, and so is "The number of dock workers"; the harbour strike is the story a
    # title names.
    assert alone == [
        *(True, False, True, False, False, True, True, False, False, True),
        *(True, False, True, True),
    ]


def test_he_or_her_needs_someone_before_it_in_the_sentence():

    text = (
        "Harbour master Ana Ruiz closed the port on Friday after the storm. "
        "Plenty of dock workers ignored her advice to stay home. "
        "The union leader said his members would return on Monday. "
        "Ana Ruiz said her office would review the damage next week. "
        "Dock workers said they would return on Monday morning. "
        '"We will reopen when the cranes are safe to use again," she told the local paper.'
    )
    standalone = Standalone(analyze(cluster_with_titles({"a": ("Harbour closed", text)}).documents))
    alone = [standalone.stands_alone(SentenceRef(document="a", sentence=i)) for i in range(6)]
    # "her advice" with only plural workers before it; "his members" after "The union leader";
    # "her office" after her name; "they" is not one person's pronoun; "she" after a quotation
    # names no one
    assert alone == [True, False, True, True, True, False]


def test_a_quotation_opening_on_its_own_attribution_names_no_speaker():

    text = (
        "The harbour master spoke to reporters at the dock on Friday morning. "
        "\"They said 'Sir, we can make this work very easily with the unions.'\" "
        '"We can make this work very easily with the unions," the harbour master said.'
    )
    standalone = Standalone(analyze(cluster_with_titles({"a": ("Harbour talks", text)}).documents))
    assert not standalone.stands_alone(SentenceRef(document="a", sentence=1))
    assert standalone.stands_alone(SentenceRef(document="a", sentence=2))


def test_this_points_back_except_to_a_period_of_the_time_of_writing():

    assert points_back("Officials said this move would close the port.")
    for period in ("week", "summer", "evening", "winter"):
        assert not points_back(f"The port will stay closed this {period}, officials said.")


def test_a_quotation_or_such_as_points_back_to_nothing():

    assert points_back("Towns have also been seized by these opposition forces.")
    assert points_back("Critics have long decried this move.")
    assert not points_back('He said "this is the worst day" of his term.')
    assert not points_back("Groups such as the ACLU rejected the plan.")


def test_a_pronoun_after_an_opening_phrase_of_time_leans_back() -> None:

    assert leans_back("On Wednesday, however, it said the doses were spoiled on purpose.")
    assert leans_back("In a statement, they said the port would reopen.")
    assert not leans_back("On Wednesday, the clinic said the doses were spoiled.")
    assert leans_back("Biden, instead, is adjusting the limits set by Trump.")
    assert not leans_back("Biden, the new president, is adjusting the limits.")
