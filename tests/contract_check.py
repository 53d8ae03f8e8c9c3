"""Every response a test receives from the app is checked against the OpenAPI document.

The `api` fixture installs `ContractChecker.check` as an httpx response hook: a documented
operation that answers a status it does not declare, or a JSON body that does not validate
against the declared schema (row, summary entry, daily point, error code, ...), fails the test
that made the request. So the document cannot lie about what the routes build by hand.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

import httpx
from jsonschema import Draft202012Validator

# Statuses no route declares on purpose: an unexpected server error is a test failure anyway.
_UNDECLARED_OK = {"500"}


class ContractViolation(AssertionError):
    pass


@cache
def openapi_document() -> dict[str, Any]:
    from pixecom.api.app import create_app

    document: dict[str, Any] = create_app().openapi()
    return json.loads(json.dumps(document))


class ContractChecker:
    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        routes = []
        for template, item in document["paths"].items():
            pattern = re.compile("^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)) + "$")
            routes.append((template.count("{"), template, pattern, item))
        self.routes = sorted(routes, key=lambda r: r[0])  # literal paths win over templated ones
        self._validators: dict[str, Draft202012Validator] = {}

    def operation(self, method: str, path: str) -> tuple[str, dict[str, Any]] | None:
        for _, template, pattern, item in self.routes:
            if pattern.match(path) and method in item:
                return template, item[method]
        return None

    def validator(self, schema: dict[str, Any]) -> Draft202012Validator:
        key = json.dumps(schema, sort_keys=True)
        if key not in self._validators:
            root = {**schema, "components": self.document["components"]}
            self._validators[key] = Draft202012Validator(
                root, format_checker=Draft202012Validator.FORMAT_CHECKER
            )
        return self._validators[key]

    def check(self, response: httpx.Response) -> None:
        request = response.request
        found = self.operation(request.method.lower(), request.url.path)
        if found is None:
            return  # not an API operation (/openapi.json, /docs, unknown paths)
        template, operation = found
        status = str(response.status_code)
        declared = operation["responses"].get(status)
        where = f"{request.method} {template} -> {status}"
        if declared is None:
            if status in _UNDECLARED_OK:
                return
            raise ContractViolation(f"{where}: status not declared in the OpenAPI document")
        content = declared.get("content")
        response.read()
        if not content:
            if response.content:
                raise ContractViolation(f"{where}: declared without a body but answered one")
            return
        media = response.headers.get("content-type", "").split(";")[0].strip()
        if media not in content:
            raise ContractViolation(f"{where}: answered {media!r}, declared {sorted(content)}")
        if media != "application/json":
            return
        errors = sorted(self.validator(content[media]["schema"]).iter_errors(response.json()), key=str)
        if errors:
            first = errors[0]
            at = "/".join(str(p) for p in first.absolute_path)
            raise ContractViolation(f"{where}: body does not match the schema at {at!r}: {first.message}")


@cache
def checker() -> ContractChecker:
    return ContractChecker(openapi_document())
