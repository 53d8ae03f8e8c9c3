"""The OpenAPI document is the frontend contract: committed, exact, named, and complete."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from contract_check import openapi_document

# One worker for the module: its module-scoped fixture is then built once, not once per worker.
pytestmark = pytest.mark.xdist_group("openapi-contract")

ROOT = Path(__file__).resolve().parents[3]
COMMITTED = ROOT / "openapi" / "openapi.json"
SOURCE = ROOT / "layers" / "shared" / "python" / "pixecom"
METHODS = {"get", "post", "put", "patch", "delete"}


def _operations(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, op)
        for path, item in document["paths"].items()
        for method, op in item.items()
        if method in METHODS
    ]


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return openapi_document()


def test_committed_document_is_exactly_what_the_app_serves(document):
    from pixecom.api.openapi import render

    assert COMMITTED.exists(), "openapi/openapi.json is missing: run `make openapi`"
    assert COMMITTED.read_text(encoding="utf-8") == render(document), (
        "openapi/openapi.json differs from the app's document: run `make openapi` and commit the diff"
    )


def test_operation_ids_are_readable_snake_case_tag_and_route_name(document):
    ids = [op["operationId"] for _, _, op in _operations(document)]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)+", i) for i in ids), ids
    assert (
        document["paths"]["/api/ads-manager/campaigns"]["get"]["operationId"] == "ads_manager_list_campaigns"
    )
    assert document["paths"]["/api/auth/login"]["post"]["operationId"] == "auth_login"


def test_every_success_response_names_its_model_and_no_body_is_free_form(document):
    for path, method, op in _operations(document):
        for status, response in op["responses"].items():
            content = response.get("content")
            if status == "204":
                assert not content, (path, method)
                continue
            assert content, (path, method, status)
            for media, body in content.items():
                if media == "text/csv":
                    continue
                assert media == "application/json", (path, method, media)
                assert body["schema"].get("$ref", "").startswith("#/components/schemas/"), (
                    path,
                    method,
                    status,
                )
    text = json.dumps(document)
    assert '"additionalProperties": true' not in text
    assert "HTTPValidationError" not in text


def test_every_error_response_is_the_error_model(document):
    for path, method, op in _operations(document):
        for status, response in op["responses"].items():
            if int(status) >= 400 and path != "/api/health":
                schema = response["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/ErrorResponse"}, (path, method, status)


def test_every_authenticated_route_declares_401_and_every_input_422(document):
    for path, method, op in _operations(document):
        if op.get("security"):
            assert "401" in op["responses"], (path, method)
        if op.get("parameters") or op.get("requestBody"):
            assert "422" in op["responses"], (path, method)
        if op.get("requestBody"):
            assert {"400", "413"} <= set(op["responses"]), (path, method)


def test_throttled_and_unavailable_answers_carry_retry_after(document):
    for path, method, op in _operations(document):
        for status in ("429", "503"):
            if status in op["responses"] and path != "/api/health":
                assert "Retry-After" in op["responses"][status]["headers"], (path, method, status)
    assert "429" in document["paths"]["/api/auth/login"]["post"]["responses"]


def test_export_csv_declares_text_csv_only(document):
    for level in ("campaigns", "adsets", "ads"):
        ok = document["paths"][f"/api/ads-manager/{level}/export.csv"]["get"]["responses"]["200"]
        assert list(ok["content"]) == ["text/csv"]
        assert "Content-Disposition" in ok["headers"]


def test_metrics_has_every_metric_as_its_own_typed_field(document):
    from pixecom.domain.catalogue import REACH_METRIC_NAMES
    from pixecom.domain.metrics import COUNT_METRICS, METRIC_NAMES, MONEY_METRICS, RATIO_METRICS

    schema = document["components"]["schemas"]["Metrics"]
    assert list(schema["properties"]) == [*METRIC_NAMES, *REACH_METRIC_NAMES]
    assert set(schema["required"]) == {*METRIC_NAMES, *REACH_METRIC_NAMES}
    assert schema["additionalProperties"] is False
    for name, prop in schema["properties"].items():
        if name in REACH_METRIC_NAMES:  # Meta's values; null when not known
            assert [t["type"] for t in prop["anyOf"]] == ["integer" if name == "reach" else "number", "null"]
        elif name == "results":  # null over rows of different result types
            assert [t["type"] for t in prop["anyOf"]] == ["integer", "null"]
        elif name in COUNT_METRICS:
            assert prop["type"] == "integer", name
        elif name in RATIO_METRICS:
            assert {t["type"] for t in prop["anyOf"]} == {"number", "null"}, name
        else:
            assert name in MONEY_METRICS
            strings = [prop] if "pattern" in prop else [t for t in prop["anyOf"] if t.get("type") == "string"]
            assert strings and strings[0]["type"] == "string" and strings[0]["pattern"], name
    assert schema["properties"]["spend"]["type"] == "string"  # never null: 0 spend is "0.00"


@pytest.mark.parametrize("value", ["0", "12", "12.3", "12.35", "0.125", "-3.50"])
def test_money_pattern_accepts_zero_to_three_decimals(document, value):
    spend = document["components"]["schemas"]["Metrics"]["properties"]["spend"]
    assert Draft202012Validator(spend).is_valid(value)


@pytest.mark.parametrize("value", ["12.3456", "1e5", "12.", ".5", "12,35", 12.35])
def test_money_pattern_refuses_what_is_not_a_decimal_string(document, value):
    spend = document["components"]["schemas"]["Metrics"]["properties"]["spend"]
    assert not Draft202012Validator(spend).is_valid(value)


def test_closed_value_sets_are_enums(document):
    schemas = document["components"]["schemas"]
    assert schemas["DeliveryStatus"]["enum"] == [
        "ACTIVE",
        "INACTIVE",
        "LEARNING",
        "ERROR",
        "LIMITED",
        "NOT_DELIVERING",
    ]
    assert set(schemas["CampaignStatus"]["enum"]) == {"ACTIVE", "PAUSED", "ARCHIVED", "DELETED"}
    assert "last_7d" in schemas["DatePreset"]["enum"]
    for name in ("JobStatus", "JobItemOutcome", "ConnectionStatus", "EntityLevel", "ErrorCode", "SyncKind"):
        assert schemas[name]["type"] == "string" and schemas[name]["enum"], name
    row = schemas["CampaignRow"]["properties"]
    assert row["status"] == {"$ref": "#/components/schemas/CampaignStatus"}
    assert row["delivery_status"] == {"$ref": "#/components/schemas/DeliveryStatus"}
    assert schemas["ErrorDetail"]["properties"]["code"] == {"$ref": "#/components/schemas/ErrorCode"}


def test_list_query_parameters_are_typed_as_they_are_parsed(document):
    from pixecom.adsmanager.params import MAX_LIMIT

    params = {p["name"]: p["schema"] for p in document["paths"]["/api/ads-manager/ads"]["get"]["parameters"]}
    assert {k: params["limit"][k] for k in ("type", "minimum", "maximum")} == {
        "type": "integer",
        "minimum": 1,
        "maximum": MAX_LIMIT,
    }
    assert params["since"]["format"] == "date"
    assert params["status"]["type"] == "array"
    assert params["status"]["items"] == {"$ref": "#/components/schemas/CampaignStatus"}
    assert params["campaign_id"]["items"] == {"type": "string", "format": "uuid"}
    assert params["date_preset"] == {"$ref": "#/components/schemas/DatePreset"}
    assert {"spend", "-spend", "name", "-roas"} <= set(params["sort"]["enum"])


def test_every_error_code_the_source_raises_is_in_the_enum():
    from pixecom.api.schemas.errors import ErrorCode

    known = {c.value for c in ErrorCode}
    raised: set[str] = set()
    for path in list((SOURCE / "api").rglob("*.py")) + list((SOURCE / "accounts").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        raised |= set(re.findall(r"""\bcode\s*=\s*"([a-z_]+)\"""", text))
        raised |= set(re.findall(r"""\bcode"\s*:\s*"([a-z_]+)\"""", text))
        raised |= set(re.findall(r"""AccountNotSyncable\([^)]*,\s*"([a-z_]+)"\)""", text, re.S))
        raised |= set(re.findall(r"""Rejected\(\s*"([a-z_]+)",""", text))  # StateRejected, CodeRejected
        if "CODE_ERRORS" in text:  # Meta's OAuth error subcodes -> our codes
            raised |= set(re.findall(r'\d+:\s*"([a-z_]+)"', text))
    assert raised, "the scan found no codes at all"
    assert raised <= known, sorted(raised - known)


