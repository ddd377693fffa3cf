"""Benchmark 5: client-side rate pacing against a server that enforces the limits.

The server (``servers.ratelimit_app``) counts requests in fixed windows, Klaviyo-style
(35 per second and 350 per 10 s here: Klaviyo's 350/s and 3500/min scaled down), and answers
429 + Retry-After when a window is full. Eight threads share one sync client and call
as fast as they can for the run's duration, once with pacing configured for those limits
and once with pacing off (retries still on). The server counts the 429s; the time lost to
backoff is the sum of the retry sleeps, read from the retry layer's log records.
"""

from __future__ import annotations

import functools
import json
import logging
import threading
import time
import uuid
from dataclasses import dataclass

import httpx

from .common import Config, Goal, Row, Section, repeat
from .servers import ServerProcess

LIMITS = ((35, 1.0), (350, 10.0))
ALLOWED_RATE = min(count / period for count, period in LIMITS)
WORKERS = 8


@dataclass
class Outcome:
    ok: int
    throttled: int  # 429s the server sent (retried ones included)
    failed: int  # calls that still ended in an error after their retries
    elapsed: float
    backoff: float  # seconds slept before retries, summed over workers
    paced: float  # seconds waited by the client-side pacer, summed over workers

    @property
    def rate(self) -> float:
        return self.ok / self.elapsed


class _Sleeps(logging.Handler):
    """Sums the waits the transport layers log: retry sleeps and pacing waits."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.backoff = 0.0
        self.paced = 0.0

    def emit(self, record: logging.LogRecord) -> None:
        args = record.args if isinstance(record.args, tuple) else ()
        if record.name == "catalog_clients.retry" and len(args) >= 5:
            self.backoff += float(str(args[4]))  # "retry %d/%d of %s %s in %.2fs after %s"
        elif record.name == "catalog_clients.http" and record.msg.startswith("pacing"):
            self.paced += float(str(args[1]))  # "pacing: %s waits %.3fs (%s)"


def _drive(base: str, paced: bool, duration: float) -> tuple[int, int, float]:
    """``WORKERS`` threads sharing one sync client; (ok, failed, elapsed).

    The sync client, because the async one cannot retry a 429 received over a real socket
    yet (``_http.retry._before_sleep`` calls the sync ``close()`` on an async response).
    """
    from catalog_clients import KlaviyoClient, errors
    from catalog_clients._http.pacing import RateLimit

    limits = tuple(RateLimit(count, period) for count, period in LIMITS) if paced else None
    # A fresh key per run: pacers are shared per key, and the last run's must not carry over.
    key = f"pk_pacing_{uuid.uuid4().hex}"
    counts = {"ok": 0, "failed": 0}
    lock = threading.Lock()
    with KlaviyoClient(key, base_url=base, rate_limits=limits) as client:
        started = time.monotonic()
        deadline = started + duration

        def worker() -> None:
            while time.monotonic() < deadline:
                try:
                    client.list_category_bulk_update_jobs()
                    outcome = "ok"
                except errors.RateLimitError:
                    outcome = "failed"
                with lock:
                    counts[outcome] += 1

        threads = [threading.Thread(target=worker) for _ in range(WORKERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return counts["ok"], counts["failed"], time.monotonic() - started


def run_once(base: str, paced: bool, duration: float) -> Outcome:
    httpx.post(f"{base}/reset").raise_for_status()
    sleeps = _Sleeps()
    loggers = [
        logging.getLogger("catalog_clients.retry"),
        logging.getLogger("catalog_clients.http"),
    ]
    saved = [(lg.level, lg.propagate) for lg in loggers]
    for lg in loggers:
        lg.addHandler(sleeps)
        lg.setLevel(logging.INFO)
        lg.propagate = False  # counted here, not printed
    try:
        ok, failed, elapsed = _drive(base, paced, duration)
    finally:
        for lg, (level, propagate) in zip(loggers, saved, strict=True):
            lg.removeHandler(sleeps)
            lg.setLevel(level)
            lg.propagate = propagate
    stats = json.loads(httpx.get(f"{base}/stats").content)
    if stats["ok"] != ok:
        raise RuntimeError(f"the server admitted {stats['ok']} requests, the client saw {ok}")
    return Outcome(ok, stats["throttled"], failed, elapsed, sleeps.backoff, sleeps.paced)


def run(config: Config) -> Section:
    duration = 2.0 if config.smoke else 30.0
    limits = ", ".join(f"{count} per {period:g} s" for count, period in LIMITS)
    section = Section(
        "5",
        f"Rate pacing: {WORKERS} threads for {duration:.0f} s against fixed windows ({limits})",
    )
    outcomes: dict[str, list[Outcome]] = {"paced": [], "unpaced": []}
    limiter = ("--limit", "35/1", "--limit", "350/10")
    with ServerProcess("ratelimit", *limiter, python=config.python) as server:

        def sample(kind: str) -> float:
            outcome = run_once(server.url, kind == "paced", duration)
            outcomes[kind].append(outcome)
            return outcome.rate

        rates = repeat({kind: functools.partial(sample, kind) for kind in outcomes}, config.reps)

    section.rows.append(Row("allowed rate", "req/s", [ALLOWED_RATE] * config.reps))
    for kind, label in (("paced", "pacing on"), ("unpaced", "pacing off")):
        runs = outcomes[kind]
        section.rows += [
            Row(f"{label}: achieved rate", "req/s", rates[kind], baseline="allowed rate"),
            Row(f"{label}: 429 responses", "count", [float(o.throttled) for o in runs]),
            Row(f"{label}: calls failed after retries", "count", [float(o.failed) for o in runs]),
            Row(f"{label}: backoff after 429s", "worker-s", [o.backoff for o in runs]),
            Row(f"{label}: client-side pacing waits", "worker-s", [o.paced for o in runs]),
        ]
    paced = outcomes["paced"]
    throttled = max(o.throttled for o in paced)
    share = section.ratio("pacing on: achieved rate", "allowed rate")
    assert share is not None
    section.goals += [
        Goal("pacing on: 0 x 429", throttled == 0, f"{throttled} (worst run)"),
        Goal("pacing on: >= 95% of the allowed rate", share >= 0.95, f"{share:.1%}"),
    ]
    section.notes.append(
        "Achieved rate = successful calls / run time. Fixed windows let a run that starts "
        "mid-window use one window more than its length, so a ratio can exceed 100%."
    )
    return section
