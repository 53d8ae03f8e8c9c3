"""The daily maintenance run: every purge, then every stored token re-encrypted with the newest
key (a no-op unless a key was added); counts per table, logged and returned."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from aws_lambda_powertools.metrics import MetricUnit

from pixecom.db.data_changes import prune_data_changes
from pixecom.db.engine import session_scope
from pixecom.maintenance.purge import Retentions, purge_all
from pixecom.maintenance.rotate import rotate_token_keys
from pixecom.maintenance.stats_partitions import maintain_stats_partitions
from pixecom.observability import logger, metrics


def run_maintenance(now: datetime, retentions: Retentions | None = None) -> dict[str, Any]:
    """Purge what is past its retention, keep the stats partitions (months ahead created, months
    past the retention dropped), prune the change log kept lists are checked against
    (pixecom.db.data_changes) and rotate token keys; returns the counts and the partitions."""
    purged = purge_all(now, retentions).as_dict()
    logger.info("maintenance purged", extra={"purged": purged})
    metrics.add_metric(name="MaintenanceRowsPurged", unit=MetricUnit.Count, value=sum(purged.values()))
    stats_partitions = maintain_stats_partitions(now)
    logger.info("stats partitions", extra={"partitions": stats_partitions.as_dict()})
    with session_scope() as session:
        change_log = {"pruned": prune_data_changes(session, now)}
    tokens = rotate_token_keys()
    metrics.add_metric(name="TokensReencrypted", unit=MetricUnit.Count, value=tokens.reencrypted)
    return {
        "purged": purged,
        "partitions": stats_partitions.as_dict(),
        "change_log": change_log,
        "tokens": tokens.as_dict(),
    }
