"""StatsDispatchFunction: every 15 minutes (EventBridge `Schedule`), one StatsQueue message per account."""

from pixecom.runtime import end_of_init, start_of_init

start_of_init()  # the imports below run without garbage collection (pixecom.runtime)

from typing import Any

from pixecom.clock import scheduled_time
from pixecom.observability import logger, metrics
from pixecom.settings import get_settings
from pixecom.sync.dispatch import dispatch_stats

get_settings()  # validated at start: a bad variable fails the init phase, naming it


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: object) -> dict[str, Any]:
    return dispatch_stats(scheduled_time(event.get("time"))).as_dict()


end_of_init()
