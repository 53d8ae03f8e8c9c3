"""The docs say what the repository holds, read from the repository itself so the test keeps up
as functions, queues, secrets and code are added:

- every function, queue and secret of `template.yaml` is named in README.md and in docs/, every
  function and queue in the README's architecture diagram, and any count of them is right;
- the connection budget (docs/operations.md) has one row per function, each row's caps are the
  template's (dev: its defaults; prod: samconfig.toml's overrides), its connections on the proxy
  and on the read replica follow from them (tests/budget_support.py) and its sums add up;
- every code name the docs cite in backticks still exists in the code, and every file the docs
  or the code's docstrings and comments cite is in the repository.
"""

from __future__ import annotations

import ast
import io
import re
import subprocess
import sys
import tokenize
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from budget_support import function_cap, proxy_connections, replica_connections
from local.template import read_template, resources_of_type

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = ROOT / "layers/shared/python/pixecom"
TEMPLATE = read_template(ROOT / "template.yaml")
README = (ROOT / "README.md").read_text()
DOCS = {path: path.read_text() for path in sorted((ROOT / "docs").glob("*.md"))}
ALL_DOCS = {ROOT / "README.md": README, **DOCS}

FUNCTIONS = sorted(resources_of_type(TEMPLATE, "AWS::Serverless::Function"))
_ALL_QUEUES = resources_of_type(TEMPLATE, "AWS::SQS::Queue")
# A dead-letter queue is named as its queue's "DLQ"; the queues are those something sends to.
DEAD_LETTER = {
    q["Properties"]["RedrivePolicy"]["deadLetterTargetArn"]["Fn::GetAtt"][0]
    for q in _ALL_QUEUES.values()
    if "RedrivePolicy" in q.get("Properties", {})
}
QUEUES = sorted(set(_ALL_QUEUES) - DEAD_LETTER)
SECRETS = sorted(resources_of_type(TEMPLATE, "AWS::SecretsManager::Secret"))


def short(logical_id: str) -> str:
    """How the docs name a function: its logical id without the `Function` suffix."""
    return logical_id.removesuffix("Function")


def _named(name: str, text: str) -> bool:
    return re.search(rf"\b{re.escape(name)}\b", text) is not None


def _named_function(logical_id: str, text: str) -> bool:
    return _named(logical_id, text) or _named(short(logical_id), text)


# -- functions, queues, secrets ----------------------------------------------------------------


def test_the_template_is_read():
    assert "ApiFunction" in FUNCTIONS and "StatsQueue" in QUEUES and "StatsDeadLetterQueue" in DEAD_LETTER
    assert SECRETS


@pytest.mark.parametrize("logical_id", FUNCTIONS + QUEUES + SECRETS)
def test_readme_and_docs_name_every_function_queue_and_secret(logical_id):
    missing = [
        name
        for name, text in (("README.md", README), ("docs/", "\n".join(DOCS.values())))
        if not _named_function(logical_id, text)
    ]
    assert missing == [], f"{logical_id} (template.yaml) is not named in {missing}"


def _readme_diagram() -> str:
    section = README.split("## Architecture", 1)[1]
    return section.split("```", 2)[1]


@pytest.mark.parametrize("logical_id", FUNCTIONS + QUEUES)
def test_the_readme_diagram_shows_every_function_and_queue(logical_id):
    assert _named_function(logical_id, _readme_diagram())


NUMBER_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
]
_COUNT = re.compile(
    r"\b(\d+|" + "|".join(NUMBER_WORDS) + r")\s+(?:Lambda\s+|SQS\s+)?(functions|queues|secrets|DLQs)\b",
    re.IGNORECASE,
)


def _counts() -> Iterator[tuple[str, str, int]]:
    for path, text in ALL_DOCS.items():
        for match in _COUNT.finditer(text):
            number, what = match.group(1).lower(), match.group(2).lower()
            n = int(number) if number.isdigit() else NUMBER_WORDS.index(number) + 1
            yield f"{path.relative_to(ROOT)}: {match.group(0)!r}", what, n


def test_every_count_of_functions_queues_and_secrets_is_the_templates():
    real = {
        "functions": len(FUNCTIONS),
        "queues": len(QUEUES),
        "secrets": len(SECRETS),
        "dlqs": len(DEAD_LETTER),
    }
    wrong = [f"{where} (template.yaml: {real[what]})" for where, what, n in _counts() if n != real[what]]
    assert wrong == []


# -- the connection budget ---------------------------------------------------------------------


def _budget_rows() -> list[list[str]]:
    section = DOCS[ROOT / "docs/operations.md"].split("## Connection budget", 1)[1].split("\n## ", 1)[0]
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in section.splitlines()
        if line.startswith("|") and not line.startswith("|---")
    ]
    return rows[1:]  # the header


def _pair(cell: str) -> tuple[int, int]:
    """`20 / 100` -> (20, 100); `1` or `1 each` -> (1, 1); `0` -> (0, 0); bold marks dropped."""
    numbers = [int(n) for n in re.findall(r"\d+", cell)]
    return (numbers[0], numbers[min(1, len(numbers) - 1)]) if numbers else (-1, -1)


