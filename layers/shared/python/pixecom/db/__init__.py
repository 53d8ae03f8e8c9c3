"""Postgres: models, engine and sessions, migrations, the embedded server for local runs."""
