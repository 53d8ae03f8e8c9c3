"""ExchangeRatesFunction: daily (EventBridge `Schedule`), after the ECB publishes; reads the
reference rates of the ECB and of the configured provider and stores them (pixecom.rates.refresh),
the last 90 days when a source's rates are missing."""

from pixecom.runtime import end_of_init, start_of_init

start_of_init()  # the imports below run without garbage collection (pixecom.runtime)

from typing import Any

from pixecom.clock import utc_now
from pixecom.observability import logger, metrics
from pixecom.rates.refresh import run_refresh


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: object) -> dict[str, Any]:
    reports = [report.as_dict() for report in run_refresh(utc_now())]
    for report in reports:
        logger.info("exchange rates stored", extra=report)
    return {"sources": reports}


end_of_init()
