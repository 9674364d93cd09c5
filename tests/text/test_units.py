"""The unit table is pint's answers written out: each conversion must match pint's."""

from __future__ import annotations

import pytest

from summarize.analyze.quantities.units import MEASURE_WORDS
from summarize.text.units import CONVERSIONS, to_base

pint = pytest.importorskip("pint", reason="pint (a dev dependency) checks the unit table")


@pytest.fixture(scope="module")
def registry() -> pint.UnitRegistry:
    return pint.UnitRegistry()


@pytest.mark.parametrize("unit", sorted(CONVERSIONS))
def test_conversion_matches_pint(unit: str, registry: pint.UnitRegistry) -> None:
    zero = registry.Quantity(0.0, unit).to_base_units()
    one = registry.Quantity(1.0, unit).to_base_units()
    conversion = CONVERSIONS[unit]
    expected = (
        f"    {unit!r}: Conversion({one.magnitude - zero.magnitude!r}, {f'{one.units:~C}'!r}, "
        f"{zero.magnitude!r}, {str(registry.Unit(unit))!r}),"
    )
    assert conversion.scale == pytest.approx(one.magnitude - zero.magnitude), expected
    assert conversion.shift == pytest.approx(zero.magnitude, abs=1e-9), expected
    assert conversion.base == f"{one.units:~C}", expected
    assert conversion.name == str(registry.Unit(unit)), expected


def test_every_unit_the_analyzer_reads_is_in_the_table() -> None:
    used = {unit for units in MEASURE_WORDS for unit in units}
    assert used <= CONVERSIONS.keys(), sorted(used - CONVERSIONS.keys())


def test_to_base() -> None:
    assert to_base(20, "kilometer") == (20000.0, "m")
    assert to_base(0, "degree_Celsius") == (273.15, "K")


def test_a_count_keeps_the_decimals_its_report_wrote() -> None:
    from summarize.text.units import format_value

    assert format_value(-1861.81, "count") == "-1,861.81"
    assert format_value(3_100_000, "count") == "3,100,000"
    assert format_value(20_000, "m") == "20 km = 12.4 mi"
