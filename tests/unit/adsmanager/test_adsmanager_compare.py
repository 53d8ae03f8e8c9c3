"""The comparison range, the relative change and `columns=`: pure rules."""

from __future__ import annotations

from datetime import date

import pytest

from pixecom.adsmanager.compare import relative_change
from pixecom.adsmanager.params import InvalidParam, parse_columns
from pixecom.domain.column_presets import PRESETS
from pixecom.domain.dates import CompareMode, DateRange, previous_range


@pytest.mark.parametrize(
    ("since", "until", "mode", "expected"),
    [
        ((2026, 11, 11), (2026, 11, 20), "previous_period", ((2026, 11, 1), (2026, 11, 10))),
        ((2026, 3, 1), (2026, 3, 1), "previous_period", ((2026, 2, 28), (2026, 2, 28))),
        ((2026, 11, 11), (2026, 11, 20), "previous_year", ((2025, 11, 11), (2025, 11, 20))),
        # Feb 29 has no date a year earlier: it becomes Feb 28.
        ((2028, 2, 1), (2028, 2, 29), "previous_year", ((2027, 2, 1), (2027, 2, 28))),
        ((2028, 2, 29), (2028, 3, 6), "previous_year", ((2027, 2, 28), (2027, 3, 6))),
        # The same dates: a year over a Feb 29 holds one day more.
        ((2029, 2, 20), (2029, 3, 5), "previous_year", ((2028, 2, 20), (2028, 3, 5))),
    ],
)
def test_the_previous_range(since, until, mode, expected) -> None:
    got = previous_range(DateRange(date(*since), date(*until)), CompareMode(mode))
    assert got == DateRange(date(*expected[0]), date(*expected[1]))


@pytest.mark.parametrize(
    ("current", "previous", "change"),
    [
        ("125.00", "100.00", 0.25),
        (3, 4, -0.25),
        (1.2345, 1.2, 0.0288),  # 0.02875 rounds half-up
        ("0.00", "10.00", -1.0),
        ("5.00", "0.00", None),  # nothing to compare with
        (None, "1.00", None),
        ("1.00", None, None),
    ],
)
def test_relative_change(current, previous, change) -> None:
    assert relative_change(current, previous) == change


def test_columns_keep_their_order_and_expand_presets_once() -> None:
    performance = next(p for p in PRESETS if p.id == "performance").columns
    assert parse_columns(["roas", "spend"]) == ("roas", "spend")
    # cpm and spend are in the preset: each keeps its first place.
    rest = tuple(c for c in performance if c != "cpm")
    assert parse_columns(["cpm,preset:performance", "spend"]) == ("cpm", *rest)
    assert parse_columns([]) is None


def test_an_unknown_column_names_itself() -> None:
    with pytest.raises(InvalidParam, match="'spnd'") as raised:
        parse_columns(["spend,spnd"])
    assert raised.value.param == "columns"
