"""One clock seam (docs/architecture.md, Seams): the wall clock is read in `pixecom/clock.py`
only, and no function takes an optional instant that falls back to it. Entry points read the
clock once (`clock: Clock = utc_now`, the API's `get_now`, a scheduled event's time) and pass
`now: datetime` down.

The simulator is a product of its own with its own seam (`SimulatorState(now=...)`): left out.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = ROOT / "layers/shared/python/pixecom"
SOURCES = sorted(
    p
    for p in PACKAGE.rglob("*.py")
    if "simulator" not in p.relative_to(PACKAGE).parts and "migrations" not in p.parts
)
WALL_CLOCK = {("datetime", "now"), ("datetime", "utcnow"), ("date", "today"), ("time", "time")}
TIME_PARAMETERS = {"now", "clock", "today"}


def _where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(PACKAGE)}:{getattr(node, 'lineno', 0)}"


def _wall_clock_reads(path: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            if isinstance(owner, ast.Name) and (owner.id, node.func.attr) in WALL_CLOCK:
                yield _where(path, node)


def _optional_instants(path: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(path.read_text())):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        args = node.args
        positional = [*args.posonlyargs, *args.args]
        pairs = list(zip(positional[len(positional) - len(args.defaults) :], args.defaults, strict=True))
        pairs += [(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults, strict=True) if d is not None]
        for arg, default in pairs:
            if arg.arg in TIME_PARAMETERS and isinstance(default, ast.Constant) and default.value is None:
                yield f"{_where(path, node)} {arg.arg}=None"


def test_the_rules_see_the_package():
    assert len(SOURCES) > 100 and PACKAGE / "clock.py" in SOURCES


def test_only_the_clock_module_reads_the_wall_clock():
    reads = [w for path in SOURCES if path.name != "clock.py" for w in _wall_clock_reads(path)]
    assert reads == [], "take `now: datetime` or `clock: Clock = utc_now` (pixecom.clock) instead"


def test_no_function_takes_an_optional_instant():
    optional = [w for path in SOURCES for w in _optional_instants(path)]
    assert optional == [], "an instant is passed, never defaulted to the wall clock"
