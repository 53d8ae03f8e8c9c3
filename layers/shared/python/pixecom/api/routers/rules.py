"""Automated rules: CRUD, enable/disable, preview (what it would do now) and its runs.

Sealed to the caller's seller: another seller's rule is not found (404).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response
from pydantic import ValidationError

from pixecom.api.deps import Caller, CurrentSeller, DbSession, Now
from pixecom.api.errors import InvalidInput, NotFound
from pixecom.api.messages import in_our_words
from pixecom.api.narrowing import accounts_visible
from pixecom.api.permits import requires
from pixecom.api.schemas.errors import error_responses
from pixecom.api.schemas.rules import (
    RuleList,
    RuleOut,
    RulePatch,
    RulePreview,
    RuleRunList,
)
from pixecom.control.audit import record_write
from pixecom.db.automation_models import Rule
from pixecom.domain.permissions import Permission
from pixecom.rules import service
from pixecom.rules.spec import RuleSpec

router = APIRouter(tags=["rules"])


def _validation(exc: ValidationError) -> InvalidInput:
    first = exc.errors()[0]
    field = ".".join(str(p) for p in first.get("loc", ())) or "body"
    return InvalidInput(f"{field}: {in_our_words(first)}", field=field)


def _owned(db: DbSession, caller: CurrentSeller, rule_id: uuid.UUID) -> Rule:
    rule = service.get_rule(db, caller.seller_id, rule_id)
    if rule is None or not _in_reach(caller, rule):
        raise NotFound("No such rule")
    return rule


def _audit(db: DbSession, caller: Caller, action: str, rule: Rule, *, now: datetime) -> None:
    record_write(
        db,
        caller.seller_id,
        caller.user_id,
        action,
        "rule",
        entity_id=rule.id,
        entity_name=rule.name,
        now=now,
    )


def _in_reach(caller: Caller, rule: Rule) -> bool:
    """A member limited to some ad accounts sees (and makes) only rules scoped to some of them."""
    scoped = [uuid.UUID(str(i)) for i in (rule.scope or {}).get("ad_account_ids") or ()]
    return caller.ad_account_ids is None or (bool(scoped) and accounts_visible(caller, scoped))


def _check_reach(caller: Caller, rule: Rule) -> None:
    if not _in_reach(caller, rule):
        raise NotFound(
            "scope.ad_account_ids: not found (name only ad accounts you may see)",
            field="scope.ad_account_ids",
        )


def _scope_error(exc: service.UnknownScopeId) -> NotFound:
    return NotFound(f"{exc.field}: not found", field=exc.field)


@router.post(
    "/rules",
    dependencies=[requires(Permission.RULES_WRITE)],
    status_code=201,
    response_model=RuleOut,
    responses=error_responses(400, 401, 404, 422),
)
def create_rule(body: RuleSpec, caller: CurrentSeller, db: DbSession, now: Now) -> dict[str, Any]:
    try:
        rule = service.create_rule(db, caller.seller_id, body, created_by=caller.user_id)
    except service.UnknownScopeId as exc:
        raise _scope_error(exc) from None
    _check_reach(caller, rule)  # raising rolls the new rule back
    _audit(db, caller, "rule_created", rule, now=now)
    return service.rule_payload(rule)


@router.get(
    "/rules",
    dependencies=[requires(Permission.READ)],
    response_model=RuleList,
    responses=error_responses(401),
)
def list_rules(caller: CurrentSeller, db: DbSession) -> dict[str, Any]:
    rules = [r for r in service.list_rules(db, caller.seller_id) if _in_reach(caller, r)]
    return {"data": [service.rule_payload(r) for r in rules]}


@router.get(
    "/rules/{rule_id}",
    dependencies=[requires(Permission.READ)],
    response_model=RuleOut,
    responses=error_responses(401, 404, 422),
)
def get_rule(rule_id: uuid.UUID, caller: CurrentSeller, db: DbSession) -> dict[str, Any]:
    return service.rule_payload(_owned(db, caller, rule_id))


@router.patch(
    "/rules/{rule_id}",
    dependencies=[requires(Permission.RULES_WRITE)],
    response_model=RuleOut,
    responses=error_responses(400, 401, 404, 422),
)
def update_rule(
    rule_id: uuid.UUID, body: RulePatch, caller: CurrentSeller, db: DbSession, now: Now
) -> dict[str, Any]:
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
    _check_reach(caller, rule)  # raising rolls the change back
    _audit(db, caller, "rule_changed", rule, now=now)
    return service.rule_payload(rule)


@router.delete(
    "/rules/{rule_id}",
    dependencies=[requires(Permission.RULES_WRITE)],
    status_code=204,
    responses=error_responses(401, 404, 422),
)
def delete_rule(rule_id: uuid.UUID, caller: CurrentSeller, db: DbSession, now: Now) -> Response:
    _audit(db, caller, "rule_deleted", _owned(db, caller, rule_id), now=now)
    if not service.delete_rule(db, caller.seller_id, rule_id):
        raise NotFound("No such rule")
    return Response(status_code=204)


@router.post(
    "/rules/{rule_id}/enable",
    dependencies=[requires(Permission.RULES_WRITE)],
    response_model=RuleOut,
    responses=error_responses(401, 404, 422),
)
def enable_rule(rule_id: uuid.UUID, caller: CurrentSeller, db: DbSession, now: Now) -> dict[str, Any]:
    rule = _owned(db, caller, rule_id)
    rule.enabled = True
    _audit(db, caller, "rule_enabled", rule, now=now)
    db.flush()
    return service.rule_payload(rule)


@router.post(
    "/rules/{rule_id}/disable",
    dependencies=[requires(Permission.RULES_WRITE)],
    response_model=RuleOut,
    responses=error_responses(401, 404, 422),
)
def disable_rule(rule_id: uuid.UUID, caller: CurrentSeller, db: DbSession, now: Now) -> dict[str, Any]:
    rule = _owned(db, caller, rule_id)
    rule.enabled = False
    _audit(db, caller, "rule_disabled", rule, now=now)
    db.flush()
    return service.rule_payload(rule)


@router.post(
    "/rules/{rule_id}/preview",
    dependencies=[requires(Permission.RULES_WRITE)],
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
    dependencies=[requires(Permission.READ)],
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
