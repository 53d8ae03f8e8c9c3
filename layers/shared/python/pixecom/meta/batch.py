"""Object writes (statuses, budgets) through Graph batch requests (POST / with batch=[...], at most
50 per call).

The answer is a list in request order: `{"code", "headers", "body": "<json text>"}` per item, or
`null` for an item Meta did not execute. Null items (and items that failed transiently) are sent
again in a smaller batch, with backoff, a bounded number of times; every other item keeps its
own result, so one bad id never fails its neighbours.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

from pixecom.meta.errors import GraphError, TransientError, error_from_json_text, malformed_body
from pixecom.meta.models import StatusResult
from pixecom.meta.transport import GraphTransport
from pixecom.meta.usage import header_map

MAX_BATCH = 50


Write = tuple[str, Mapping[str, str]]  # (object id, {field: value})


def apply_writes(
    client: GraphTransport, changes: Sequence[Write], *, account_id: str | None
) -> list[StatusResult]:
    """One StatusResult per (object_id, fields), in input order."""
    results: dict[int, StatusResult] = {}
    for start in range(0, len(changes), MAX_BATCH):
        chunk = list(range(start, min(start + MAX_BATCH, len(changes))))
        results.update(_apply_chunk(client, changes, chunk, account_id))
    return [results[i] for i in range(len(changes))]


def _operation(object_id: str, fields: Mapping[str, str]) -> dict[str, str]:
    return {"method": "POST", "relative_url": object_id, "body": urlencode(dict(fields))}


def _apply_chunk(
    client: GraphTransport, changes: Sequence[Write], pending: list[int], account_id: str | None
) -> dict[int, StatusResult]:
    done: dict[int, StatusResult] = {}
    last_error: dict[int, GraphError] = {}
    for attempt in range(client.max_retries + 1):
        if attempt:
            client.sleep(client.backoff(attempt - 1))
        batch = [_operation(*changes[i]) for i in pending]
        items = client.request("POST", "", data={"batch": batch}, account_id=account_id)
        if not isinstance(items, list) or len(items) != len(pending):
            raise malformed_body(200, "batch answer is not a list of the operations sent")
        retry: list[int] = []
        for index, item in zip(pending, items, strict=True):
            result = _item_result(client, changes[index][0], item)
            if result is None or (result.error is not None and isinstance(result.error, TransientError)):
                retry.append(index)
                if result is not None and result.error is not None:
                    last_error[index] = result.error
            else:
                done[index] = result
        pending = retry
        if not pending:
            return done
    for index in pending:
        error = last_error.get(index) or TransientError("Meta did not execute this operation in the batch")
        done[index] = StatusResult(object_id=changes[index][0], ok=False, error=error)
    return done


def _item_result(client: GraphTransport, object_id: str, item: object) -> StatusResult | None:
    """The outcome of one batch item; None when Meta did not execute it (a `null` item)."""
    if item is None:
        return None
    if not isinstance(item, Mapping):
        return StatusResult(
            object_id=object_id, ok=False, error=malformed_body(200, "batch item is not an object")
        )
    headers: Any = item.get("headers") or []
    client.record_usage(headers, None)
    code = int(item.get("code") or 0)
    text = str(item.get("body") or "")
    if 200 <= code < 300:
        try:
            body = json.loads(text) if text else {}
        except ValueError:
            body = None
        if isinstance(body, Mapping) and body.get("success") is True:
            return StatusResult(object_id=object_id, ok=True)
        if not (isinstance(body, Mapping) and "error" in body):
            return StatusResult(object_id=object_id, ok=False, error=malformed_body(code, "no success flag"))
    error = error_from_json_text(text, code, header_map(headers), client.clock())
    return StatusResult(object_id=object_id, ok=False, error=client.scrub(error))
