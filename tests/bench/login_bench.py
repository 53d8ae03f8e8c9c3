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


def timed(fn: Callable[[], object], rounds: int) -> list[float]:
    fn()  # warm-up (the dummy hash is computed on first use)
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def report(label: str, samples: list[float]) -> None:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    print(f"{label:<28} median {statistics.median(ordered):7.1f} ms   p95 {p95:7.1f} ms   n={len(ordered)}")


def main(rounds: int) -> None:
    s = get_settings()
    print(
        f"argon2id t={s.argon2_time_cost} m={s.argon2_memory_kib} KiB p={s.argon2_parallelism}, "
        f"{os.cpu_count()} CPUs"
    )
    stored = hash_password(PASSWORD)
    report("hash (register/rehash)", timed(lambda: hash_password(PASSWORD), rounds))
    report("login: correct password", timed(lambda: verify_password(PASSWORD, stored), rounds))
    report("login: wrong password", timed(lambda: verify_password("wrong password!", stored), rounds))
    report("login: unknown email", timed(dummy_verify, rounds))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
