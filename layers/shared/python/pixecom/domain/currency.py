"""Currencies' minor units (ISO 4217): how many decimals a money amount of each currency has.

Meta's insights already round to these (JPY spend has no decimals, KWD three), so the Ads
Manager formats money with them: JPY/VND "1090", USD "12.35", KWD "1.235". Pure.
"""

from __future__ import annotations

DEFAULT_MINOR_UNITS = 2

# ISO 4217 currencies whose minor unit is not 2 (funds codes and metals left out).
MINOR_UNITS: dict[str, int] = {
    **dict.fromkeys(
        (
            "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI",
            "VND", "VUV", "XAF", "XOF", "XPF",
        ),
        0,
    ),
    **dict.fromkeys(("BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"), 3),
}  # fmt: skip


def minor_units(currency: str) -> int:
    """Decimals of `currency` (ISO 4217 code, any case); 2 for codes not listed."""
    return MINOR_UNITS.get(currency.upper(), DEFAULT_MINOR_UNITS)
