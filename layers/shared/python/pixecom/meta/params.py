"""Small pure helpers of the Graph wire: ids, parameter encoding, appsecret_proof, paging cursors."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl, urlsplit

AUTH_PARAMS = frozenset({"access_token", "appsecret_proof"})


def act_id(account_id: str) -> str:
    """ "123" or "act_123" -> "act_123"."""
    return account_id if account_id.startswith("act_") else f"act_{account_id}"


def bare_id(account_id: str) -> str:
    """ "act_123" or "123" -> "123" (the key usage and throttles are kept under)."""
    return account_id.removeprefix("act_")


def appsecret_proof(access_token: str, app_secret: str) -> str:
    """Lowercase hex HMAC-SHA256 of the token, keyed with the app secret (what Meta checks)."""
    return hmac.new(app_secret.encode(), access_token.encode(), hashlib.sha256).hexdigest()


def encode_params(params: Mapping[str, Any]) -> dict[str, str]:
    """Graph parameter encoding: lists, dicts and bools as compact JSON, the rest as str."""
    encoded: dict[str, str] = {}
    for key, value in params.items():
        if isinstance(value, bool | list | tuple | dict):
            encoded[key] = json.dumps(value, separators=(",", ":"))
        elif value is not None:
            encoded[key] = str(value)
    return encoded


def next_page_query(paging: object, query: dict[str, Any]) -> dict[str, Any] | None:
    """The parameters of the next page, or None on the last one (no `paging.next`)."""
    if not isinstance(paging, Mapping) or not paging.get("next"):
        return None
    cursors = paging.get("cursors")
    after = cursors.get("after") if isinstance(cursors, Mapping) else None
    if after:
        return {**query, "after": after}
    # No cursor: take the next URL's own parameters, minus credentials (we add ours).
    params = dict(parse_qsl(urlsplit(str(paging["next"])).query))
    return {k: v for k, v in params.items() if k not in AUTH_PARAMS}
