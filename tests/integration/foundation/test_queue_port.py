"""The SQS port against moto: batches of ten, every message delivered once."""

import json

from pixecom.queue import send_messages


def test_twenty_three_messages_go_out_in_three_batches_and_all_arrive(sqs, monkeypatch):
    import os

    url = os.environ["STATS_QUEUE_URL"]
    calls = []
    original = sqs.send_message_batch

    def counting(**kwargs):
        calls.append(len(kwargs["Entries"]))
        return original(**kwargs)

    monkeypatch.setattr(sqs, "send_message_batch", counting)
    bodies = [json.dumps({"n": i}) for i in range(23)]
    assert send_messages(url, bodies, client=sqs) == 23
    assert calls == [10, 10, 3]
    received = []
    while True:
        batch = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", [])
        if not batch:
            break
        for m in batch:
            received.append(json.loads(m["Body"])["n"])
            sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
    assert sorted(received) == list(range(23))
