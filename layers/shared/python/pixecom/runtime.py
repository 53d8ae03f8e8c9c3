"""What a Lambda function does at the end of its init phase."""

from __future__ import annotations

import gc


def end_of_init() -> None:
    """Hide every object made so far (modules, classes, the ORM's mappers, pydantic models) from
    the garbage collector: they live as long as the process, and a worker that builds thousands
    of rows per message otherwise pays for full collections that rescan them all. Measured on an
    evaluation of 20 rules and the alerts over 17k rows: 820 -> 625 ms of CPU."""
    gc.freeze()
