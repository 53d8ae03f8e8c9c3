"""Login cost at the production argon2id parameters: median and p95 of one password check.

Run: .venv/bin/python tests/bench/login_bench.py [rounds]
Prints the parameters, then timings for a correct password, a wrong one and an unknown email
(the dummy verify), which should all be about the same, so timing reveals nothing.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable

for name in ("ARGON2_TIME_COST", "ARGON2_MEMORY_KIB", "ARGON2_PARALLELISM"):
    os.environ.pop(name, None)  # production defaults, whatever the shell says

from pixecom.auth.passwords import dummy_verify, hash_password, verify_password  # noqa: E402
from pixecom.settings import get_settings  # noqa: E402

PASSWORD = "correct horse battery staple"


def timed(fn: Callable[[], object], rounds: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds per call. CPU time (all threads) does not depend on what
    else the machine is doing; on an idle machine wall ~ CPU / min(parallelism, cores)."""
    fn()  # warm-up (the dummy hash is computed on first use)
    wall, cpu = [], []
    for _ in range(rounds):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def report(label: str, samples: tuple[list[float], list[float]]) -> None:
    wall, cpu = samples
    print(
        f"{label:<25} wall median {statistics.median(wall):6.1f} ms  p95 {_p95(wall):6.1f} ms"
        f"  | cpu median {statistics.median(cpu):6.1f} ms  p95 {_p95(cpu):6.1f} ms  n={len(wall)}"
    )


def main(rounds: int) -> None:
    s = get_settings()
    load = os.getloadavg()[0]
    print(
        f"argon2id t={s.argon2_time_cost} m={s.argon2_memory_kib} KiB p={s.argon2_parallelism}, "
        f"{os.cpu_count()} CPUs, load average {load:.1f}"
    )
    stored = hash_password(PASSWORD)
    report("hash (register/rehash)", timed(lambda: hash_password(PASSWORD), rounds))
    report("login: correct password", timed(lambda: verify_password(PASSWORD, stored), rounds))
    report("login: wrong password", timed(lambda: verify_password("wrong password!", stored), rounds))
    report("login: unknown email", timed(dummy_verify, rounds))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
