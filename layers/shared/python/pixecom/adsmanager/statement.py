"""SQL statements composed from small typed fragments (psycopg `sql`), each carrying its own values.

A `Fragment` is SQL text (a psycopg `Composable`) and the values of its `%s` placeholders,
in order. `q(template, *parts)` fills a template's `{}` slots in order with parts: a nested
fragment (its text and its values), a `Param` (a placeholder and its value), or a fixed
composable (`sql.Identifier` for a table or column, `sql.Literal` for a constant of the domain's
tables). Because every slot is positional and filled in order, the values come out in the order
their placeholders appear in the text: no parameter names to collide, no shared dict a builder
may forget to fill, nothing to rewrite afterwards. Client input only ever reaches a statement as
a `Param`.

`run` executes a fragment on a psycopg connection, or on the connection under a SQLAlchemy
session or connection (inside its transaction).
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, LiteralString

from psycopg import Connection as PgConnection
from psycopg import sql
from psycopg.rows import dict_row
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session


@dataclass(frozen=True)
class Param:
    """A client or computed value: one `%s` placeholder, the value bound by the driver."""

    value: object


@dataclass(frozen=True)
class Fragment:
    """SQL text with `%s` placeholders (a literal `%` doubled) and their values, in order."""

    text: str
    params: tuple[object, ...] = ()

    def as_string(self, context: Any = None) -> str:
        """The text as it reads (placeholders and doubled `%` as the driver receives them)."""
        return self.text


Part = Fragment | Param | sql.Composable


def q(template: LiteralString, *parts: Part) -> Fragment:
    """`template` with its `{}` slots filled by `parts`, in order.

    Plain text at once: a nested fragment is its text, a `Param` a `%s`, a psycopg sql name or
    constant its quoted rendering (`%` doubled, so the driver never reads it as a placeholder;
    `ident` and `lit` render each once per process). Building a list statement is string joins:
    rendering a deep `sql.Composed` tree on every request cost ~50 ms.
    """
    chunks = _chunks(template)
    if len(chunks) - 1 != len(parts):
        raise ValueError(f"template needs {len(chunks) - 1} plain {{}} slots for {len(parts)} parts")
    out = [chunks[0]]
    params: list[object] = []
    for part, chunk in zip(parts, chunks[1:], strict=True):
        if isinstance(part, Fragment):
            out.append(part.text)
            params.extend(part.params)
        elif isinstance(part, Param):
            out.append("%s")
            params.append(part.value)
        else:
            out.append(part.as_string(None).replace("%", "%%"))
        out.append(chunk)
    return Fragment("".join(out), tuple(params))


@lru_cache(maxsize=1024)
def _chunks(template: str) -> tuple[str, ...]:
    """The template's text around its slots; only plain `{}` slots, and no `%` (a value is a
    Param, a constant a literal)."""
    slots = [field for _, field, _, _ in string.Formatter().parse(template) if field is not None]
    if any(slots):
        raise ValueError(f"template needs plain {{}} slots, not {slots}")
    if "%" in template:
        raise ValueError("a template holds no %: a value is a Param, a constant a literal")
    return tuple(chunk.replace("{{", "{").replace("}}", "}") for chunk in template.split("{}"))


def join(separator: LiteralString, fragments: Iterable[Fragment]) -> Fragment:
    """The fragments one after the other, `separator` between them."""
    items = list(fragments)
    return Fragment(separator.join(f.text for f in items), tuple(value for f in items for value in f.params))


@lru_cache(maxsize=1024)
def ident(*names: str) -> Fragment:
    """A (qualified) name of the domain's schema, quoted by psycopg: `ident("e", "id")` is
    `"e"."id"`."""
    return q("{}", sql.Identifier(*names))


@lru_cache(maxsize=1024)
def lit(value: str | int) -> Fragment:
    """A constant of the domain's tables (a currency code, a result type), quoted by psycopg."""
    return q("{}", sql.Literal(value))


EMPTY = Fragment("")


Conn = PgConnection[Any] | Session | Connection


def run(conn: Conn, statement: Fragment) -> Sequence[Mapping[Any, Any]]:
    """Execute `statement`; its rows as mappings. On a psycopg connection directly (the API's
    list read: no SQLAlchemy layer); on a session or SQLAlchemy connection through
    `exec_driver_sql`, inside its transaction and seen by its instrumentation."""
    if isinstance(conn, PgConnection):
        with conn.cursor(row_factory=dict_row) as cursor:
            return cursor.execute(_query(statement), statement.params).fetchall()
    return _sqlalchemy(conn).exec_driver_sql(statement.text, statement.params).mappings().all()


def run_tuples(
    conn: PgConnection[Any] | Session | Connection, statement: Fragment
) -> Sequence[Sequence[Any]]:
    """Execute `statement`; its rows as tuples (the cheapest shape to read thousands of rows)."""
    if isinstance(conn, PgConnection):
        with conn.cursor() as cursor:
            return cursor.execute(_query(statement), statement.params).fetchall()
    return _sqlalchemy(conn).exec_driver_sql(statement.text, statement.params).all()


def _sqlalchemy(conn: Session | Connection) -> Connection:
    return conn.connection() if isinstance(conn, Session) else conn


def _query(statement: Fragment) -> sql.SQL:
    return sql.SQL(statement.text)  # composed by q from trusted parts
