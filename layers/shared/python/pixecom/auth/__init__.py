"""Passwords, JWT access tokens, refresh-token rotation, login throttling."""
