"""Units news uses: how each converts to the base unit of its dimension, and how a base-unit
value is shown back to people ("20000 m" -> "20 km = 12.4 mi").

The conversions are pint's, written out: building pint's registry costs about 0.35 s of every
run, for the 46 units below. `tests/text/test_units.py` checks each against pint (a dev
dependency), so the table cannot drift from it; add a unit here and the test tells its values.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


def is_currency(base_unit: str) -> bool:
    """A sum of money: its base unit is a currency's three-letter code ("USD", "EUR"), where
    every other base unit is pint's ("m", "kg", "K")."""
    return len(base_unit) == 3 and base_unit.isalpha() and base_unit.isupper()


@dataclass(frozen=True)
class Conversion:
    """base value = value * scale + shift; `name` is how pint spells the unit."""

    scale: float
    base: str
    shift: float = 0.0
    name: str = ""


# pint unit expression -> its conversion to base units
CONVERSIONS: dict[str, Conversion] = {
    "kilometer": Conversion(1000.0, "m", name="kilometer"),
    "mile": Conversion(1609.344, "m", name="mile"),
    "nautical_mile": Conversion(1852.0, "m", name="nautical_mile"),
    "meter": Conversion(1.0, "m", name="meter"),
    "centimeter": Conversion(0.01, "m", name="centimeter"),
    "millimeter": Conversion(0.001, "m", name="millimeter"),
    "foot": Conversion(0.30479999999999996, "m", name="foot"),
    "inch": Conversion(0.0254, "m", name="inch"),
    "yard": Conversion(0.9144, "m", name="yard"),
    "kilometer ** 2": Conversion(1000000.0, "m**2", name="kilometer ** 2"),
    "mile ** 2": Conversion(2589988.110336, "m**2", name="mile ** 2"),
    "meter ** 2": Conversion(1.0, "m**2", name="meter ** 2"),
    "foot ** 2": Conversion(0.09290303999999999, "m**2", name="foot ** 2"),
    "hectare": Conversion(10000.0, "m**2", name="hectare"),
    "acre": Conversion(4046.8726098742513, "m**2", name="acre"),
    "liter": Conversion(0.0010000000000000002, "m**3", name="liter"),
    "gallon": Conversion(0.0037854117839999993, "m**3", name="gallon"),
    "oil_barrel": Conversion(0.15898729492799996, "m**3", name="oil_barrel"),
    "meter ** 3": Conversion(1.0, "m**3", name="meter ** 3"),
    "metric_ton": Conversion(1000.0, "kg", name="metric_ton"),
    "short_ton": Conversion(907.1847400000001, "kg", name="ton"),
    "kilogram": Conversion(1.0, "kg", name="kilogram"),
    "gram": Conversion(0.001, "kg", name="gram"),
    "pound": Conversion(0.4535923700000001, "kg", name="pound"),
    "ounce": Conversion(0.028349523125000005, "kg", name="ounce"),
    "mile / hour": Conversion(0.44704, "m/s", name="mile / hour"),
    "kilometer / hour": Conversion(0.2777777777777778, "m/s", name="kilometer / hour"),
    "meter / second": Conversion(1.0, "m/s", name="meter / second"),
    "knot": Conversion(0.5144444444444445, "m/s", name="knot"),
    "degree_Celsius": Conversion(1.0, "K", 273.15, "degree_Celsius"),
    "degree_Fahrenheit": Conversion(
        0.5555555555555429, "K", 255.37222222222223, "degree_Fahrenheit"
    ),
    "kilowatt": Conversion(1000.0, "kg*m**2/s**3", name="kilowatt"),
    "megawatt": Conversion(1000000.0, "kg*m**2/s**3", name="megawatt"),
    "gigawatt": Conversion(1000000000.0, "kg*m**2/s**3", name="gigawatt"),
    "kilowatt_hour": Conversion(3600000.0, "kg*m**2/s**2", name="kilowatt_hour"),
    "megawatt_hour": Conversion(3600000000.0, "kg*m**2/s**2", name="megawatt_hour"),
    "gigawatt_hour": Conversion(3600000000000.0, "kg*m**2/s**2", name="gigawatt_hour"),
    "century": Conversion(3155760000.0, "s", name="century"),
    "year": Conversion(31557600.0, "s", name="year"),
    "month": Conversion(2629800.0, "s", name="month"),
    "week": Conversion(604800.0, "s", name="week"),
    "day": Conversion(86400.0, "s", name="day"),
    "hour": Conversion(3600.0, "s", name="hour"),
    "minute": Conversion(60.0, "s", name="minute"),
    "second": Conversion(1.0, "s", name="second"),
}


