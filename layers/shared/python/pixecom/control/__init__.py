"""Bulk status control: enqueue jobs (jobs.py), apply them on Meta (apply.py), pure rules (rules.py)."""
