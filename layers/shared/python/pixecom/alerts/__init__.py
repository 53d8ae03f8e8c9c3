"""Alerts: conditions (pure), evaluation after syncs and on a schedule, storage, webhook delivery."""
