"""Breakdowns of list rows (by age, gender, country, placement, ...): what a client may ask for, and
each page row's breakdown rows read from stored reports.

A breakdown report (`breakdown_jobs`, filled by `pixecom.breakdowns`) holds, for one ad account,
breakdown and date range, the additive counters of every ad, ad set and campaign per bucket over
the range (the parents' summed from their ads when stored). A list row's breakdown rows are its
own level's stored rows, and their metrics are computed by Postgres with the same formulas as the row's own
(`sql.metrics_json`): one `Metrics` shape everywhere.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from typing import Any

from pixecom.adsmanager.params import InvalidParam, Level
from pixecom.adsmanager.sql import LEVELS, metrics_json, minor_units_sql, sum_columns
from pixecom.adsmanager.statement import Conn, Fragment, Param, join, lit, q, run
from pixecom.domain.results import MIXED


class Breakdown(StrEnum):
    """The breakdowns a list takes (`breakdown=`), as Meta names its dimensions."""

    AGE = "age"
    GENDER = "gender"
    AGE_GENDER = "age,gender"
    COUNTRY = "country"
    REGION = "region"
    PUBLISHER_PLATFORM = "publisher_platform"
    PLATFORM_POSITION = "platform_position"
    DEVICE_PLATFORM = "device_platform"
    IMPRESSION_DEVICE = "impression_device"

    @property
    def dimensions(self) -> tuple[str, ...]:
        """Meta's `breakdowns` for it: a placement position only exists under its platform (Meta
        refuses `platform_position` alone), so it is read and shown with `publisher_platform`."""
        if self is Breakdown.PLATFORM_POSITION:
            return ("publisher_platform", "platform_position")
        return tuple(self.value.split(","))

    @property
    def not_broken_down(self) -> tuple[str, ...]:
        """Counters Meta does not report by this breakdown: off-Meta actions (website pixel events,
        and results counting one) are left out of `region` rows, so those counters are 0 there
        and only the others add up to the row."""
        return OFF_META_COUNTERS if self is Breakdown.REGION else ()


def parse_breakdown(value: str | None) -> Breakdown | None:
    """None when absent or blank; an unknown value is a 422 naming `breakdown`."""
    if value is None or not value.strip():
        return None
    token = ",".join(part.strip().lower() for part in value.split(","))
    if token == "gender,age":
        token = Breakdown.AGE_GENDER.value
    try:
        return Breakdown(token)
    except ValueError:
        allowed = "; ".join(b.value for b in Breakdown)
        raise InvalidParam("breakdown", f"unknown breakdown {value[:64]!r}; use one of: {allowed}") from None


OFF_META_COUNTERS = (
    "content_views",
    "add_to_cart",
    "initiate_checkout",
    "purchases",
    "purchase_value",
    "results",
)


def _values_json(breakdown: Breakdown) -> Fragment:
    """`json_build_object('age', b.bucket[1], 'gender', b.bucket[2])`."""
    parts = [q("{}, b.bucket[{}]", lit(name), lit(i)) for i, name in enumerate(breakdown.dimensions, start=1)]
    return q("json_build_object({})", join(", ", parts))


def breakdown_statement(
    seller_id: uuid.UUID,
    level: Level,
    breakdown: Breakdown,
    job_ids: Sequence[uuid.UUID],
    entities: Sequence[tuple[uuid.UUID, str]],
    mixed_ids: Sequence[uuid.UUID],
) -> Fragment:
    """Per listed entity (id, Meta id), the JSON array of its breakdown rows (`values`,
    `metrics`), biggest spend first: the stored rows of its level, one per bucket (an entity in
    two ad accounts' reports cannot be: Meta ids are unique)."""
    mixed = q("e.id = ANY({})", Param(list(mixed_ids)))
    return q(
        "SELECT b.entity_id, CAST(json_agg(json_build_object('values', {}, 'metrics', {}) "
        "ORDER BY b.spend DESC, b.bucket) AS text) AS rows "
        "FROM (SELECT e.id AS entity_id, s.bucket, a.currency, {}, {} AS mixed "
        "FROM breakdown_stats s JOIN breakdown_jobs j ON j.id = s.job_id "
        "JOIN ad_accounts a ON a.id = j.ad_account_id "
        "JOIN {} e ON e.meta_id = s.meta_id AND e.ad_account_id = j.ad_account_id "
        "WHERE s.job_id = ANY({}) AND s.level = {} AND s.meta_id = ANY({}) AND j.seller_id = {} "
        "AND e.seller_id = {} AND e.id = ANY({})) b GROUP BY b.entity_id",
        _values_json(breakdown),
        metrics_json("b", minor_units_sql(q("b.currency")), q("b.mixed")),
        sum_columns("s"),
        mixed,
        LEVELS[level].table,
        Param(list(job_ids)),
        lit(LEVELS[level].level_name),
        Param([meta_id for _, meta_id in entities]),
        Param(seller_id),
        Param(seller_id),
        Param([entity_id for entity_id, _ in entities]),
    )


def read_breakdown_rows(
    conn: Conn,
    seller_id: uuid.UUID,
    level: Level,
    breakdown: Breakdown,
    job_ids: Sequence[uuid.UUID],
    rows: Iterable[Any],
) -> dict[uuid.UUID, str]:
    """Entity id -> the JSON array of its breakdown rows, for the given list rows (`EntityRow`s);
    a row without delivery in the range gets `[]`."""
    listed = list(rows)
    if not listed:
        return {}
    mixed = [r.id for r in listed if r.result_type == MIXED]
    result = run(
        conn,
        breakdown_statement(seller_id, level, breakdown, job_ids, [(r.id, r.meta_id) for r in listed], mixed),
    )
    found: Mapping[uuid.UUID, str] = {m["entity_id"]: m["rows"] for m in result}
    return {r.id: found.get(r.id, "[]") for r in listed}
