"""MaintenanceFunction: daily (EventBridge `Schedule`), purges rows past their retention
(pixecom.maintenance) and returns the counts per table."""

from pixecom.runtime import end_of_init, start_of_init

start_of_init()  # the imports below run without garbage collection (pixecom.runtime)

from typing import Any

from pixecom.clock import scheduled_time
from pixecom.maintenance.run import run_maintenance
from pixecom.observability import logger, metrics
from pixecom.settings import get_settings

get_settings()  # validated at start: a bad variable fails the init phase, naming it


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: object) -> dict[str, Any]:
    return run_maintenance(scheduled_time(event.get("time")))


end_of_init()
