"""docs/metrics.md's counter and metric tables, written from the catalogue. Pure but `main`.

The tables sit between `<!-- catalogue:NAME -->` and `<!-- /catalogue:NAME -->` markers; the
prose around them is written by hand. `make docs` rewrites them; a test fails when the file in
the repository is not what `render` makes of it (as for openapi.json).

    python -m pixecom.domain.metrics_doc docs/metrics.md
"""

from __future__ import annotations

import re
import sys
from functools import partial
from pathlib import Path

from pixecom.domain.catalogue import COUNTERS, METRICS, REACH_METRICS, STORE_METRICS, Counter, Kind, Metric


def _source(c: Counter) -> str:
    parts = []
    if not c.from_meta:
        return "not Meta: written onto the stats rows by its own source"
    if c.computed:
        return 'see "What results means"'
    if c.field is not None:
        parts.append(f"`{c.field}`")
    if c.listed is not None:
        per = f" (an average per play, stored x `{c.times}`)" if c.times else ""
        parts.append(f"`{c.listed}`{per}")
    if c.actions:
        where = "action_values" if c.values else "actions"
        aliases = ", ".join(f"`{a}`" for a in c.actions)
        parts.append(f"{where} {aliases}")
    source = ", else ".join(parts)
    return source if c.additive else f"{source}; stored per ad and day, never summed"


def counters_table() -> str:
    rows = [
        "| counter | unit | what it counts | Meta source (first present wins, never a sum of aliases) |",
        "|---|---|---|---|",
    ]
    rows += [f"| `{c.name}` | {c.kind.value} | {c.description} | {_source(c)} |" for c in COUNTERS]
    return "\n".join(rows)


def _unit(m: Metric) -> str:
    if m.kind is Kind.RATIO:
        return "percent" if m.scale == 100 else "ratio"
    return m.kind.value


def _null_when(m: Metric) -> str:
    reasons = [f"{m.denominator} = 0"] if m.derived else []
    if m.counts_results:
        reasons.append("the rows summed have different result types")
    return ", or ".join(reasons) or "never"


def metrics_table() -> str:
    rows = ["| key | name | formula | unit | null when |", "|---|---|---|---|---|"]
    rows += [
        f"| `{m.name}` | {m.description} | {m.formula} | {_unit(m)} | {_null_when(m)} |" for m in METRICS
    ]
    rows += [
        f"| `{m.name}` | {m.description} | {_reach_source(m)} | {_unit(m)} | {_reach_null_when(m)} |"
        for m in REACH_METRICS
    ]
    return "\n".join(rows)


def _reach_source(m: Metric) -> str:
    return "Meta's answer for the object and range (see Reach)" if not m.derived else m.formula


def _reach_null_when(m: Metric) -> str:
    return "Meta's value is not known (`reach_unavailable` says why)" + (
        "" if not m.derived else ", or reach = 0"
    )


def store_table() -> str:
    """The store's numbers on list rows (`STORE_METRICS`): not Meta's, read from the store's sums."""
    rows = ["| key | name | formula | unit | null when |", "|---|---|---|---|---|"]
    for m in STORE_METRICS:
        null_when = "the row has no store numbers"
        if m.name != "store_orders":
            null_when += ", or an order's currency has no rate on its day"
        if m.derived and not m.difference:
            null_when += f", or {m.denominator} = 0"
        rows.append(f"| `{m.name}` | {m.description} | {m.formula} | {_unit(m)} | {null_when} |")
    return "\n".join(rows)


TABLES = {"counters": counters_table, "metrics": metrics_table, "store": store_table}


def _fill(table: str, found: re.Match[str]) -> str:
    return found.group(1) + table + "\n" + found.group(2)


def render(text: str) -> str:
    """`text` with every catalogue table replaced by what the catalogue says now."""
    for name, table in TABLES.items():
        pattern = re.compile(rf"(<!-- catalogue:{name} -->\n)(?:.*?\n)?(<!-- /catalogue:{name} -->)", re.S)
        if not pattern.search(text):
            raise ValueError(f"no <!-- catalogue:{name} --> block")
        text = pattern.sub(partial(_fill, table()), text)
    return text


def main(argv: list[str]) -> int:
    path = Path(argv[0] if argv else "docs/metrics.md")
    path.write_text(render(path.read_text()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
