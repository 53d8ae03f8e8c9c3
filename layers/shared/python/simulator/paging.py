"""Cursor paging as Meta does it: `paging.cursors.before/after`, `next` only when more follows."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

from simulator.wire import SimError


def encode_cursor(index: int) -> str:
    """Meta-looking cursors ("MjQZD" for 24)."""
    return base64.b64encode(str(index).encode()).decode().rstrip("=") + "ZD"


def decode_cursor(cursor: str) -> int:
    raw = cursor.removesuffix("ZD")
    try:
        return int(base64.b64decode(raw + "=" * (-len(raw) % 4)).decode())
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise SimError(100, "(#100) The after/before cursor is invalid") from None


def page(
    items: Sequence[Any],
    params: Mapping[str, str],
    url: str,
    *,
    default_limit: int,
    max_limit: int,
    render: Callable[[Any], Any] | None = None,
) -> dict[str, Any]:
    """One page of `items` (each passed through `render` if given); `url` is the full URL (no
    query) that `next`/`previous` point to."""
    try:
        limit = int(params.get("limit", default_limit))
    except ValueError:
        raise SimError(100, "(#100) Param limit must be a number") from None
    limit = max(1, min(limit, max_limit))
    start = 0
    if params.get("after"):
        start = decode_cursor(params["after"]) + 1
    elif params.get("before"):
        start = max(0, decode_cursor(params["before"]) - limit)
    chosen = items[start : start + limit]
    data = [render(item) for item in chosen] if render else list(chosen)
    body: dict[str, Any] = {"data": data}
    if str(params.get("summary", "")).lower() in ("true", "1", "total_count"):
        body["summary"] = {"total_count": len(items)}
    if not data:
        return body
    paging: dict[str, Any] = {
        "cursors": {"before": encode_cursor(start), "after": encode_cursor(start + len(data) - 1)}
    }
    base = {**{k: v for k, v in params.items() if k not in ("after", "before")}, "limit": limit}
    if start + len(data) < len(items):
        paging["next"] = f"{url}?{urlencode({**base, 'after': paging['cursors']['after']})}"
    if start > 0:
        paging["previous"] = f"{url}?{urlencode({**base, 'before': paging['cursors']['before']})}"
    body["paging"] = paging
    return body
