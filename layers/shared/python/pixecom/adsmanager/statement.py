"""SQL statements composed from small typed fragments (psycopg.sql), each carrying its own values.

A `Fragment` is SQL text (a `psycopg.sql.Composable`) and the values of its `%s` placeholders,
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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
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
    text: sql.SQL | sql.Composed
    params: tuple[object, ...] = ()

    def as_string(self, context: Any = None) -> str:
        return self.text.as_string(context)


Part = Fragment | Param | sql.Composable


def q(template: LiteralString, *parts: Part) -> Fragment:
    """`template` with its `{}` slots filled by `parts`, in order."""
    slots = [field for _, field, _, _ in string.Formatter().parse(template) if field is not None]
    if any(slots) or len(slots) != len(parts):
        raise ValueError(f"template needs {len(slots)} plain {{}} slots for {len(parts)} parts")
    texts: list[sql.Composable] = []
    params: list[object] = []
    for part in parts:
        if isinstance(part, Fragment):
            texts.append(part.text)
            params.extend(part.params)
        elif isinstance(part, Param):
            texts.append(sql.Placeholder())
            params.append(part.value)
        else:
            texts.append(part)
    return Fragment(sql.SQL(template).format(*texts), tuple(params))


def join(separator: LiteralString, fragments: Iterable[Fragment]) -> Fragment:
    """The fragments one after the other, `separator` between them."""
    items = list(fragments)
    return Fragment(
        sql.SQL(separator).join(f.text for f in items),
        tuple(value for f in items for value in f.params),
    )


def ident(*names: str) -> sql.Identifier:
    """A (qualified) name of the domain's schema: `ident("e", "id")` is `"e"."id"`."""
    return sql.Identifier(*names)


def lit(value: object) -> sql.Literal:
    """A constant of the domain's tables (a currency code, a result type), quoted by psycopg."""
    return sql.Literal(value)


EMPTY = Fragment(sql.SQL(""))


def driver_connection(conn: PgConnection[Any] | Session | Connection) -> PgConnection[Any]:
    """The psycopg connection itself: as given, or the one under a SQLAlchemy session/connection."""
    if isinstance(conn, Session):
        conn = conn.connection()
    if isinstance(conn, Connection):
        driver = conn.connection.driver_connection
        assert isinstance(driver, PgConnection)
        return driver
    return conn


def run(conn: PgConnection[Any] | Session | Connection, statement: Fragment) -> list[dict[str, Any]]:
    """Execute `statement`; its rows as dicts."""
    with driver_connection(conn).cursor(row_factory=dict_row) as cursor:
        return cursor.execute(statement.text, statement.params).fetchall()


def run_tuples(
    conn: PgConnection[Any] | Session | Connection, statement: Fragment
) -> Sequence[tuple[Any, ...]]:
    """Execute `statement`; its rows as tuples (the cheapest shape to read thousands of rows)."""
    with driver_connection(conn).cursor() as cursor:
        return cursor.execute(statement.text, statement.params).fetchall()
