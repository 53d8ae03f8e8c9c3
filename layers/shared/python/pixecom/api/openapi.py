"""The OpenAPI document, the API's contract: readable operation ids and complete error declarations.

`openapi/openapi.json` is this document, committed; `make openapi` rewrites it
(`python -m pixecom.api.openapi openapi/openapi.json`) and a test fails when they differ.

Rules applied to every route, so a new router gets them without asking:
- operation id = `<first tag>_<route name>` in snake case (`ads_manager_list_campaigns`);
- an authenticated route (bearer security) declares 401; a route with a body declares 400
  (malformed JSON), 413 and 422; a route with parameters declares 422; all with `ErrorResponse`;
- FastAPI's own validation-error schema never appears: the API answers 422 with `ErrorResponse`;
- `x-permission` names what the route declared (pixecom.api.permits): a permission of
  pixecom.domain.permissions (and 403 is declared), `signed_in`, or `public`; `x-seller-wide`
  marks a write a member limited to some ad accounts may not make.
"""

from __future__ import annotations

import json
import re
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute, iter_route_contexts
from pydantic import TypeAdapter

from pixecom.api.permits import PUBLIC_MARK, SIGNED_IN_MARK, declared_marks, is_seller_wide
from pixecom.api.schemas.ads_manager import NAMED_SCHEMAS
from pixecom.api.schemas.errors import ERROR_DESCRIPTIONS, RETRY_AFTER_HEADER, ErrorResponse
from pixecom.domain.dates import DatePreset
from pixecom.domain.enums import CampaignStatus, DeliveryStatus, EntityLevel, SyncKind, SyncOutcome

# Named schemas every client needs even where parameters reference them only by `$ref`.
ALWAYS_IN_COMPONENTS: tuple[type, ...] = (
    ErrorResponse,
    DatePreset,
    CampaignStatus,
    DeliveryStatus,
    EntityLevel,
    SyncKind,
    SyncOutcome,
)

_ERROR_REF = "#/components/schemas/ErrorResponse"
_FASTAPI_VALIDATION = ("HTTPValidationError", "ValidationError")


def operation_id(route: APIRoute) -> str:
    """`ads-manager` + `list_campaigns` -> `ads_manager_list_campaigns`."""
    tag = str(route.tags[0]) if route.tags else "api"
    return re.sub(r"[^0-9a-zA-Z]+", "_", f"{tag}_{route.name}").strip("_").lower()


def _error_response(status: int) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "description": ERROR_DESCRIPTIONS.get(status, "Error"),
        "content": {"application/json": {"schema": {"$ref": _ERROR_REF}}},
    }
    if status in (429, 503):
        entry["headers"] = {"Retry-After": RETRY_AFTER_HEADER}
    return entry


def _refs_fastapi_validation(response: dict[str, Any]) -> bool:
    return any(name in json.dumps(response.get("content", {})) for name in _FASTAPI_VALIDATION)


def _mark_permissions(app: FastAPI, document: dict[str, Any]) -> None:
    """`x-permission` on every operation whose route declares exactly one (else none: a test fails)."""
    paths = document.get("paths", {})
    for route in iter_route_contexts(app.routes):
        if not isinstance(route.original_route, APIRoute) or not route.include_in_schema:
            continue
        marks = declared_marks(route)
        for method in route.methods or ():
            operation = paths.get(route.path_format, {}).get(method.lower())
            if operation is not None and len(marks) == 1:
                operation["x-permission"] = marks[0]
                if is_seller_wide(route):
                    operation["x-seller-wide"] = True


def complete_operation(operation: dict[str, Any]) -> None:
    """Add the errors every operation of its kind can answer; replace FastAPI's 422 schema."""
    responses: dict[str, Any] = operation.setdefault("responses", {})
    implied: set[int] = set()
    if operation.get("x-permission") not in (None, PUBLIC_MARK, SIGNED_IN_MARK):
        implied.add(403)
    if operation.get("security"):
        implied |= {401, 422}  # 422: a query parameter it does not take (pixecom.api.strict)
    if "requestBody" in operation:
        implied |= {400, 413, 422}
    if operation.get("parameters"):
        implied.add(422)
    for code in implied:
        if str(code) not in responses:
            responses[str(code)] = _error_response(code)
    for status, response in list(responses.items()):
        if _refs_fastapi_validation(response):
            responses[status] = _error_response(int(status))
        elif int(status) >= 400 and _ERROR_REF in json.dumps(response.get("content", {})):
            # Errors are JSON even on routes whose success is not (FastAPI files them under
            # the route's media type, e.g. text/csv).
            responses[status] = {**response, "content": _error_response(int(status))["content"]}
    operation["responses"] = dict(sorted(responses.items()))


def build_openapi(app: FastAPI) -> dict[str, Any]:
    document = get_openapi(
        title=app.title,
        version=app.version,
        openapi_version=app.openapi_version,
        description=app.description,
        routes=app.routes,
    )
    schemas: dict[str, Any] = document.setdefault("components", {}).setdefault("schemas", {})
    for named in ALWAYS_IN_COMPONENTS:
        schema = TypeAdapter(named).json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(schema.pop("$defs", {}))
        schemas.setdefault(named.__name__, schema)
    schemas.update(NAMED_SCHEMAS)
    _mark_permissions(app, document)
    for path_item in document.get("paths", {}).values():
        for operation in path_item.values():
            complete_operation(operation)
    for name in _FASTAPI_VALIDATION:
        schemas.pop(name, None)
    document["components"]["schemas"] = dict(sorted(schemas.items()))
    return document


def install_openapi(app: FastAPI) -> None:
    """Serve `build_openapi(app)` at /openapi.json (built once, on first request)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = build_openapi(app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def render(document: dict[str, Any]) -> str:
    """The committed file's exact text: 2-space JSON, keys in document order, one final newline."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
