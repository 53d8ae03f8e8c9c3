"""AlertsSweepFunction: every 5 minutes (EventBridge `Schedule`), the connection and sync-health
alerts of every account, then the webhook deliveries that are due (retries with backoff)."""

from typing import Any

from aws_lambda_powertools.utilities.data_classes import EventBridgeEvent, event_source

from pixecom.alerts.sweep import sweep_alerts
from pixecom.observability import logger, metrics


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
@event_source(data_class=EventBridgeEvent)
def handler(event: EventBridgeEvent, context: object) -> dict[str, Any]:
    report = sweep_alerts()
    return {
        "accounts": report.accounts,
        "opened": report.opened,
        "resolved": report.resolved,
        "delivered": report.deliveries.delivered,
        "retried": report.deliveries.retried,
        "failed": report.deliveries.failed,
    }
