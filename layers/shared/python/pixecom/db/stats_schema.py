"""The stats tables' counter columns and the triggers that keep the rollups exact, written from the
metric catalogue (`pixecom.domain.catalogue`): the ORM models, the migrations and the triggers
read the counters from here, so adding a counter never means writing its name into SQL by hand.

The read-side tables kept by triggers on `ad_stats_daily` (migrations 0002, 0003, 0012):

- per-day rollups `campaign_stats_daily`, `adset_stats_daily` (`ROLLUPS`);
- per-entity preset snapshots `ad_preset_stats`, `adset_preset_stats`, `campaign_preset_stats`
  (`SNAPSHOTS`): the sums over each preset's range (`ad_preset_ranges`) on the account's local
  day recorded in `ad_preset_stats_state`, rebuilt by `pixecom.db.rollups.refresh_preset_stats`.

Each trigger is statement-level with transition tables (one upsert per table per statement, not
one per row) and applies the statement's net delta (NEW rows minus OLD rows) with
INSERT ... ON CONFLICT DO UPDATE SET x = x + delta: deltas commute and the upsert locks the row,
so concurrent writers stay exact; rows are upserted in key order so they lock in the same order.
Postgres allows such triggers on a partitioned table's parent (the transition tables then hold
the rows of every partition), so they keep working when `ad_stats_daily` is partitioned.
`trigger_functions_sql()` is the current catalogue's functions (CREATE OR REPLACE): a migration
adding a counter adds its columns (`add_counter_columns`) and re-runs it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import BigInteger
from sqlalchemy.orm import mapped_column

from pixecom.db.base import MONEY
from pixecom.domain.catalogue import COUNTERS, SUMMED, SUMMED_COUNTERS, Counter

_STAT_KEYS = ("ad_id", "seller_id", "ad_account_id", "campaign_id", "adset_id")


def _sql_type(counter: Counter) -> Any:
    return MONEY if counter.money else BigInteger()


def orm_counters(*, summed_only: bool) -> type[Any]:
    """A declarative mixin with one column per counter: every stored counter (`ad_stats_daily`),
    or only the additive ones (the rollups and snapshots)."""
    columns: dict[str, Any] = {}
    for c in SUMMED if summed_only else COUNTERS:
        if c.additive:
            columns[c.name] = mapped_column(_sql_type(c), nullable=False, default=0)
        else:  # e.g. reach: per ad-day only, unknown is NULL
            columns[c.name] = mapped_column(_sql_type(c), nullable=True)
    return type("StatsCounters" if summed_only else "StoredCounters", (), columns)


def counter_columns(names: tuple[str, ...] = SUMMED_COUNTERS) -> list[sa.Column[Any]]:
    """Migration columns of the named additive counters (NOT NULL, 0 for existing rows)."""
    by_name = {c.name: c for c in COUNTERS}
    return [sa.Column(n, _sql_type(by_name[n]), nullable=False, server_default="0") for n in names]


def add_counter_columns(op: Any, names: tuple[str, ...]) -> None:
    """A migration's step for new additive counters: a column on the stats table, on every rollup
    and snapshot, and on the stored breakdown reports (0 for the rows already there; Meta's
    restatement window refills the stats, the next report the breakdowns)."""
    for table in ("ad_stats_daily", *(r.table for r in ROLLUPS), *(s.table for s in SNAPSHOTS)):
        for column in counter_columns(names):
            op.add_column(table, column)
    if sa.inspect(op.get_bind()).has_table(BREAKDOWN_TABLE):  # from revision 0026 on
        for column in counter_columns(names):
            op.add_column(BREAKDOWN_TABLE, column, if_not_exists=True)


BREAKDOWN_TABLE = "breakdown_stats"  # pixecom.db.breakdown_models: the counters per bucket


@dataclass(frozen=True)
class Rollup:
    """A table of sums keyed by one entity column of the stats rows and `extra` copied keys."""

    table: str
    key: str  # ad_id | adset_id | campaign_id
    copied: tuple[str, ...]  # further key columns copied from the stats rows


# Per (entity, day): only a live parent gets a row (a parent deleted in the same statement:
# its rollup rows went with it by cascade).
ROLLUPS = (
    Rollup("campaign_stats_daily", "campaign_id", ("seller_id", "ad_account_id")),
    Rollup("adset_stats_daily", "adset_id", ("seller_id", "ad_account_id", "campaign_id")),
)
_PARENTS = {"campaign_id": "campaigns", "adset_id": "adsets"}
# Per (entity, preset): the snapshot each list level reads for a date preset.
SNAPSHOTS = (
    Rollup("ad_preset_stats", "ad_id", ("seller_id", "ad_account_id", "campaign_id", "adset_id")),
    Rollup("adset_preset_stats", "adset_id", ("seller_id", "ad_account_id", "campaign_id")),
    Rollup("campaign_preset_stats", "campaign_id", ("seller_id", "ad_account_id")),
)


def signed_rows(table: str, sign: str, counters: tuple[str, ...] = SUMMED_COUNTERS) -> str:
    """The keys, date and additive counters of `table` (a transition table), counters x `sign`."""
    values = ", ".join(f"{sign}{c} AS {c}" for c in counters)
    return f"SELECT {', '.join(_STAT_KEYS)}, date, {values} FROM {table}"  # noqa: S608


def rollup_upsert(rollup: Rollup, source: str, counters: tuple[str, ...] = SUMMED_COUNTERS) -> str:
    """Add the summed delta of `source` (signed stats rows) to a per-day rollup."""
    keys = (rollup.key, "date", *rollup.copied)
    group = ", ".join(f"d.{k}" for k in keys)
    return (
        f"INSERT INTO {rollup.table} AS r ({', '.join(keys)}, {', '.join(counters)}) "  # noqa: S608
        f"SELECT {group}, {', '.join(f'sum(d.{c})' for c in counters)} FROM ({source}) AS d "
        f"WHERE EXISTS (SELECT 1 FROM {_PARENTS[rollup.key]} p WHERE p.id = d.{rollup.key}) "
        f"GROUP BY {group} ORDER BY d.{rollup.key}, d.date "
        f"ON CONFLICT ({rollup.key}, date) DO UPDATE SET {_added(counters)};"
    )


def snapshot_upsert(snapshot: Rollup, source: str, counters: tuple[str, ...] = SUMMED_COUNTERS) -> str:
    """Add the delta of `source` to every preset of a snapshot whose range holds the row's day."""
    keys = (snapshot.key, *snapshot.copied)
    group = ", ".join(f"d.{k}" for k in keys)
    return (
        f"INSERT INTO {snapshot.table} AS r (preset, {', '.join(keys)}, {', '.join(counters)}) "  # noqa: S608
        f"SELECT g.preset, {group}, {', '.join(f'sum(d.{c})' for c in counters)} "
        f"FROM ({source}) AS d JOIN ad_preset_ranges g "
        "ON g.ad_account_id = d.ad_account_id AND d.date BETWEEN g.since AND g.until "
        f"GROUP BY g.preset, {group} ORDER BY d.{snapshot.key}, g.preset "
        f"ON CONFLICT ({snapshot.key}, preset) DO UPDATE SET {_added(counters)};"
    )


