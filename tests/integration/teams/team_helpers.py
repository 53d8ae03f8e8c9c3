"""Shared values for the team tests (a module, not conftest, so it imports by name)."""

PASSWORD = "correct horse battery"