def _response(path: str, status: int, body: Any) -> Any:
    import httpx

    request = httpx.Request("GET", f"http://testserver{path}")
    return httpx.Response(status, json=body, request=request)


_NO_STORE = dict.fromkeys(
    ("store_orders", "store_revenue", "store_roas", "purchase_value_gap", "orders_via_sellpage", "conversion")
) | {"null_reason": "no sellpage"}


def test_the_test_client_check_refuses_a_row_whose_spend_is_a_number():
    from contract_check import ContractViolation, checker
    from pixecom.domain.metrics import METRICS, Kind

    # an entity without stats as the list shows it (ratios null), except for a spend sent as a number
    metrics: dict[str, Any] = {
        m.name: None if m.derived else "0.00" if m.kind is Kind.MONEY else 0 for m in METRICS
    }
    metrics.update(reach=0, frequency=None, spend=0.0)
    body = {
        "data": [],
        "summary": [
            {
                "currency": "USD",
                "result_type": "purchase",
                "store": _NO_STORE,
                "reach_unavailable": None,
                "metrics": metrics,
            }
        ],
        "paging": {"next_cursor": None},
        "date_range": {"since": "2026-01-01", "until": "2026-01-07"},
        "converted_total": None,
        "breakdown": None,
    }
    with pytest.raises(ContractViolation, match="summary/0/metrics/spend"):
        checker().check(_response("/api/ads-manager/campaigns", 200, body))


def test_the_test_client_check_refuses_an_undeclared_status_and_an_unknown_error_code():
    from contract_check import ContractViolation, checker

    with pytest.raises(ContractViolation, match="not declared"):
        checker().check(_response("/api/jobs", 409, {"error": {"code": "conflict", "message": "x"}}))
    with pytest.raises(ContractViolation, match="error/code"):
        checker().check(_response("/api/jobs", 422, {"error": {"code": "made_up", "message": "x"}}))