def to_base(amount: float, unit: str) -> tuple[float, str]:
    """`amount` of a pint unit expression of CONVERSIONS in its base unit, and that unit."""
    conversion = CONVERSIONS[unit]
    return amount * conversion.scale + conversion.shift, conversion.base


@dataclass(frozen=True)
class _Scale:
    """A unit to show a base-unit value in: shown = (normalized - offset) / factor."""

    symbol: str  # with its leading space, if any: " km", "%"
    factor: float
    offset: float = 0.0

    def convert(self, normalized: float) -> float:
        return (normalized - self.offset) / self.factor

    def show(self, normalized: float) -> str:
        return f"{format_number(self.convert(normalized))}{self.symbol}"


_MILE = 1609.344
_YEAR = 365.25 * 86400
# base unit -> (smallest magnitude, units to show it in), largest magnitude first
_DISPLAY: dict[str, tuple[tuple[float, tuple[_Scale, ...]], ...]] = {
    "m": (
        (1000, (_Scale(" km", 1000), _Scale(" mi", _MILE))),
        (0, (_Scale(" m", 1), _Scale(" ft", 0.3048))),
    ),
    "m**2": (
        (1e6, (_Scale(" km²", 1e6), _Scale(" sq mi", _MILE**2))),
        (1e4, (_Scale(" ha", 1e4), _Scale(" acres", 4046.8564224))),
        (0, (_Scale(" m²", 1), _Scale(" sq ft", 0.09290304))),
    ),
    "m**3": (
        (1, (_Scale(" m³", 1),)),
        (0, (_Scale(" L", 0.001), _Scale(" US gal", 0.003785411784))),
    ),
    "kg": (
        (1000, (_Scale(" t", 1000), _Scale(" short tons", 907.18474))),
        (0, (_Scale(" kg", 1), _Scale(" lb", 0.45359237))),
    ),
    "m/s": ((0, (_Scale(" km/h", 1 / 3.6), _Scale(" mph", 0.44704))),),
    "K": ((0, (_Scale(" °C", 1, 273.15), _Scale(" °F", 5 / 9, 273.15 - 32 * 5 / 9))),),
    "s": (
        (_YEAR, (_Scale(" years", _YEAR),)),
        (86400, (_Scale(" days", 86400),)),
        (3600, (_Scale(" hours", 3600),)),
        (60, (_Scale(" minutes", 60),)),
        (0, (_Scale(" seconds", 1),)),
    ),
    "kg*m**2/s**3": (
        (1e9, (_Scale(" GW", 1e9),)),
        (1e6, (_Scale(" MW", 1e6),)),
        (1e3, (_Scale(" kW", 1e3),)),
        (0, (_Scale(" W", 1),)),
    ),
    "kg*m**2/s**2": (
        (3.6e12, (_Scale(" GWh", 3.6e12),)),
        (3.6e9, (_Scale(" MWh", 3.6e9),)),
        (3.6e6, (_Scale(" kWh", 3.6e6),)),
        (0, (_Scale(" J", 1),)),
    ),
    "percent": ((0, (_Scale("%", 1),)),),
    "percentage point": ((0, (_Scale(" points", 1),)),),
    "count": ((0, (_Scale("", 1),)),),
}


def format_number(value: float) -> str:
    """Thousands separators from 100 on, three significant digits below: 19,312 / 12.4 / 0.05."""
    if value == 0 or not math.isfinite(value):
        return f"{value:g}"
    decimals = 0 if abs(value) >= 100 else 2 - math.floor(math.log10(abs(value)))
    text = f"{value:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def display_scales(unit: str, magnitude: float) -> tuple[_Scale, ...]:
    """Units a value of this size is shown in; money and unknown units as they are."""
    for smallest, scales in _DISPLAY.get(unit, ()):
        if abs(magnitude) >= smallest:
            return scales
    return (_Scale(f" {unit}", 1),)


# A sum of money this large is shown in the word news writes it with: "1.2 trillion USD", not
# "1,200,000,000,000 USD", whose zeros a reader has to count.
_MONEY_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def format_value(normalized: float, unit: str) -> str:
    """A base-unit value for people: '20 km = 12.4 mi', '3,000,000', '1.5 billion USD'. A count
    is never converted, so its decimals are the report's own and are kept ('1,861.81')."""
    if unit == "count" and abs(normalized) >= 100 and not float(normalized).is_integer():
        return f"{normalized:,.2f}".rstrip("0").rstrip(".")
    if is_currency(unit):
        for size, word in _MONEY_SCALES:
            if abs(normalized) >= size:
                scaled = f"{normalized / size:,.3f}".rstrip("0").rstrip(".")
                return f"{scaled} {word} {unit}"
    return " = ".join(scale.show(normalized) for scale in display_scales(unit, normalized))
