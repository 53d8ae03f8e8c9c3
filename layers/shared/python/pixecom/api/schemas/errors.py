"""The error body every endpoint answers with, as a model for OpenAPI `responses=`."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class ErrorDetail(BaseModel):
    code: str
    message: str
    field: str | None = None


class ErrorResponse(BaseModel):
    """`{"error": {"code": "...", "message": "..."}}` (see pixecom.api.errors)."""

    error: ErrorDetail


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` entries documenting the JSON error body for each status."""
    descriptions = {
        400: "Malformed JSON",
        401: "Missing, invalid or expired credentials",
        404: "Not found (or not yours)",
        409: "Conflict",
        413: "Request body over 1 MB",
        422: "Invalid input (the field is named)",
        429: "Too many attempts; see Retry-After",
    }
    responses: dict[int | str, dict[str, Any]] = {
        s: {"model": ErrorResponse, "description": descriptions.get(s, "Error")} for s in statuses
    }
    if 429 in responses:
        responses[429]["headers"] = {
            "Retry-After": {
                "description": "Seconds to wait before trying again",
                "schema": {"type": "integer"},
            }
        }
    return responses
