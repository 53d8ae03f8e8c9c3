"""The import rules of docs/architecture.md, read from that file and checked on the source: the
layers (its table), the order of the services (its arrows, both ways: no import an arrow does
not allow, no arrow no import uses), no import circle between modules nor between packages, and
the dev harness (local/, simulator/) and the API imported by nothing that ships below them.

Every import counts, including the ones inside functions and under TYPE_CHECKING.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = ROOT / "layers/shared/python/pixecom"
ARCHITECTURE = ROOT / "docs/architecture.md"
# The runtime package and, beside it, the developer harness's two packages.
ROOTS = ("pixecom", "simulator", "local")

# The layer names of docs/architecture.md's table, highest first, and their rank (higher = above).
LAYER_NAMES = ["entry points", "services", "adapters", "domain", "foundation"]
HARNESS_LAYER = "dev harness"


def _layer_table(text: str) -> dict[str, str]:
    """package -> layer name, from the table under "Packages and import rules"."""
    section = text.split("## Packages and import rules", 1)[1]
    placed: dict[str, str] = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("|") or len(cells) < 2 or cells[0] not in [*LAYER_NAMES, HARNESS_LAYER]:
            continue
        for name in re.findall(r"`([a-z_]+)(?:/|\.py)`", cells[1]):
            placed[name] = cells[0]
    return placed


def _service_order(text: str) -> dict[str, set[str]]:
    """service -> the services it may import, from the block under "The order of the services"."""
    section = text.split("### The order of the services", 1)[1]
    block = section.split("```text", 1)[1].split("```", 1)[0]
    arrows: dict[str, set[str]] = {}
    for line in block.strip().splitlines():
        source, _, targets = line.partition("->")
        arrows.setdefault(source.strip(), set()).update(t.strip() for t in targets.split(",") if t.strip())
    return arrows


_DOC = ARCHITECTURE.read_text()
PLACED = _layer_table(_DOC)
ORDER = _service_order(_DOC)
# Highest first. A module may import its own package, any package of a lower layer, and, within
# the services, those its arrows name. The package's own __init__ is foundation.
LAYERS: dict[str, int] = {
    name: len(LAYER_NAMES) - 1 - LAYER_NAMES.index(layer)
    for name, layer in PLACED.items()
    if layer in LAYER_NAMES
} | {"pixecom": 0}
SERVICES = {name for name, layer in PLACED.items() if layer == "services"}
# The developer harness: never shipped in the Lambda layer, imported by nothing that is.
HARNESS = {name for name, layer in PLACED.items() if layer == HARNESS_LAYER}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: dict[str, Path] = {
    _module_name(p): p
    for root in ROOTS
    for p in sorted((PACKAGE.parent / root).rglob("*.py"))
    if "migrations" not in p.parts
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
            target = _resolve(name) if name.split(".")[0] in ROOTS else None
            if target is not None and target != module:
                yield target


GRAPH: dict[str, set[str]] = {module: set(_imports(module)) for module in MODULES}


def _package(module: str) -> str:
    parts = module.split(".")
    return parts[1] if parts[0] == "pixecom" and len(parts) > 1 else parts[0]


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


def test_the_rules_see_the_whole_package_and_the_whole_document():
    assert len(MODULES) > 50
    assert "pixecom.sync.runs" in GRAPH["pixecom.sync.stats"]
    assert {"api", "sync", "db", "domain", "settings"} <= set(LAYERS) and HARNESS == {"local", "simulator"}
    assert ORDER and set(ORDER) <= SERVICES


def test_every_arrow_of_the_service_order_joins_two_services():
    named = set(ORDER) | {target for targets in ORDER.values() for target in targets}
    assert sorted(named - SERVICES) == [], (
        "docs/architecture.md: the order names a package that is no service"
    )


def test_services_import_each_other_only_along_the_documented_order():
    unwritten = sorted(
        f"{module} -> {target}"
        for module, targets in GRAPH.items()
        if _package(module) in SERVICES
        for target in targets
        if _package(target) in SERVICES
        and _package(target) != _package(module)
        and _package(target) not in ORDER.get(_package(module), set())
    )
    assert unwritten == [], "an import between services that docs/architecture.md's order does not allow"


def test_every_documented_arrow_is_an_import_that_exists():
    unused = sorted(
        f"{source} -> {target}"
        for source, targets in ORDER.items()
        for target in targets
        if target not in PACKAGE_GRAPH.get(source, set())
    )
    assert unused == [], "docs/architecture.md's service order names arrows no import uses: drop them"


def test_every_package_has_a_place_in_the_layers():
    unplaced = sorted({_package(m) for m in MODULES} - set(LAYERS) - HARNESS)
    assert unplaced == [], f"place these packages in docs/architecture.md's layer table: {unplaced}"


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
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in ROOTS
        ]
        assert ours, handler
        assert not [m for m in ours if _package(m) in HARNESS], handler


def test_request_and_response_models_live_in_api_schemas():
    """Routers hold routes; the bodies they take and answer are in `api/schemas/` (a router may
    define a starlette Response class: how a body is sent, not what it holds)."""
    models = sorted(
        f"{path.relative_to(PACKAGE)}: {node.name}"
        for path in sorted((PACKAGE / "api/routers").glob("*.py"))
        for node in ast.parse(path.read_text()).body
        if isinstance(node, ast.ClassDef)
        and not any(isinstance(b, ast.Name) and b.id.endswith("Response") for b in node.bases)
    )
    assert models == []
