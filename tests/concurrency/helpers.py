"""Run one function in many threads at once, each thread on its own database connection.

Modelled on Saleor's race-condition helpers: a barrier releases every thread at the same moment,
each thread closes its connection when done, and what each returned or raised is collected.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connections


@dataclass
class Outcome:
    index: int
    result: Any = None
    error: BaseException | None = None


def run_at_once(work: Callable[[int], Any], *, threads: int, timeout: float = 120) -> list[Outcome]:
    barrier = threading.Barrier(threads)
    outcomes = [Outcome(index=index) for index in range(threads)]

    def runner(index: int) -> None:
        try:
            barrier.wait(timeout=timeout)
            outcomes[index].result = work(index)
        except BaseException as error:  # collected, asserted by the test
            outcomes[index].error = error
        finally:
            connections.close_all()  # Django gives each thread its own connection; close ours

    workers = [threading.Thread(target=runner, args=(index,)) for index in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=timeout)
    assert not any(worker.is_alive() for worker in workers), "a buyer thread never finished"
    return outcomes
