"""docs/metrics.md's counter and metric tables are the catalogue's (like openapi.json is the app's)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pixecom.domain.catalogue import COUNTERS, METRICS
from pixecom.domain.metrics_doc import counters_table, metrics_table, render

DOC = Path(__file__).resolve().parents[3] / "docs" / "metrics.md"


def test_the_committed_metrics_doc_is_what_the_catalogue_renders() -> None:
    text = DOC.read_text()
    assert render(text) == text, "docs/metrics.md is stale: run `make docs` and commit it"


def test_every_counter_and_metric_has_a_row() -> None:
    counters, metrics = counters_table(), metrics_table()
    assert all(f"| `{c.name}` |" in counters for c in COUNTERS)
    assert all(f"| `{m.name}` |" in metrics for m in METRICS)


def test_a_renamed_metric_makes_the_doc_stale() -> None:
    text = DOC.read_text().replace("| `cost_per_landing_page_view` |", "| `cost_per_lpv` |")
    assert render(text) != text


def test_a_doc_without_the_markers_is_refused() -> None:
    with pytest.raises(ValueError, match="catalogue:counters"):
        render("# Metrics\n")


def test_counters_say_where_they_come_from_whatever_their_kind() -> None:
    from pixecom.domain.catalogue import Counter, Kind
    from pixecom.domain.metrics_doc import _source

    reach = Counter("reach", Kind.COUNT, "people reached", field="reach", additive=False)
    revenue = Counter("store_revenue", Kind.MONEY, "the store's revenue", from_meta=False)
    views = Counter(
        "landing_page_views", Kind.COUNT, "lpv", actions=("omni_landing_page_view", "landing_page_view")
    )
    assert _source(reach) == "`reach`; stored per ad and day, never summed"
    assert _source(revenue).startswith("not Meta")
    assert _source(views) == "actions `omni_landing_page_view`, `landing_page_view`"
