"""The request pipeline every Graph call goes through, batch items included:
version -> call log -> faults -> token -> permission -> usage budget -> endpoint -> headers."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from pixecom.settings import DEFAULT_GRAPH_VERSION
from simulator.faults import fault_error, proxy_answer
from simulator.handlers import Call, handle
from simulator.nodes import render_account
from simulator.oauth import LOGIN_PATHS, handle_login, with_tasks
from simulator.paging import page
from simulator.scenario import FaultSpec
from simulator.state import SimulatorState
from simulator.wire import SimError, json_param, parse_fields, unknown_object

_VERSION = re.compile(r"^v\d+\.\d+$")
MAX_BATCH = 50
MALFORMED_BODY = '{"data": [{"id": "12040000'  # cut off mid-string: a corrupt 200


@dataclass
class GraphRequest:
    method: str
    path: str  # as received, e.g. "/v25.0/act_1001/insights"
    params: dict[str, str]
    base_url: str  # scheme://host:port, for paging links
    authorization: str | None = None
    batch_item: bool = False


@dataclass
class GraphResponse:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    raw: str | None = None  # a body that is not JSON (malformed fault)
    latency_ms: int = 0
    connection: str | None = None  # a connection fault to carry out (simulator/connections.py)
    cut_after_bytes: int | None = None

    def text(self) -> str:
        return self.raw if self.raw is not None else json.dumps(self.body, separators=(",", ":"))


class GraphSimulator:
    """Answers Graph requests from a `SimulatorState`."""

    def __init__(self, state: SimulatorState) -> None:
        self.state = state

    def handle(self, request: GraphRequest) -> GraphResponse | None:
        """The response, or None for a batch item that a fault made time out."""
        version, segments = _split(request.path)
        path = "/" + "/".join(segments)
        self.state.record_call(path, batch_item=request.batch_item, params=request.params)
        response = GraphResponse(headers={"x-fb-trace-id": "AbCdEf", "x-fb-rev": "1019000000"})
        with self.state.lock:
            account = self.state.account_of(segments[0]) if segments else None
            fault = self.state.faults.fire(request.method, path, batch_item=request.batch_item,
                                           account_id=account.id if account is not None else None)
        if fault is not None:
            response.latency_ms = fault.latency_ms
            if fault.batch_null and request.batch_item:
                return None
            if fault.bare_status is not None or fault.connection == "refuse":
                return _unanswered(response, fault)  # Meta never saw the call: nothing runs
            response.connection, response.cut_after_bytes = fault.connection, fault.cut_after_bytes
        insights = bool(segments) and segments[-1] == "insights"
        account_id: str | None = None
        charged = False
        try:
            if version in self.state.settings.dead_versions:
                raise SimError(2635, "(#2635) You are calling a deprecated version of the Ads API. "
                               f"Please update to the latest version: {version}.")
            if self.state.login is not None and tuple(segments) in LOGIN_PATHS:
                response.body = self._login_call(request, segments)
                return response
            granted = self._authenticate(request)
            account_id = self._account_in_scope(segments, granted)
            if account_id is not None:
                with self.state.lock:
                    self.state.usage.check(account_id.removeprefix("act_"), insights=insights)
            charged = True
            _raise_fault(fault)
            if fault is not None and fault.malformed:
                response.raw = MALFORMED_BODY
                return response
            response.body = self._dispatch(request, version, segments, granted, account_id, fault)
        except SimError as error:
            response.status, response.body = error.http_status, error.body()
            error_headers = error.headers
        else:
            error_headers = {}
        self._usage_headers(response, account_id if charged else None, request.method, insights)
        response.headers.update(error_headers)  # an error's own usage report wins (a budget block)
        return response

    def _usage_headers(self, response: GraphResponse, account_id: str | None, method: str,
                       insights: bool) -> None:
        """Charge the account's budget for a call it paid for, and report its usage."""
        numeric = account_id.removeprefix("act_") if account_id else None
        with self.state.lock:
            self.state.usage.charge(numeric, 1 if method == "GET" else 3)
            if numeric is not None or "x-ad-account-usage" not in response.headers:
                response.headers.update(self.state.usage.headers(numeric, insights=insights))

    def _authenticate(self, request: GraphRequest) -> set[str]:
        token = request.params.get("access_token")
        if not token and request.authorization and request.authorization.lower().startswith("bearer "):
            token = request.authorization[7:].strip()
        if not token:
            raise SimError(104, "An access token is required to request this resource.")
        login = self.state.login
        with self.state.lock:
            minted = login.tokens.get(token) if login is not None else None
            if login is not None and minted is not None:  # a Facebook Login token
                login.check(minted, request.params.get("appsecret_proof"), batch_item=request.batch_item)
                return set(login.reach(minted))
        with self.state.lock:
            granted = self.state.accounts_of_token(token)
            expired = token in self.state.expired_tokens
        if granted is None:
            raise SimError(190, "Invalid OAuth access token - Cannot parse access token")
        if expired:
            raise SimError(190, "Error validating access token: Session has expired. The current time is "
                           "later than the token's expiry time.", subcode=463,
                           user_title="Session expired", user_msg="Please log in again.")
        secret = self.state.settings.app_secret
        if secret is not None and not request.batch_item:
            expected = hmac.new(secret.encode(), token.encode(), hashlib.sha256).hexdigest()
            proof = request.params.get("appsecret_proof")
            if not proof:
                raise SimError(100, "(#100) API calls from the server require an appsecret_proof argument")
            if not hmac.compare_digest(proof, expected):
                raise SimError(100, "Invalid appsecret_proof provided in the API argument")
        return granted

    def _account_in_scope(self, segments: list[str], granted: set[str]) -> str | None:
        """The ad account the call touches (for permission and usage); raises if not granted."""
        if not segments or segments[0] == "me":
            return None
        node_id = segments[0]
        with self.state.lock:
            account = self.state.account_of(node_id)
        if account is None:
            return None  # unknown ids fall through to the endpoint's own "does not exist"
        if account.id in granted:
            return account.id
        if node_id == account.id:
            raise SimError(200, "(#200) Ad account owner has NOT grant ads_management or ads_read "
                           "permission", http_status=403)
        raise unknown_object(node_id)

    def _dispatch(self, request: GraphRequest, version: str, segments: list[str], granted: set[str],
                  account_id: str | None, fault: FaultSpec | None) -> Any:
        if not segments:
            if request.method != "POST" or "batch" not in request.params:
                raise SimError(100, "(#100) Unsupported request to the root node")
            return self._batch(request)
        if segments == ["me", "adaccounts"] and request.method == "GET":
            return self._my_accounts(request, version, granted)
        if account_id is None:
            raise unknown_object(segments[0], request.method.lower())
        url = f"{request.base_url}/{version}/{'/'.join(segments)}"
        call = Call(self.state, request.method, segments, request.params, url,
                    async_status=fault.async_status if fault is not None else None)
        return handle(call)

    def _my_accounts(self, request: GraphRequest, version: str, granted: set[str]) -> Any:
        tree = parse_fields(request.params.get("fields"))
        wants_tasks = tree is not None and "user_tasks" in tree
        if tree is not None:
            tree.pop("user_tasks", None)
        rows = [render_account(self.state.accounts[a], tree, self.state.now())
                for a in sorted(granted) if a in self.state.accounts]
        login, token = self.state.login, _token_of(request)
        with self.state.lock:
            minted = login.tokens.get(token) if login is not None and token else None
            tasks = login.reach(minted) if login is not None and minted is not None else {}
        rows = with_tasks(rows, tasks, wants_tasks)
        return page(rows, request.params, f"{request.base_url}/{version}/me/adaccounts",
                    default_limit=self.state.settings.default_page_size,
                    max_limit=self.state.settings.max_page_size)

    def _login_call(self, request: GraphRequest, segments: list[str]) -> Any:
        """Facebook Login endpoints (simulator.oauth)."""
        assert self.state.login is not None
        subject = request.params.get("input_token") if segments == ["debug_token"] else _token_of(request)
        with self.state.lock:
            reach = self.state.accounts_of_token(subject) if subject else None
            scenario_reach = None if reach is None else {a: ["MANAGE", "ADVERTISE", "ANALYZE"] for a in reach}
            params = {**request.params, "access_token": _token_of(request) or ""}
            return handle_login(self.state.login, request.method, segments, params, scenario_reach)

    def _batch(self, request: GraphRequest) -> list[dict[str, Any] | None]:
        items = json_param(request.params["batch"], "batch")
        if not isinstance(items, list) or not items:
            raise SimError(100, "(#100) The batch parameter must be a JSON array of requests")
        if len(items) > MAX_BATCH:
            raise SimError(100, "(#100) Too many requests in batch message. "
                           f"Maximum batch size is {MAX_BATCH}")
        include_headers = request.params.get("include_headers", "true").lower() != "false"
        return [self._batch_item(request, item, include_headers) for item in items]

    def _batch_item(self, outer: GraphRequest, item: Any, include_headers: bool) -> dict[str, Any] | None:
        if not isinstance(item, dict) or "relative_url" not in item:
            body = SimError(100, "(#100) Each batch item needs a relative_url").body()
            return {"code": 400, "body": json.dumps(body)}
        parts = urlsplit(str(item["relative_url"]))
        params = {"access_token": outer.params.get("access_token", ""), **dict(parse_qsl(parts.query)),
                  **dict(parse_qsl(str(item.get("body") or ""), keep_blank_values=True))}
        if not params["access_token"]:
            params.pop("access_token")
        inner = GraphRequest(str(item.get("method", "GET")).upper(), "/" + parts.path.lstrip("/"), params,
                             outer.base_url, outer.authorization, batch_item=True)
        response = self.handle(inner)
        if response is None:
            return None
        out: dict[str, Any] = {"code": response.status, "body": response.text()}
        if include_headers:
            out["headers"] = [{"name": k, "value": v} for k, v in response.headers.items()]
        return out


