"""Creative fatigue: the last 3 days of delivery against the first 3 (pixecom.domain.fatigue)."""

from __future__ import annotations

from decimal import Decimal

from pixecom.domain.fatigue import FatigueState, FatigueThresholds, Window, assess_fatigue

DEFAULTS = FatigueThresholds()


def window(*, spend: str = "30", impressions: int = 3000, link_clicks: int = 60, results: int = 3) -> Window:
    return Window(
        days=3, spend=Decimal(spend), impressions=impressions, link_clicks=link_clicks, results=results
    )


def assess(early: Window, late: Window, *, days: int = 10, frequency: Decimal | None = None):
    return assess_fatigue(
        early, late, delivery_days=days, frequency=frequency, results_comparable=True, thresholds=DEFAULTS
    )


def test_steady_numbers_are_fresh_and_say_so() -> None:
    f = assess(window(), window())
    assert f.state is FatigueState.FRESH
    assert f.signals == ("no sign of fatigue: CTR 0%, CPM 0% from its first 3 days",)


def test_a_ctr_down_a_quarter_is_watch_with_the_change_in_words() -> None:
    f = assess(window(link_clicks=60), window(link_clicks=45))
    assert f.state is FatigueState.WATCH
    assert f.ctr_change_pct == Decimal("-25.0")
    assert f.signals == ("CTR down 25% from its first 3 days (2.00% -> 1.50%)",)


def test_a_ctr_down_more_than_the_fatigued_threshold_is_fatigued() -> None:
    assert assess(window(link_clicks=60), window(link_clicks=36)).state is FatigueState.FATIGUED


def test_two_watch_signals_together_are_fatigued() -> None:
    # CTR -25% and CPM +40% (same impressions, more spend): each only watch, together fatigued.
    f = assess(window(spend="30", link_clicks=60, results=3), window(spend="42", link_clicks=45, results=3))
    assert f.state is FatigueState.FATIGUED
    assert [s.split(" ")[0] for s in f.signals] == ["CTR", "CPM", "cost"]


def test_frequency_counts_when_given_and_is_named_in_the_ctr_signal() -> None:
    f = assess(window(link_clicks=60), window(link_clicks=40), frequency=Decimal("3.8"))
    assert f.state is FatigueState.FATIGUED
    assert f.signals[0].startswith("CTR down 33% from its first 3 days at frequency 3.8")
    assert f.signals[1] == "frequency 3.8 (watch from 2.5, fatigued from 3.5)"
    assert assess(window(), window(), frequency=None).frequency is None


def test_too_few_days_or_impressions_cannot_be_judged() -> None:
    short = assess(window(), window(link_clicks=10), days=5)
    assert short.state is FatigueState.FRESH and "6 are needed" in short.signals[0]
    thin = assess(window(impressions=500), window(impressions=500, link_clicks=1))
    assert thin.state is FatigueState.FRESH and "too little to judge" in thin.signals[0]


def test_cost_per_result_is_not_compared_across_result_types() -> None:
    f = assess_fatigue(
        window(results=6),
        window(results=2),
        delivery_days=10,
        frequency=None,
        results_comparable=False,
        thresholds=DEFAULTS,
    )
    assert f.cost_per_result_change_pct is None and f.state is FatigueState.FRESH


def test_a_seller_sets_the_thresholds() -> None:
    strict = FatigueThresholds(ctr_drop_watch=Decimal(5), ctr_drop_fatigued=Decimal(10))
    f = assess_fatigue(
        window(link_clicks=60),
        window(link_clicks=56),
        delivery_days=8,
        frequency=None,
        results_comparable=True,
        thresholds=strict,
    )
    assert f.state is FatigueState.WATCH
