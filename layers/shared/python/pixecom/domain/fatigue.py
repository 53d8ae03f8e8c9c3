"""Creative fatigue: is an ad (or a creative version group) wearing out? Pure.

An ad's audience sees it again and again; its click-through rate falls and what each
impression and each result costs rises. We compare the ad's last 3 days of delivery with its
first 3 days of delivery (days with impressions, in the account's timezone), each window's
ratios from its sums:

- CTR (link clicks / impressions) down by `ctr_drop_watch` % or more: watch; by
  `ctr_drop_fatigued` % or more: fatigued;
- CPM up by `cpm_rise_watch` % / `cpm_rise_fatigued` %;
- cost per result up by `cost_per_result_rise_watch` % / `..._fatigued` % (only where both
  windows have results of one type);
- frequency (impressions per person over the range, when known) above `frequency_watch` /
  `frequency_fatigued`.

The state is `fatigued` when any signal reaches its fatigued threshold or two signals reach
watch, `watch` when one does, else `fresh`. Fewer than 6 days of delivery, or a window with
fewer than `min_impressions`, is too little to judge: `fresh`, and the signals say why.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

WINDOW_DAYS = 3
_PCT = Decimal(100)


class FatigueState(StrEnum):
    FRESH = "fresh"
    WATCH = "watch"
    FATIGUED = "fatigued"


class FatigueThresholds(BaseModel):
    """A seller's fatigue thresholds (percent changes from the first 3 days; frequency as a
    number of impressions per person)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ctr_drop_watch: Decimal = Field(default=Decimal(20), gt=0, le=100, max_digits=5, decimal_places=2)
    ctr_drop_fatigued: Decimal = Field(default=Decimal(35), gt=0, le=100, max_digits=5, decimal_places=2)
    cpm_rise_watch: Decimal = Field(default=Decimal(30), gt=0, max_digits=7, decimal_places=2)
    cpm_rise_fatigued: Decimal = Field(default=Decimal(60), gt=0, max_digits=7, decimal_places=2)
    cost_per_result_rise_watch: Decimal = Field(default=Decimal(30), gt=0, max_digits=7, decimal_places=2)
    cost_per_result_rise_fatigued: Decimal = Field(default=Decimal(60), gt=0, max_digits=7, decimal_places=2)
    frequency_watch: Decimal = Field(default=Decimal("2.5"), gt=1, max_digits=5, decimal_places=2)
    frequency_fatigued: Decimal = Field(default=Decimal("3.5"), gt=1, max_digits=5, decimal_places=2)
    min_impressions: int = Field(default=1000, ge=1, le=10_000_000)


@dataclass(frozen=True)
class Window:
    """The sums of a window of delivery days."""

    days: int
    spend: Decimal
    impressions: int
    link_clicks: int
    results: int

    @property
    def ctr(self) -> Decimal | None:
        return _ratio(Decimal(self.link_clicks) * _PCT, self.impressions)

    @property
    def cpm(self) -> Decimal | None:
        return _ratio(self.spend * 1000, self.impressions)

    @property
    def cost_per_result(self) -> Decimal | None:
        return _ratio(self.spend, self.results)


@dataclass(frozen=True)
class Fatigue:
    state: FatigueState
    signals: tuple[str, ...]  # in words, what made the state
    delivery_days: int
    ctr_change_pct: Decimal | None  # last 3 days vs first 3 days, percent (negative: down)
    cpm_change_pct: Decimal | None
    cost_per_result_change_pct: Decimal | None
    frequency: Decimal | None


_TENTH = Decimal("0.1")
_PLACES = {places: Decimal(places) for places in ("1", "0.1", "0.01")}


def _ratio(numerator: Decimal, denominator: int | Decimal) -> Decimal | None:
    return None if not denominator else numerator / Decimal(denominator)


def _change(early: Decimal | None, late: Decimal | None) -> Decimal | None:
    if early is None or late is None or early == 0:
        return None
    return ((late - early) * _PCT / early).quantize(_TENTH, ROUND_HALF_UP)