def _token_of(request: GraphRequest) -> str | None:
    token = request.params.get("access_token")
    if not token and request.authorization and request.authorization.lower().startswith("bearer "):
        token = request.authorization[7:].strip()
    return token or None


def _split(path: str) -> tuple[str, list[str]]:
    """("v27.0", ["act_1", "insights"]) from "/v27.0/act_1/insights": any vNN.N is accepted (a
    version in `dead_versions` is answered 2635 later); a missing version is the default one."""
    segments = [s for s in path.split("/") if s]
    if segments and _VERSION.match(segments[0]):
        return segments[0], segments[1:]
    return DEFAULT_GRAPH_VERSION, segments


def _unanswered(response: GraphResponse, fault: FaultSpec) -> GraphResponse:
    """A call answered before Graph: by a proxy (`bare_status`) or not at all (`refuse`)."""
    if fault.bare_status is not None:
        response.status, response.raw, response.headers = proxy_answer(fault)
    else:
        response.connection, response.raw, response.headers = "refuse", "", {}
    return response


def _raise_fault(fault: FaultSpec | None) -> None:
    if fault is not None and fault.code is not None:
        raise fault_error(fault)


def form_params(query: Mapping[str, str], body: bytes, content_type: str) -> dict[str, str]:
    """Query string and urlencoded form body merged, as Meta reads them."""
    params = dict(query)
    if body and "application/x-www-form-urlencoded" in content_type:
        params.update(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
    elif body and "application/json" in content_type:
        loaded = json.loads(body)
        if isinstance(loaded, dict):
            params.update({k: v if isinstance(v, str) else json.dumps(v) for k, v in loaded.items()})
    return params
