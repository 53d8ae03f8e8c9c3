"""Connecting Meta ad accounts to sellers: tokens, their encryption, backfill on connect."""
