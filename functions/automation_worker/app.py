"""AutomationWorkerFunction: one AutomationQueue message = one ad account just synced: its alerts,
its seller's rules, then the seller's due webhooks.

Partial batch failures: a record that raises comes back to the queue; rules act once per
(rule, entity, evaluation key), so the redelivery repeats nothing.
"""

from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord

from pixecom.observability import logger, metrics
from pixecom.rules.automation import AutomationMessage, run_automation

processor = BatchProcessor(event_type=EventType.SQS)


def record_handler(record: SQSRecord) -> None:
    run_automation(AutomationMessage.model_validate_json(record.body))


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: Any) -> PartialItemFailureResponse:
    return process_partial_response(
        event=event, record_handler=record_handler, processor=processor, context=context
    )
