"""AlertsSweepFunction: every 5 minutes (EventBridge `Schedule`), the connection and sync-health
alerts of every account, then the webhook deliveries that are due (retries with backoff)."""

from pixecom.runtime import end_of_init, start_of_init

start_of_init()  # the imports below run without garbage collection (pixecom.runtime)

from typing import Any

from pixecom.alerts.sweep import sweep_alerts
from pixecom.observability import logger, metrics


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: object) -> dict[str, Any]:
    report = sweep_alerts()
    return {
        "accounts": report.accounts,
        "opened": report.opened,
        "resolved": report.resolved,
        "delivered": report.deliveries.delivered,
        "retried": report.deliveries.retried,
        "failed": report.deliveries.failed,
    }


end_of_init()
