"""AutomationWorkerFunction: one AutomationQueue message = one ad account just synced: its alerts,
its seller's rules, then the seller's due webhooks.

Partial batch failures: a record that raises comes back to the queue; rules act once per
(rule, entity, evaluation key), so the redelivery repeats nothing.
"""

from pixecom.runtime import end_of_init, start_of_init

start_of_init()  # the imports below run without garbage collection (pixecom.runtime)

from typing import Any

from pixecom.automation.worker import run_automation
from pixecom.automation_message import AutomationMessage
from pixecom.observability import logger, metrics
from pixecom.queue import process_sqs_batch


def record_handler(body: str) -> None:
    run_automation(AutomationMessage.model_validate_json(body))


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return process_sqs_batch(event, record_handler)


end_of_init()
