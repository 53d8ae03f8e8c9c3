"""StatsWorkerFunction: one StatsQueue message = one ad account's daily insights for a window.

Partial batch failures: only the records that raised (transient errors) come back to the queue.
"""

from pixecom.runtime import end_of_init, start_of_init

start_of_init()  # the imports below run without garbage collection (pixecom.runtime)

from typing import Any

from pixecom.observability import logger, metrics
from pixecom.queue import process_sqs_batch
from pixecom.settings import get_settings
from pixecom.sync.stats import sync_account_stats
from pixecom.sync_message import SyncMessage

get_settings()  # validated at start: a bad variable fails the init phase, naming it


def record_handler(body: str) -> None:
    sync_account_stats(SyncMessage.model_validate_json(body))


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return process_sqs_batch(event, record_handler)


end_of_init()
