"""The import rules of docs/architecture.md, checked on the source: no import circle between
modules nor between packages, no layer importing a higher one, and the dev harness (local/,
simulator/) and the API imported by nothing that ships below them.

Every import counts, including the ones inside functions and under TYPE_CHECKING.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = ROOT / "layers/shared/python/pixecom"

# Highest first. A module may import its own package, any package of its own layer, and any
# package of a lower layer. A new package must be placed here (the test says so).
LAYERS: dict[str, int] = {
    # entry points
    "api": 4,
    # services: the use cases
    "accounts": 3,
    "sync": 3,
    "control": 3,
    "adsmanager": 3,
    "sellpages": 3,
    "alerts": 3,
    "rates": 3,
    "rules": 3,
    "auth": 3,
    "maintenance": 3,
    "store": 3,  # the PixEcom store's orders and the sellpage level (reads adsmanager.params)
    # adapters: Postgres, Meta, SQS, Secrets Manager
    "db": 2,
    "meta": 2,
    "queue": 2,
    "secret_store": 2,
    "crypto": 2,  # ad-account tokens at rest (used by accounts, sync, control, rules, alerts)
    "sync_message": 2,  # the sync queues' message (sent by sync, accounts and control)
    # pure rules
    "domain": 1,
    # foundation
    "settings": 0,
    "clock": 0,
    "observability": 0,
    "runtime": 0,
    "pixecom": 0,  # the package's own __init__
}
# The developer harness: never shipped in the Lambda layer, imported by nothing that is.
HARNESS = {"local", "simulator"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: dict[str, Path] = {
    _module_name(p): p for p in sorted(PACKAGE.rglob("*.py")) if "migrations" not in p.parts
}


def _resolve(name: str) -> str | None:
    """The module of ours that `name` (a module, or a name inside one) refers to."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def _imports(module: str) -> Iterator[str]:
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            names = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        else:
            continue
        for name in names:
            target = _resolve(name) if name.startswith("pixecom") else None
            if target is not None and target != module:
                yield target


GRAPH: dict[str, set[str]] = {module: set(_imports(module)) for module in MODULES}


def _package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


# The same graph one level up: package -> the other packages its modules import.
PACKAGE_GRAPH: dict[str, set[str]] = {}
for _module, _targets in GRAPH.items():
    PACKAGE_GRAPH.setdefault(_package(_module), set()).update(
        _package(t) for t in _targets if _package(t) != _package(_module)
    )


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_rules_see_the_whole_package():
    assert len(MODULES) > 50
    assert "pixecom.sync.runs" in GRAPH["pixecom.sync.stats"]


def test_every_package_has_a_place_in_the_layers():
    unplaced = sorted({_package(m) for m in MODULES} - set(LAYERS) - HARNESS)
    assert unplaced == [], f"place these packages in LAYERS (docs/architecture.md): {unplaced}"


def test_no_import_circle_between_modules():
    assert _cycles(GRAPH) == []


def test_no_import_circle_between_packages():
    # Modules can avoid a circle while their packages do not (accounts.connect -> sync.dispatch
    # while sync.runs -> accounts.crypto, as it was): then neither can be read, or moved, alone.
    assert _cycles(PACKAGE_GRAPH) == []


def test_no_module_imports_a_higher_layer():
    upward = sorted(
        f"{module} -> {target}"
        for module, targets in GRAPH.items()
        if _package(module) in LAYERS
        for target in targets
        if _package(target) in LAYERS and LAYERS[_package(target)] > LAYERS[_package(module)]
    )
    assert upward == []


def test_only_the_harness_imports_the_harness_and_nothing_shipped_below_the_api_imports_it():
    offenders = sorted(
        f"{module} -> {target}"
        for module, targets in GRAPH.items()
        for target in targets
        if _package(module) not in HARNESS
        and (_package(target) in HARNESS or (_package(target) == "api" and _package(module) != "api"))
    )
    assert offenders == []


def test_the_simulator_stands_alone_from_the_api_and_the_dev_commands():
    offenders = sorted(
        f"{module} -> {target}"
        for module, targets in GRAPH.items()
        if _package(module) == "simulator"
        for target in targets
        if _package(target) in {"api", "local"}
    )
    assert offenders == []


def test_lambda_handlers_import_only_the_package_and_libraries():
    for handler in sorted((ROOT / "functions").glob("*/app.py")):
        tree = ast.parse(handler.read_text())
        ours = [
            node.module
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pixecom")
        ]
        assert ours, handler
        assert not [m for m in ours if _package(m) in HARNESS], handler
