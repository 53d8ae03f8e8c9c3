"""TokenHealthFunction: daily (EventBridge `Schedule`), re-reads debug_token for every grant and
pasted token, refreshes what Meta allows, records expiry or NEEDS_REAUTH (pixecom.accounts.token_check)."""

from pixecom.runtime import end_of_init, start_of_init

start_of_init()  # the imports below run without garbage collection (pixecom.runtime)

from typing import Any

from pixecom.accounts.token_check import check_tokens
from pixecom.clock import scheduled_time
from pixecom.observability import logger, metrics


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: object) -> dict[str, Any]:
    return check_tokens(scheduled_time(event.get("time"))).as_dict()


end_of_init()
