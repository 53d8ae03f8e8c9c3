"""Breakdown reports: fetched from Meta as async insights reports, kept in Postgres (docs/breakdowns.md)."""
