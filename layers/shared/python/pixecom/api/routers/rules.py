"""Automated rules: CRUD, enable/disable, preview (what it would do now) and its runs.

Sealed to the caller's seller: another seller's rule is not found (404).
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from pydantic import ValidationError

from pixecom.api.deps import CurrentSeller, DbSession, Now
from pixecom.api.errors import InvalidInput, NotFound
from pixecom.api.messages import in_our_words
from pixecom.api.schemas.errors import error_responses
from pixecom.api.schemas.rules import (
    RuleList,
    RuleOut,
    RulePatch,
    RulePreview,
    RuleRunList,
)
from pixecom.db.automation_models import Rule
from pixecom.rules import service
from pixecom.rules.spec import RuleSpec

router = APIRouter(tags=["rules"])


def _validation(exc: ValidationError) -> InvalidInput:
    first = exc.errors()[0]
    field = ".".join(str(p) for p in first.get("loc", ())) or "body"
    return InvalidInput(f"{field}: {in_our_words(first)}", field=field)


def _owned(db: DbSession, caller: CurrentSeller, rule_id: uuid.UUID) -> Rule:
    rule = service.get_rule(db, caller.seller_id, rule_id)
    if rule is None:
        raise NotFound("No such rule")
    return rule


def _scope_error(exc: service.UnknownScopeId) -> NotFound:
    return NotFound(f"{exc.field}: not found", field=exc.field)


@router.post("/rules", status_code=201, response_model=RuleOut, responses=error_responses(400, 401, 404, 422))
def create_rule(body: RuleSpec, caller: CurrentSeller, db: DbSession) -> dict[str, Any]:
    try:
        rule = service.create_rule(db, caller.seller_id, body)
    except service.UnknownScopeId as exc:
        raise _scope_error(exc) from None
    return service.rule_payload(rule)


@router.get("/rules", response_model=RuleList, responses=error_responses(401))
def list_rules(caller: CurrentSeller, db: DbSession) -> dict[str, Any]:
    return {"data": [service.rule_payload(r) for r in service.list_rules(db, caller.seller_id)]}


@router.get("/rules/{rule_id}", response_model=RuleOut, responses=error_responses(401, 404, 422))
def get_rule(rule_id: uuid.UUID, caller: CurrentSeller, db: DbSession) -> dict[str, Any]:
    return service.rule_payload(_owned(db, caller, rule_id))


@router.patch("/rules/{rule_id}", response_model=RuleOut, responses=error_responses(400, 401, 404, 422))
def update_rule(rule_id: uuid.UUID, body: RulePatch, caller: CurrentSeller, db: DbSession) -> dict[str, Any]:
    _owned(db, caller, rule_id)
    try:
        rule = service.update_rule(
            db, caller.seller_id, rule_id, body.model_dump(mode="json", exclude_unset=True)
        )
    except ValidationError as exc:
        raise _validation(exc) from None
    except service.UnknownScopeId as exc:
        raise _scope_error(exc) from None
    assert rule is not None
    return service.rule_payload(rule)


@router.delete("/rules/{rule_id}", status_code=204, responses=error_responses(401, 404, 422))
def delete_rule(rule_id: uuid.UUID, caller: CurrentSeller, db: DbSession) -> Response:
    if not service.delete_rule(db, caller.seller_id, rule_id):
        raise NotFound("No such rule")
    return Response(status_code=204)


@router.post("/rules/{rule_id}/enable", response_model=RuleOut, responses=error_responses(401, 404, 422))
def enable_rule(rule_id: uuid.UUID, caller: CurrentSeller, db: DbSession) -> dict[str, Any]:
    rule = _owned(db, caller, rule_id)
    rule.enabled = True
    db.flush()
    return service.rule_payload(rule)


@router.post("/rules/{rule_id}/disable", response_model=RuleOut, responses=error_responses(401, 404, 422))
def disable_rule(rule_id: uuid.UUID, caller: CurrentSeller, db: DbSession) -> dict[str, Any]:
    rule = _owned(db, caller, rule_id)
    rule.enabled = False
    db.flush()
    return service.rule_payload(rule)


@router.post(
    "/rules/{rule_id}/preview",
    response_model=RulePreview,
    response_model_exclude_unset=True,
    responses=error_responses(401, 404, 422),
)
def preview_rule(rule_id: uuid.UUID, caller: CurrentSeller, db: DbSession, now: Now) -> dict[str, Any]:
    rule = _owned(db, caller, rule_id)
    preview = service.preview_rule(db, rule, now)
    return {
        "rule_id": str(rule.id),
        "action": rule.action.value,
        "entities": [service.entity_json(p.as_json()) for p in preview.planned],
        "skipped_accounts": preview.skipped,
    }


@router.get(
    "/rules/{rule_id}/runs",
    response_model=RuleRunList,
    response_model_exclude_unset=True,
    responses=error_responses(401, 404, 422),
)
def list_runs(
    rule_id: uuid.UUID,
    caller: CurrentSeller,
    db: DbSession,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> dict[str, Any]:
    _owned(db, caller, rule_id)
    return {"data": [service.run_payload(r) for r in service.list_runs(db, caller.seller_id, rule_id, limit)]}
