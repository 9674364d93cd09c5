"""Name variants: spellings of one name differ; short forms and initialisms do not count."""

from __future__ import annotations

from summarize.analyze import analyze
from summarize.check.names import check_names
from summarize.models import Finding
from tests.stories import cluster_of


def _variants(reports: dict[str, str]) -> list[Finding]:
    return check_names(analyze(cluster_of(reports).documents))


def test_two_spellings_of_one_name_are_a_variant() -> None:
    (finding,) = _variants(
        {
            "a": "Shelling hit Lattakia on Monday, residents said. The port was closed.",
            "b": "Shelling hit Latakia on Monday, according to residents. The port stayed shut.",
        }
    )
    assert finding.severity == "low"
    assert sorted(e.quote for e in finding.evidence) == ["Latakia", "Lattakia"]


def test_an_initialism_does_not_hide_two_spellings_it_stands_for() -> None:
    findings = _variants(
        {
            "a": "The stolen brooch dates from the 7th century BC.\n\nThe museum's director, "
            "Benedetta Ciampolini, said it was not yet clear why the alarm failed.",
            "b": "Director Benedetta Ciampollini said the museum would remain closed.",
        }
    )
    quotes = {e.quote for f in findings for e in f.evidence}
    assert {"Benedetta Ciampolini", "Benedetta Ciampollini"} <= quotes


def test_a_short_form_or_an_initialism_is_no_variant() -> None:
    findings = _variants(
        {
            "a": "The Syrian Arab News Agency said Bashar Assad met the envoy on Monday.",
            "b": "SANA said Assad met the envoy on Monday, in Damascus.",
        }
    )
    assert findings == []
    placed = _variants(
        {
            "a": "The Food and Drug Administration (FDA) approved the vaccine for children on "
            "Friday. The FDA said doses would ship.",
            "b": "The US Food and Drug Administration approved the vaccine for children. The "
            "FDA’s advisers agreed.",
        }
    )
    assert placed == []


def test_a_person_s_short_given_name_title_or_initial_is_no_variant() -> None:
    findings = _variants(
        {
            "a": "Senate Majority Leader Charles E. Schumer said the vote would come on Monday.",
            "b": "Majority Leader Chuck Schumer said the vote would come on Monday night.",
        }
    )
    assert findings == []


def test_a_straight_or_a_curly_apostrophe_is_no_variant() -> None:
    findings = _variants(
        {
            "a": "Justice Sandra Day O'Connor said on Monday that she would retire.",
            "b": "Justice Sandra Day O’Connor said she would retire from the court.",
        }
    )
    assert findings == []


def test_near_names_of_people_in_other_roles_are_two_people() -> None:
    findings = _variants(
        {
            "a": "Deputy Interior Minister Ahmad al-Saidi said the government does not negotiate.",
            "b": "Ahmed al-Saadi, a spokesman for the kidnappers, said the group wanted peace.",
        }
    )
    assert findings == []


def test_a_role_told_after_an_age_tells_who_the_named_one_is() -> None:
    findings = _variants(
        {
            "a": "Borough mayor Rocio Mendez said engineers were assessing nearby buildings.",
            "b": "They sent someone to take photos, said Rocio Menendez, 45, a seamstress.",
        }
    )
    assert findings == []


def test_near_names_in_the_same_role_are_one_name_spelt_two_ways() -> None:
    (finding,) = _variants(
        {
            "a": "Deputy Interior Minister Ahmad al-Saidi said the government does not negotiate.",
            "b": "Ahmed al-Saidi, the deputy interior minister, said the talks had ended.",
        }
    )
    assert {e.quote for e in finding.evidence} == {"Ahmad al-Saidi", "Ahmed al-Saidi"}


def test_a_family_name_misspelt_by_one_report_is_a_variant() -> None:
    (finding,) = _variants(
        {
            "a": "Marcelo Quisbert, general manager of the operator, said a gearbox failed.",
            "b": "Marcelo Quispert, the operator's manager, said the line would reopen.",
        }
    )
    assert sorted(e.quote for e in finding.evidence) == ["Marcelo Quisbert", "Marcelo Quispert"]


def test_two_people_with_names_one_slip_apart_and_other_roles_are_no_variant() -> None:
    assert not _variants(
        {
            "a": "The claims were filed by Andi Rahman, the lawyer for the villagers.",
            "b": "Governor Andi Rahmat said the smelter would be inspected.",
        }
    )


def test_a_title_before_a_name_tells_who_the_named_one_is() -> None:
    assert not _variants(
        {
            "a": "The claims were filed by Andi Rahman, the lawyer for the villagers.",
            "b": "Morowali district head Andi Rahmat said the smelter would be inspected.",
        }
    )


def test_a_noun_before_a_verb_before_a_name_is_no_title() -> None:
    findings = _variants(
        {
            "a": "The win was set up by fast bowler Shahzaib Qureshi, who took five wickets.",
            "b": "The star was Shahzeb Qureshi, who took five wickets in the win.",
        }
    )
    assert findings
