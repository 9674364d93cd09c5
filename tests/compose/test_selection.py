from summarize.compose.selection import _fill, select
from summarize.compose.worth import Option, fact_term
from tests.stories import outputs_by_hash_seed


def _option(wording: int, group: int, words: int, terms: str, loaded: int = 0) -> Option:
    return Option(
        wording=wording,
        group=group,
        blocks=frozenset(),
        words=words,
        terms=frozenset([*terms.split(), fact_term(group)]),
        prior=1.0,
        said=frozenset(terms.split()),
        loaded=loaded,
    )


def test_a_new_fact_is_worth_more_than_another_wording_of_a_told_one():
    told = _option(0, 0, 10, "army push rebels")
    retold = _option(1, 0, 10, "troops drive insurgents")
    new = _option(2, 1, 10, "envoy warns council")
    weights = {term: 4.0 for option in (told, retold, new) for term in option.terms}
    weights[fact_term(0)] = weights[fact_term(1)] = 20.0
    specific = {term: 1.0 for term in weights}
    specific[fact_term(0)] = specific[fact_term(1)] = 0.0
    chosen = select([told, retold, new], weights, specific, 20, lambda option: True)
    assert {option.group for option in chosen} == {0, 1}


def test_without_filling_a_fact_is_told_once_in_prose_in_its_richest_telling_that_fits() -> None:
    headline = _option(0, -1, 6, "council closes library branch")
    lead = _option(1, 0, 16, "council closes library branch tuesday after budget vote")
    short = _option(3, 0, 9, "council closes library branch tuesday")
    other = _option(2, 1, 8, "staff move central branch spring")
    options = [headline, lead, short, other]
    weights = {term: 4.0 for option in options for term in option.terms}
    weights |= {term: 9.0 for term in headline.terms}  # a headline's words weigh most
    specific = dict.fromkeys(weights, 1.0)

    def chosen(budget: int, fill: bool, among: list[Option] = options) -> list[Option]:
        return select(among, weights, specific, budget, lambda option: True, fill)

    assert headline in chosen(40, fill=True) and lead in chosen(40, fill=True)
    assert sorted(chosen(40, fill=False), key=id) == sorted([lead, other], key=id)
    # no room for the lead: its shorter telling, never the headline
    assert short in chosen(18, fill=False) and headline not in chosen(18, fill=False)
    # a headline only where no report's sentence can tell anything
    assert chosen(14, fill=False, among=[headline]) == [headline]


def test_without_filling_two_reports_leads_of_one_event_are_told_once() -> None:
    """Two leads sharing half their words tell the core event twice: without a length asked,
    only the richer one is taken; two other sentences sharing as much are two facts."""
    first = _option(0, 0, 9, "mondale dies aged 93 home monday")
    second = _option(1, 1, 12, "mondale dies aged 93 former vice president")
    other = _option(2, 2, 8, "carter calls him dear friend")
    options = [first, second, other]
    for lead in (first, second):
        lead.lead = True
    weights = {term: 4.0 for option in options for term in option.terms}
    specific = dict.fromkeys(weights, 1.0)

    def chosen(fill: bool) -> list[Option]:
        return select(options, weights, specific, 40, lambda option: True, fill)

    assert sorted(chosen(fill=False), key=id) == sorted([second, other], key=id)
    assert len(chosen(fill=True)) == 3
    first.lead = False  # not two leads: as many shared words tell two facts
    assert len(chosen(fill=False)) == 3


def test_at_most_two_titles_are_taken() -> None:
    headlines = ("quake strikes coast", "tsunami warning lifted", "ports reopen after alert")
    titles = [_option(n, -1 - n, 6, headline) for n, headline in enumerate(headlines)]
    body = _option(3, 0, 12, "rescuers pull survivors from rubble")
    weights = {term: 4.0 for option in (*titles, body) for term in option.terms}
    specific = dict.fromkeys(weights, 1.0)
    chosen = select([*titles, body], weights, specific, 40, lambda option: True)
    assert sum(option.group < 0 for option in chosen) == 2 and body in chosen


def test_room_left_goes_to_a_longer_version_of_a_chosen_wording():
    short = _option(0, 0, 8, "army push rebels")
    longer = _option(0, 0, 14, "army push rebels hama")
    loaded = _option(0, 0, 12, "army push rebels", loaded=1)
    assert _fill([short], [short, longer, loaded], 15, lambda option: True) == [longer]
    assert _fill([short], [short, longer, loaded], 13, lambda option: True) == [short]
    assert _fill([short], [short, longer], 15, lambda option: option is not longer) == [short]


def test_the_summary_does_not_depend_on_the_hash_seed() -> None:
    """The extractive backend is deterministic: the same reports give the same summary in every
    process, whatever PYTHONHASHSEED makes of set order. A NeuS cluster whose near-equal
    choices once broke differently by seed, merged in two processes."""
    script = (
        "import json, sys; from summarize import cluster_from_record, merge; "
        "report = merge(cluster_from_record(json.load(sys.stdin))); "
        "print(json.dumps([s.text for s in report.summary]))"
    )
    summaries = outputs_by_hash_seed(148, script, ("0", "11"))
    assert len(summaries) == 1


def test_room_no_new_fact_fits_goes_to_a_telling_of_a_told_one() -> None:
    """At a length the reader asked for, room that no version bringing MIN_NEW of new content
    fits is filled with the most valuable one that fits and tells anything new (a lead next to
    its headline), never past the budget; at the tool's own length, it stays empty."""
    headline = _option(0, -1, 8, "senate confirms barr attorney general")
    lead = _option(1, 0, 11, "senate confirmed barr attorney general thursday")
    weights = {term: 4.0 for option in (headline, lead) for term in option.terms}
    weights |= {term: 9.0 for term in headline.terms}
    specific = dict.fromkeys(weights, 1.0)

    def chosen(budget: int, fill: bool) -> list[Option]:
        return select([headline, lead], weights, specific, budget, lambda option: True, fill)

    assert sorted(chosen(50, fill=True), key=id) == sorted([headline, lead], key=id)
    assert len(chosen(18, fill=True)) == 1  # the lead does not fit beside the headline
    assert chosen(50, fill=False) == [lead]


def test_without_filling_another_report_s_wording_of_a_told_fact_is_not_taken() -> None:
    """Two reports' wordings of one fact (one claim group) in words too different to count as a
    retelling ("the war has killed half a million" / "the conflict has claimed 500,000 lives"):
    at the tool's own length the fact is told once."""
    war = _option(0, 0, 12, "war assad backers killed estimated half million people years")
    conflict = _option(1, 0, 12, "conflict government opposition claimed lives thirteen")
    other = _option(2, 1, 8, "envoy warns council crisis")
    options = [war, conflict, other]
    weights = {term: 4.0 for option in options for term in option.terms}
    specific = dict.fromkeys(weights, 1.0)
    assert len(select(options, weights, specific, 60, lambda option: True, fill=False)) == 2
    assert len(select(options, weights, specific, 60, lambda option: True, fill=True)) == 3
