"""DeliveryWorkerFunction: one DeliveryQueue message = one ad account's campaigns, ad sets and ads.

Partial batch failures: only the records that raised (transient errors) come back to the queue.
"""

from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord

from pixecom.observability import logger, metrics
from pixecom.settings import get_settings
from pixecom.sync.delivery import sync_account_delivery
from pixecom.sync.messages import SyncMessage

get_settings()  # validated at start: a bad variable fails the init phase, naming it

processor = BatchProcessor(event_type=EventType.SQS)


def record_handler(record: SQSRecord) -> None:
    sync_account_delivery(SyncMessage.model_validate_json(record.body))


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return process_partial_response(
        event=event, record_handler=record_handler, processor=processor, context=context
    )
