"""Connecting Meta ad accounts to sellers: tokens (encrypted at rest by `pixecom.crypto`) and the
backfill on connect."""
