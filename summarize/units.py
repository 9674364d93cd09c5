"""Normalised values shown the way people read them: 20000 m -> "20 km = 12.4 mi".

Quantities are compared in base units (see summarize.analyze.quantities); explanations, the
terminal and the HTML page show them back in everyday units, metric and imperial side by side.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


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


def format_value(normalized: float, unit: str) -> str:
    """A base-unit value for people: '20 km = 12.4 mi', '3,000,000', '1,500,000 USD'."""
    return " = ".join(scale.show(normalized) for scale in display_scales(unit, normalized))
