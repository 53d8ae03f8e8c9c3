"""Connection faults: answers that break the HTTP exchange itself, below the Graph envelope.

An ASGI app can only send messages; it cannot close or reset its TCP connection. So the server
runs a protocol class that records each connection's transport under its (client, server)
addresses (`tracking_protocol()`, passed as uvicorn's `http=`; SimulatorServer and the CLI do),
and `ConnectionFault`, a Starlette response, looks its own transport up from the ASGI scope:

- refuse:   the connection is reset (SO_LINGER 0, then abort: a TCP RST) before any byte of the
            answer. A client sees the connection fail with no status line (httpx: ReadError or
            RemoteProtocolError). A real ECONNREFUSED (httpx ConnectError) happens at connect
            time, before any path is known, so it cannot be scoped to a route or an account:
            tests aim a client at a port with nothing listening for that.
- reset:    status line, headers (Content-Length of the whole body) and the first
            `cut_after_bytes` of the body, then a reset: httpx ReadError mid-body.
- truncate: the same start, then a clean close (FIN): httpx RemoteProtocolError, "peer closed
            connection without sending complete message body".

Under a server without the tracking protocol (Starlette's TestClient) the response raises
ConnectionDropped instead, which such servers answer by closing the connection or raising.
"""

from __future__ import annotations

import asyncio
import socket
import struct
from collections.abc import Mapping
from typing import Any, Literal

from starlette.responses import Response
from starlette.types import Receive, Scope, Send

ConnectionKind = Literal["refuse", "reset", "truncate"]
_Key = tuple[tuple[str, int], tuple[str, int]]
# (client address, server address) -> that connection's transport, while it is open.
_TRANSPORTS: dict[_Key, asyncio.Transport] = {}
_PAUSE_BEFORE_RESET_S = 0.02  # lets the client read the bytes sent before the RST arrives


class ConnectionDropped(Exception):
    """Raised when a connection fault cannot reach its transport (no tracking protocol)."""


def _key(client: Any, server: Any) -> _Key | None:
    if not client or not server:
        return None
    return (str(client[0]), int(client[1])), (str(server[0]), int(server[1]))


def tracking_protocol() -> type[asyncio.Protocol]:
    """uvicorn's HTTP protocol class, recording each connection's transport (uvicorn `http=`)."""
    from uvicorn.protocols.http.auto import AutoHTTPProtocol  # dev dependency, as uvicorn itself

    class TrackingHTTPProtocol(AutoHTTPProtocol):  # type: ignore[valid-type,misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            # uvicorn logs a request whenever the process-wide "uvicorn.access" logger has a
            # handler, whatever this server's `access_log` says: under `pixecom dev` the API's
            # uvicorn installs one, and every Graph call of the sync would be a line.
            self.access_log: bool = bool(self.access_log) and self.config.access_log

        def connection_made(self, transport: asyncio.Transport) -> None:
            super().connection_made(transport)
            key = _key(transport.get_extra_info("peername"), transport.get_extra_info("sockname"))
            if key is not None:
                _TRANSPORTS[key] = transport
                self._pixecom_key = key

        def connection_lost(self, exc: Exception | None) -> None:
            _TRANSPORTS.pop(getattr(self, "_pixecom_key", None), None)  # type: ignore[arg-type]
            super().connection_lost(exc)

    return TrackingHTTPProtocol


async def drop_connection(scope: Scope, *, reset: bool) -> None:
    """Close the connection this request came on: with a TCP reset, or a clean FIN after what was
    already sent. Returns once the server has seen the connection go."""
    key = _key(scope.get("client"), scope.get("server"))
    transport = _TRANSPORTS.get(key) if key is not None else None
    if transport is None:
        raise ConnectionDropped("no tracked transport for this request (see tracking_protocol)")
    if reset:
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        transport.abort()
    else:
        transport.close()
    for _ in range(20):  # the server marks the request disconnected in connection_lost
        if key not in _TRANSPORTS:
            return
        await asyncio.sleep(0.001)


class ConnectionFault(Response):
    """An answer whose connection breaks: see the module docstring for the three kinds."""

    def __init__(
        self,
        kind: ConnectionKind,
        *,
        status_code: int = 200,
        content: bytes = b"",
        headers: Mapping[str, str] | None = None,
        media_type: str | None = None,
        cut_after_bytes: int | None = None,
    ) -> None:
        super().__init__(content, status_code=status_code, headers=headers, media_type=media_type)
        self.kind = kind
        cut = len(content) // 2 if cut_after_bytes is None else cut_after_bytes
        self.cut = min(cut, max(len(content) - 1, 0))  # never the whole body: it must stay short

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.kind == "refuse":
            await drop_connection(scope, reset=True)
            return
        await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
        await send({"type": "http.response.body", "body": self.body[: self.cut], "more_body": True})
        if self.kind == "reset":
            await asyncio.sleep(_PAUSE_BEFORE_RESET_S)
        await drop_connection(scope, reset=self.kind == "reset")
