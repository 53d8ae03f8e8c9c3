"""template.yaml as `pixecom invoke` reads it: CloudFormation's short tags, each function's
handler, code folder, timeout, memory and environment (Globals applied), the environment's
intrinsic functions resolved against local stand-ins (`!Ref` to a queue is its local URL, a
parameter its default, `!If`/`!Equals`/`!Not`/`!And`/`!Or`, `!Join`, `!Sub`); a value naming
something only AWS has (a deployed resource's attribute) is left out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parents[4]
REGION = "us-east-1"


class InvokeError(Exception):
    """What `pixecom invoke` reports in one line (unknown function, missing event file...)."""


class _TemplateLoader(yaml.SafeLoader):
    """YAML with CloudFormation's short tags (!Ref X -> {"Ref": "X"}, !If [...] -> {"Fn::If": ...})."""


def _cfn_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> dict[str, Any]:
    value: Any
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    if suffix == "GetAtt" and isinstance(value, str):
        value = value.split(".", 1)
    return {"Ref" if suffix == "Ref" else f"Fn::{suffix}": value}


_TemplateLoader.add_multi_constructor("!", _cfn_tag)


def read_template(path: Path) -> dict[str, Any]:
    with path.open() as f:
        return dict(yaml.load(f, Loader=_TemplateLoader))  # noqa: S506 (a SafeLoader subclass)


def function_ids(template: Mapping[str, Any]) -> list[str]:
    return sorted(resources_of_type(template, "AWS::Serverless::Function"))


def queue_ids(template: Mapping[str, Any]) -> list[str]:
    return sorted(resources_of_type(template, "AWS::SQS::Queue"))


def resources_of_type(template: Mapping[str, Any], kind: str) -> dict[str, Any]:
    return {name: r for name, r in template.get("Resources", {}).items() if r.get("Type") == kind}


@dataclass(frozen=True)
class FunctionSpec:
    """What the template says about one function, its environment resolved locally."""

    logical_id: str
    code_dir: Path
    handler: str
    timeout: int
    memory_size: int
    environment: dict[str, str]


def function_spec(
    template: Mapping[str, Any],
    logical_id: str,
    root: Path = REPO_ROOT,
    resources: Mapping[str, str] | None = None,
) -> FunctionSpec:
    """Handler, code folder, timeout, memory and environment of `logical_id`, Globals applied.

    `resources` gives the local value of a resource's `!Ref` (a queue's URL); a variable whose
    value needs a resource not there (the database secret) is left out.
    """
    functions = resources_of_type(template, "AWS::Serverless::Function")
    if logical_id not in functions:
        raise InvokeError(
            f"{logical_id} is not a function of the template; functions: {', '.join(sorted(functions))}"
        )
    defaults = template.get("Globals", {}).get("Function", {})
    props = functions[logical_id].get("Properties", {})
    variables = {
        **defaults.get("Environment", {}).get("Variables", {}),
        **props.get("Environment", {}).get("Variables", {}),
    }
    resolver = _Resolver(template, resources or {})
    environment = {}
    for name, value in variables.items():
        resolved = resolver.value(value)
        if resolved is not None:
            environment[name] = resolved
    return FunctionSpec(
        logical_id=logical_id,
        code_dir=root / str(props["CodeUri"]),
        handler=str(props.get("Handler", defaults.get("Handler", "app.handler"))),
        timeout=int(props.get("Timeout", defaults.get("Timeout", 3))),
        memory_size=int(props.get("MemorySize", defaults.get("MemorySize", 128))),
        environment=environment,
    )


class _Unresolved(Exception):
    """The value names something only AWS has."""


@dataclass
class _Resolver:
    template: Mapping[str, Any]
    resources: Mapping[str, str]

    def value(self, value: Any) -> str | None:
        try:
            return self._string(value)
        except _Unresolved:
            return None

    def _string(self, value: Any) -> str:
        resolved = self._resolve(value)
        if isinstance(resolved, list):
            return ",".join(str(v) for v in resolved)
        return str(resolved)

    def _resolve(self, value: Any) -> Any:
        if isinstance(value, bool):
            return str(value).lower()
        if isinstance(value, str | int | float):
            return str(value)
        if isinstance(value, list):
            return [self._resolve(v) for v in value]
        if not isinstance(value, Mapping) or len(value) != 1:
            raise _Unresolved(value)
        ((function, argument),) = value.items()
        if function == "Ref":
            return self._ref(str(argument))
        if function == "Fn::If":
            condition, when_true, when_false = argument
            return self._resolve(when_true if self._condition(condition) else when_false)
        if function == "Fn::Join":
            separator, parts = argument
            items = self._resolve(parts)
            flat = [p for part in items for p in (part if isinstance(part, list) else [part])]
            return separator.join(str(p) for p in flat)
        if function == "Fn::Sub" and isinstance(argument, str):
            return re.sub(r"\$\{([^}!]+)\}", lambda m: self._string({"Ref": m.group(1)}), argument)
        raise _Unresolved(value)  # Fn::GetAtt (an attribute of a deployed resource) and others

    def _ref(self, name: str) -> Any:
        if name in self.resources:
            return self.resources[name]
        pseudo = {"AWS::Region": REGION, "AWS::AccountId": "000000000000", "AWS::StackName": "pixecom-local"}
        if name in pseudo:
            return pseudo[name]
        parameter = self.template.get("Parameters", {}).get(name)
        if parameter is None or "Default" not in parameter:
            raise _Unresolved(name)
        default = parameter["Default"]
        if str(parameter.get("Type", "")).startswith(("CommaDelimitedList", "List<")):
            return [v.strip() for v in str(default).split(",")] if default != "" else []
        return str(default)

    def _condition(self, condition: Any) -> bool:
        if isinstance(condition, str):
            return self._condition(self.template.get("Conditions", {})[condition])
        ((function, argument),) = condition.items()
        if function == "Condition":
            return self._condition(argument)
        if function == "Fn::Equals":
            left, right = (self._resolve(a) for a in argument)
            return bool(left == right)
        if function == "Fn::Not":
            return not self._condition(argument[0])
        if function == "Fn::And":
            return all(self._condition(c) for c in argument)
        if function == "Fn::Or":
            return any(self._condition(c) for c in argument)
        raise _Unresolved(condition)