def test_the_connection_budget_has_one_row_per_function_and_adds_up():
    rows = _budget_rows()
    *functions, total = rows
    assert "total" in total[0]
    named = [name.strip() for row in functions for name in row[0].split(",")]
    assert sorted(short(n) for n in named) == sorted(short(f) for f in FUNCTIONS), (
        "one row (or name) per function"
    )
    by_name = {short(f): f for f in FUNCTIONS}
    sums = {"proxy": [0, 0], "replica": [0, 0]}
    for row in functions:
        ids = [by_name[short(name.strip())] for name in row[0].split(",")]
        caps = [(function_cap(i, "dev"), function_cap(i, "prod")) for i in ids]
        written_cap = _pair(row[1])
        assert all(cap == written_cap for cap in caps), f"{row[0]}: cap {row[1]} but the template says {caps}"
        for column, where, connections in (
            (3, "proxy", proxy_connections),
            (4, "replica", replica_connections),
        ):
            expected = (sum(connections(i, "dev") for i in ids), sum(connections(i, "prod") for i in ids))
            assert _pair(row[column]) == expected, (
                f"{row[0]}: {where} {row[column]}, the caps make {expected}"
            )
            sums[where] = [sums[where][0] + expected[0], sums[where][1] + expected[1]]
    assert _pair(total[3]) == tuple(sums["proxy"]), f"total {total[3]}, the rows add up to {sums['proxy']}"
    assert _pair(total[4]) == tuple(sums["replica"]), (
        f"replica total {total[4]}, the rows add up to {sums['replica']}"
    )


# -- code names and files ----------------------------------------------------------------------


@cache
def _tracked() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True
    )
    return [p for p in listed.stdout.splitlines() if (ROOT / p).exists()]


CODE_SUFFIXES = (".py", ".yaml", ".yml", ".json", ".toml", ".ts", ".tsx", ".sql", ".mako", ".cfg", ".ini")


@cache
def _code_words() -> frozenset[str]:
    """Every word of the code and configuration (not of the docs)."""
    words: set[str] = set()
    for path in _tracked():
        if path.startswith("tests/unit/docs/"):  # this test names what must not exist
            continue
        if path.endswith(CODE_SUFFIXES) or Path(path).name in {"Makefile", ".gitignore"}:
            words.update(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", (ROOT / path).read_text(errors="ignore")))
    return frozenset(words)


# A cited code name: an identifier or dotted path with an underscore, a dot or an inner capital
# (`row_in`, `AccountRead.where`, `SummedRow`, `pixecom.adsmanager.sums`), optionally called.
_CODE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*(?:\(\))?$")


def _cited_names() -> Iterator[tuple[str, str]]:
    for path, text in ALL_DOCS.items():
        for token in re.findall(r"`([^`\n]+)`", text):
            if _FILE.fullmatch(token) or token.split(".")[0] in sys.stdlib_module_names:
                continue  # a file (checked below) or the standard library's
            if _CODE_NAME.match(token) and re.search(r"_|\.|[a-z][A-Z]", token):
                yield str(path.relative_to(ROOT)), token.removesuffix("()")


def test_every_code_name_the_docs_cite_still_exists():
    words = _code_words()
    gone = sorted(
        {
            f"{where}: `{name}`"
            for where, name in _cited_names()
            if not all(p in words for p in name.split("."))
        }
    )
    assert gone == []


_FILE = re.compile(
    r"(?<![\w/.*-])((?:[\w.-]+/)*[\w-]+\.(?:md|py|json|ya?ml|toml|txt|ts|tsx|sql|sh|cfg|ini|mako))\b"
)
_SKIP_FILE = re.compile(r"[<>*{}$]|^\.|://")


def _exists(cited: str, near: Path) -> bool:
    """A file named by a path relative to the repository, the package, `layers/shared/python`,
    the citing file's folder or `pixecom/`; a bare name anywhere in the repository."""
    cited = cited.removeprefix("./")
    if "/" not in cited:
        return any(Path(p).name == cited for p in _tracked())
    bases = [ROOT, PACKAGE, ROOT / "layers/shared/python", near.parent, ROOT / "docs"]
    return any((base / cited.removeprefix("pixecom/")).exists() or (base / cited).exists() for base in bases)


def _doc_files() -> Iterator[tuple[Path, str]]:
    for path, text in ALL_DOCS.items():
        for link in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
            if "://" not in link and not link.startswith("mailto:"):
                yield path, link
        for token in re.findall(r"`([^`\n]+)`", text):
            if not _SKIP_FILE.search(token):  # placeholders: `functions/<name>/app.py`, `db/*_models.py`
                for cited in _FILE.findall(token):
                    yield path, cited


def _code_prose(path: Path) -> Iterator[str]:
    """A Python file's docstrings and comments: where code cites files."""
    source = path.read_text()
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            doc = ast.get_docstring(node)
            if doc:
                yield doc
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            yield token.string


def _code_files() -> Iterator[tuple[Path, str]]:
    for name in _tracked():
        if name.endswith(".py") and name.startswith(("layers/", "functions/", "tests/")):
            path = ROOT / name
            for prose in _code_prose(path):
                for cited in _FILE.findall(prose):
                    yield path, cited


def test_every_file_the_docs_and_the_code_cite_is_in_the_repository():
    missing = sorted(
        {
            f"{path.relative_to(ROOT)}: {cited}"
            for path, cited in [*_doc_files(), *_code_files()]
            if not _SKIP_FILE.search(cited) and not _exists(cited, path)
        }
    )
    assert missing == []