def _shown(value: Decimal, places: str = "0.01") -> str:
    return f"{value.quantize(_PLACES[places], ROUND_HALF_UP)}"


def _level(value: Decimal | None, watch: Decimal, fatigued: Decimal) -> FatigueState | None:
    """The level a signal reaches (None: below watch, or not known)."""
    if value is None or value < watch:
        return None
    return FatigueState.FATIGUED if value >= fatigued else FatigueState.WATCH


def assess_fatigue(
    early: Window,
    late: Window,
    *,
    delivery_days: int,
    frequency: Decimal | None,
    results_comparable: bool,
    thresholds: FatigueThresholds,
) -> Fatigue:
    """The fatigue state of one ad or group from its first and last 3 days of delivery.

    `results_comparable`: the results of both windows count one result type (else the cost per
    result is not compared). `frequency`: impressions per person over the range, None when
    unknown (it is then not a signal). Run for every active ad of an account at once (the
    alert): each ratio is computed once and a signal's words only when it is raised."""
    t = thresholds
    if delivery_days < 2 * WINDOW_DAYS:
        why = f"{delivery_days} days of delivery: {2 * WINDOW_DAYS} are needed to compare"
        return Fatigue(FatigueState.FRESH, (why,), delivery_days, None, None, None, frequency)
    if min(early.impressions, late.impressions) < t.min_impressions:
        why = f"fewer than {t.min_impressions} impressions in a 3-day window: too little to judge"
        return Fatigue(FatigueState.FRESH, (why,), delivery_days, None, None, None, frequency)
    early_ctr, late_ctr = early.ctr, late.ctr
    ctr = _change(early_ctr, late_ctr)
    cpm = _change(early.cpm, late.cpm)
    cpr = _change(early.cost_per_result, late.cost_per_result) if results_comparable else None
    levels: list[FatigueState] = []
    signals: list[str] = []
    if ctr is not None and (level := _level(-ctr, t.ctr_drop_watch, t.ctr_drop_fatigued)) is not None:
        at = f" at frequency {_shown(frequency, '0.1')}" if frequency is not None else ""
        levels.append(level)
        signals.append(
            f"CTR down {_shown(-ctr, '1')}% from its first 3 days{at} "
            f"({_shown(early_ctr or Decimal(0))}% -> {_shown(late_ctr or Decimal(0))}%)"
        )
    if cpm is not None and (level := _level(cpm, t.cpm_rise_watch, t.cpm_rise_fatigued)) is not None:
        levels.append(level)
        signals.append(f"CPM up {_shown(cpm, '1')}% from its first 3 days")
    if (
        cpr is not None
        and (level := _level(cpr, t.cost_per_result_rise_watch, t.cost_per_result_rise_fatigued)) is not None
    ):
        levels.append(level)
        signals.append(f"cost per result up {_shown(cpr, '1')}% from its first 3 days")
    if (
        frequency is not None
        and (level := _level(frequency, t.frequency_watch, t.frequency_fatigued)) is not None
    ):
        levels.append(level)
        signals.append(
            f"frequency {_shown(frequency, '0.1')} (watch from {t.frequency_watch}, "
            f"fatigued from {t.frequency_fatigued})"
        )
    if FatigueState.FATIGUED in levels or len(levels) >= 2:
        state = FatigueState.FATIGUED
    elif levels:
        state = FatigueState.WATCH
    else:
        state = FatigueState.FRESH
        changes = [f"{name} {_signed(v)}" for name, v in (("CTR", ctr), ("CPM", cpm)) if v is not None]
        since = f": {', '.join(changes)} from its first 3 days" if changes else ""
        signals.append(f"no sign of fatigue{since}")
    return Fatigue(state, tuple(signals), delivery_days, ctr, cpm, cpr, frequency)


def _signed(change: Decimal) -> str:
    return f"{'+' if change > 0 else ''}{_shown(change, '1')}%"
