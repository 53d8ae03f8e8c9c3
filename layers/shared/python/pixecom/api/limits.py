"""Input the API refuses before any handler runs: bodies over 1 MB, NUL characters anywhere."""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BODY_BYTES = 1_000_000


class BodySizeLimit:
    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await _too_large(send)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _BodyTooLarge
            return message

        try:
            await self.app(scope, limited_receive, send)
        except _BodyTooLarge:
            await _too_large(send)


class _BodyTooLarge(Exception):
    pass


async def _too_large(send: Send) -> None:
    body: dict[str, Any] = {"error": {"code": "payload_too_large", "message": "Request body over 1 MB"}}
    raw = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(raw)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": raw})


def _contains_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_contains_nul(k) or _contains_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_contains_nul(v) for v in value)
    return False


def find_nul_input(query_string: bytes, body: bytes) -> str | None:
    """Where a NUL character hides in the request ("query" or "body"), if anywhere.

    PostgreSQL text cannot hold NUL, so such input must be refused at the door with a 422, not
    discovered by the database as a 500. The body is parsed only when its bytes could encode one.
    """
    if b"%00" in query_string or b"\x00" in query_string:
        return "query"
    if b"\x00" in body:
        return "body"
    if b"\\u0000" in body:
        try:
            return "body" if _contains_nul(json.loads(body)) else None
        except ValueError:
            return None  # not JSON: the body's own validation answers
    return None
