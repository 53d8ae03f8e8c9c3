"""The daily maintenance run: every purge, counts per table, logged and returned."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from aws_lambda_powertools.metrics import MetricUnit

from pixecom.maintenance.purge import Retentions, purge_all
from pixecom.observability import logger, metrics


def run_maintenance(now: datetime, retentions: Retentions | None = None) -> dict[str, Any]:
    """Purge what is past its retention; returns {"purged": {table-ish: count}}."""
    purged = purge_all(now, retentions).as_dict()
    logger.info("maintenance done", extra={"purged": purged})
    metrics.add_metric(name="MaintenanceRowsPurged", unit=MetricUnit.Count, value=sum(purged.values()))
    return {"purged": purged}