def _added(counters: tuple[str, ...]) -> str:
    return ", ".join(f"{c} = r.{c} + EXCLUDED.{c}" for c in counters)


def _function(name: str, apply: Callable[[str], str], counters: tuple[str, ...]) -> str:
    def rows(table: str, sign: str) -> str:
        return signed_rows(table, sign, counters)

    changed = f"{rows('new_rows', '')} UNION ALL {rows('old_rows', '-')}"
    return f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    {apply(rows("new_rows", ""))}
  ELSIF TG_OP = 'DELETE' THEN
    {apply(rows("old_rows", "-"))}
  ELSE
    {apply(changed)}
  END IF;
  RETURN NULL;
END
$$;
"""


def trigger_functions_sql(
    counters: tuple[str, ...] = SUMMED_COUNTERS, snapshots: tuple[Rollup, ...] = SNAPSHOTS
) -> list[str]:
    """The two trigger functions on ad_stats_daily (CREATE OR REPLACE): `ad_stats_rollup_apply`
    (per-day rollups) and `ad_preset_stats_apply` (preset snapshots), for the current catalogue
    by default (a downgrade passes the counters and snapshots it goes back to)."""

    def rollups(source: str) -> str:
        return "\n    ".join(rollup_upsert(r, source, counters) for r in ROLLUPS)

    def presets(source: str) -> str:
        return "\n    ".join(snapshot_upsert(s, source, counters) for s in snapshots)

    return [
        _function("ad_stats_rollup_apply", rollups, counters),
        _function("ad_preset_stats_apply", presets, counters),
    ]


def attach_triggers_sql(table: str = "ad_stats_daily") -> list[str]:
    """CREATE TRIGGER statements attaching both functions to `table` (a plain or partitioned table)."""
    statements = []
    for function, prefix in (
        ("ad_stats_rollup_apply", "ad_stats_rollup"),
        ("ad_preset_stats_apply", "ad_preset_stats_apply"),
    ):
        for event, tables in (
            ("INSERT", "NEW TABLE AS new_rows"),
            ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
            ("DELETE", "OLD TABLE AS old_rows"),
        ):
            statements.append(
                f"CREATE TRIGGER {prefix}_{event.lower()} AFTER {event} ON {table} "
                f"REFERENCING {tables} FOR EACH STATEMENT EXECUTE FUNCTION {function}()"
            )
    return statements
