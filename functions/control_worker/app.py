"""ControlWorkerFunction: one ControlQueue message = one bulk status job to apply on Meta, or one
step of a breakdown report (Meta's async insights report: start, poll, read).

Partial batch failures: a record whose job hit transient errors raises (RetryLater) and comes
back to the queue; a rate-limited job re-queues its own delayed message and succeeds here.
"""

from pixecom.runtime import end_of_init, start_of_init

start_of_init()  # the imports below run without garbage collection (pixecom.runtime)

from typing import Any

from pixecom.breakdown_message import BreakdownMessage, is_breakdown_message
from pixecom.breakdowns.worker import advance_job
from pixecom.control.apply import apply_job
from pixecom.control.messages import ControlMessage
from pixecom.observability import logger, metrics
from pixecom.queue import process_sqs_batch
from pixecom.settings import get_settings

get_settings()  # validated at start: a bad variable fails the init phase, naming it


def record_handler(body: str) -> None:
    if is_breakdown_message(body):  # a breakdown report's next step (pixecom.breakdowns)
        advance_job(BreakdownMessage.model_validate_json(body).breakdown_job_id)
        return
    apply_job(ControlMessage.model_validate_json(body).job_id)


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return process_sqs_batch(event, record_handler)


end_of_init()
