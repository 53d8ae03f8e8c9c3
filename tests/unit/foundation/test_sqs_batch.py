"""The SQS workers' batch loop: only the records that raised come back (batchItemFailures); a
batch where every record failed fails as a whole."""

import json

import pytest

from pixecom.queue import BatchFailed, process_sqs_batch


def sqs_event(*bodies):
    return {"Records": [{"messageId": f"m{i}", "body": body} for i, body in enumerate(bodies)]}


def parse(body):
    if json.loads(body).get("fail"):
        raise RuntimeError("transient")


def test_every_record_handled_reports_no_failure():
    handled = []
    assert process_sqs_batch(sqs_event('{"n": 1}', '{"n": 2}'), handled.append) == {"batchItemFailures": []}
    assert handled == ['{"n": 1}', '{"n": 2}']


def test_only_the_records_that_raised_come_back_and_the_others_are_still_handled():
    response = process_sqs_batch(sqs_event('{"fail": true}', '{"n": 2}', "{not json"), parse)
    assert response == {"batchItemFailures": [{"itemIdentifier": "m0"}, {"itemIdentifier": "m2"}]}


def test_a_batch_whose_every_record_failed_raises():
    with pytest.raises(BatchFailed, match="All 2 record"):
        process_sqs_batch(sqs_event('{"fail": true}', "{not json"), parse)


def test_an_empty_batch_has_nothing_to_report():
    assert process_sqs_batch({"Records": []}, parse) == {"batchItemFailures": []}


def test_an_event_that_is_not_from_sqs_is_refused():
    with pytest.raises(ValueError, match="no Records"):
        process_sqs_batch({"detail-type": "Scheduled Event"}, parse)
