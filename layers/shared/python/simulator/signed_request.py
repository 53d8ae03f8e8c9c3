"""Meta's `signed_request`: `<b64url(sig)>.<b64url(payload JSON)>`, unpadded, where `sig` is the
raw HMAC-SHA256 of the ENCODED payload keyed with the app secret, as Meta signs it."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def sign_request(payload: dict[str, Any], secret: str) -> str:
    encoded = b64url(json.dumps(payload, separators=(",", ":")).encode())
    signature = hmac.new(secret.encode(), encoded.encode(), hashlib.sha256).digest()
    return f"{b64url(signature)}.{encoded}"
