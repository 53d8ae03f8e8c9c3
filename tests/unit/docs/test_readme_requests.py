"""Every request body the README shows (`curl ... -d '<json>'` against /api) is one the API
takes: valid against its operation's request schema in openapi/openapi.json."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[3]
DOCUMENT: dict[str, Any] = json.loads((ROOT / "openapi" / "openapi.json").read_text())

_URL = re.compile(r"localhost:\d+(/api/[^\s'\"?]*)")
_METHOD = re.compile(r"-X (GET|POST|PUT|PATCH|DELETE)\b")
_BODY = re.compile(r"-d '([^']*)'")


def _curl_commands(text: str) -> list[str]:
    """Each `curl` command: to the first newline outside quotes not escaped by a backslash."""
    commands = []
    for start in (m.start() for m in re.finditer(r"\bcurl ", text)):
        quote, i = "", start
        while i < len(text):
            c = text[i]
            if quote:
                quote = "" if c == quote else quote
            elif c in "'\"":
                quote = c
            elif c == "\\" and text[i + 1 : i + 2] == "\n":
                i += 1
            elif c == "\n":
                break
            i += 1
        commands.append(text[start:i])
    return commands


def _bodies() -> list[tuple[str, str, Any]]:
    found = []
    for command in _curl_commands((ROOT / "README.md").read_text()):
        url, body = _URL.search(command), _BODY.search(command)
        if url is None or body is None:
            continue
        method = _METHOD.search(command)
        found.append(
            ((method.group(1) if method else "POST").lower(), url.group(1), json.loads(body.group(1)))
        )
    return found


def _operation(method: str, path: str) -> dict[str, Any]:
    for template, item in DOCUMENT["paths"].items():
        if re.fullmatch(re.sub(r"\{[^}]+\}", "[^/]+", template), path) and method in item:
            return dict(item[method])
    raise AssertionError(f"the README shows {method.upper()} {path}, which the API does not have")


BODIES = _bodies()


def test_the_readme_shows_the_bodies_of_the_writes_sellers_use_most():
    shown = {(method, path) for method, path, _ in BODIES}
    assert {
        ("post", "/api/ads-manager/status"),
        ("post", "/api/rules"),
        ("put", "/api/alerts/settings"),
        ("put", "/api/alerts/webhook"),
    } <= shown


@pytest.mark.parametrize(("method", "path", "body"), BODIES, ids=[f"{m} {p}" for m, p, _ in BODIES])
def test_each_body_in_the_readme_is_valid_for_its_operation(method, path, body):
    schema = _operation(method, path)["requestBody"]["content"]["application/json"]["schema"]
    validator = Draft202012Validator({**schema, "components": DOCUMENT["components"]})
    assert [e.message for e in validator.iter_errors(body)] == []
