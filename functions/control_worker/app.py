"""ControlWorkerFunction: one ControlQueue message = one bulk status job to apply on Meta.

Partial batch failures: a record whose job hit transient errors raises (RetryLater) and comes
back to the queue; a rate-limited job re-queues its own delayed message and succeeds here.
"""

from typing import Any

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord

from pixecom.control.apply import apply_job
from pixecom.control.messages import ControlMessage
from pixecom.observability import logger, metrics
from pixecom.settings import get_settings

get_settings()  # validated at start: a bad variable fails the init phase, naming it

processor = BatchProcessor(event_type=EventType.SQS)


def record_handler(record: SQSRecord) -> None:
    apply_job(ControlMessage.model_validate_json(record.body).job_id)


@logger.inject_lambda_context(clear_state=True)
@metrics.log_metrics
def handler(event: dict[str, Any], context: Any) -> PartialItemFailureResponse:
    return process_partial_response(
        event=event, record_handler=record_handler, processor=processor, context=context
    )
