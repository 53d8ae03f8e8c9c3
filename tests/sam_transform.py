"""Run the SAM transform on template.yaml, as `sam validate` does, without AWS credentials.

cfn-lint checks CloudFormation; this proves the Serverless resources expand. Exit 1 on failure.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from samtranslator.model.exceptions import InvalidDocumentException
from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class NoManagedPolicies:
    """The transform asks IAM for AWS managed policy ARNs; the template uses none by name."""

    def load(self) -> dict[str, str]:
        return {}


LOCAL_URI_KEYS = {"AWS::Serverless::Function": "CodeUri", "AWS::Serverless::LayerVersion": "ContentUri"}


def replace_local_uris(template: dict[str, Any], root: Path) -> list[str]:
    """Point local code paths at a placeholder S3 URI, as `sam validate` does; report missing ones."""
    missing = []
    for name, resource in template.get("Resources", {}).items():
        key = LOCAL_URI_KEYS.get(resource.get("Type", ""))
        uri = resource.get("Properties", {}).get(key) if key else None
        if isinstance(uri, str) and not uri.startswith("s3://"):
            if not (root / uri).exists():
                missing.append(f"{name}: {key} {uri} does not exist")
            resource["Properties"][key] = f"s3://placeholder-bucket/{name}.zip"
    return missing


def translate(template_path: Path) -> tuple[dict[str, Any], list[str]]:
    template = yaml_parse(template_path.read_text())
    missing = replace_local_uris(template, template_path.parent)
    return transform(template, {}, NoManagedPolicies()), missing


def main(argv: list[str]) -> int:
    # The transform resolves pseudo parameters (AWS::Region); as `sam validate --region`, pick one.
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    path = Path(argv[1] if len(argv) > 1 else "template.yaml")
    try:
        output, missing = translate(path)
    except InvalidDocumentException as exc:
        for cause in exc.causes:
            print(f"{path}: {cause.message}", file=sys.stderr)
        return 1
    if missing:
        print("\n".join(f"{path}: {m}" for m in missing), file=sys.stderr)
        return 1
    print(f"{path}: SAM transform OK ({len(output['Resources'])} CloudFormation resources)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
