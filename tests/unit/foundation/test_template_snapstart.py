"""The API function starts from a snapshot of its init (Lambda SnapStart), as the SAM transform
expands it: a published version behind an alias, and the HTTP API invoking that alias."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from sam_transform import translate

# One worker for the module: its module-scoped fixture is then built once, not once per worker.
pytestmark = pytest.mark.xdist_group("template-snapstart")

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def resources() -> dict[str, Any]:
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")  # as `sam validate --region`
    output, missing = translate(ROOT / "template.yaml")
    assert missing == []
    return dict(output["Resources"])


def test_the_api_function_snapshots_its_published_versions(resources):
    assert resources["ApiFunction"]["Properties"]["SnapStart"] == {"ApplyOn": "PublishedVersions"}
    versions = [r for r in resources.values() if r["Type"] == "AWS::Lambda::Version"]
    assert [v["Properties"]["FunctionName"] for v in versions] == [{"Ref": "ApiFunction"}]
    alias = resources["ApiFunctionAliaslive"]
    assert alias["Type"] == "AWS::Lambda::Alias" and alias["Properties"]["Name"] == "live"


def test_the_http_api_invokes_the_alias_not_the_unpublished_function(resources):
    api = json.dumps(resources["HttpApi"]["Properties"])
    permissions = [r for r in resources.values() if r["Type"] == "AWS::Lambda::Permission"]
    api_permissions = [p for p in permissions if "ApiFunction" in json.dumps(p["Properties"]["FunctionName"])]
    assert "ApiFunctionAliaslive" in api
    assert api_permissions and all(
        p["Properties"]["FunctionName"] == {"Ref": "ApiFunctionAliaslive"} for p in api_permissions
    )


def test_snapstart_runs_without_what_it_cannot_restore(resources):
    # Not with provisioned concurrency, EFS, or more than 512 MB of /tmp (Lambda refuses them).
    props = resources["ApiFunction"]["Properties"]
    assert "FileSystemConfigs" not in props
    assert props.get("EphemeralStorage", {"Size": 512})["Size"] <= 512
    assert "ProvisionedConcurrencyConfig" not in resources["ApiFunctionAliaslive"]["Properties"]
