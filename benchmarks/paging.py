"""Benchmark 1: paging through 200 pages x 100 jobs (a) in-process and (b) over loopback.

Every variant walks the same pre-rendered pages and touches every job; each run builds its
own client, so a variant's figure is what a user's ``for job in ...`` loop costs end to end.
One untimed warm-up per variant keeps first-import costs (benchmark 2's subject) out.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from . import fixtures
from .common import Config, Goal, Row, Section, have_module, repeat, timed
from .servers import ServerProcess

if TYPE_CHECKING:  # imported where used: benchmark 1c counts each variant's imports
    import httpx

API_KEY = "pk_bench_0123456789abcdef"
REVISION = "2024-10-15"
AUTH_HEADERS = {
    "Authorization": f"Klaviyo-API-Key {API_KEY}",
    "revision": REVISION,
    "Accept": "application/vnd.api+json",
}


def workload(config: Config) -> tuple[int, int]:
    """(pages, jobs per page): the issue's 200 x 100, or a token load for --smoke."""
    return (10, 100) if config.smoke else (200, 100)


def _next_cursor(body: dict[str, Any]) -> str | None:
    link = (body.get("links") or {}).get("next")
    return parse_qs(urlsplit(link).query)["page[cursor]"][0] if link else None


# --- the raw baselines: what a careful hand-written loop does ------------------------------


def raw_sync(base_url: str, transport: httpx.BaseTransport | None = None) -> int:
    import httpx

    jobs, cursor = 0, None
    with httpx.Client(base_url=base_url, headers=AUTH_HEADERS, transport=transport) as client:
        while True:
            params = {"page[cursor]": cursor} if cursor else None
            response = client.get(fixtures.JOBS_PATH + "/", params=params)
            response.raise_for_status()
            body = json.loads(response.content)
            for _job in body["data"]:
                jobs += 1
            cursor = _next_cursor(body)
            if cursor is None:
                return jobs


async def _raw_async(base_url: str) -> int:
    import httpx

    jobs, cursor = 0, None
    async with httpx.AsyncClient(base_url=base_url, headers=AUTH_HEADERS) as client:
        while True:
            params = {"page[cursor]": cursor} if cursor else None
            response = await client.get(fixtures.JOBS_PATH + "/", params=params)
            response.raise_for_status()
            body = json.loads(response.content)
            for _job in body["data"]:
                jobs += 1
            cursor = _next_cursor(body)
            if cursor is None:
                return jobs


def raw_async(base_url: str) -> int:
    return asyncio.run(_raw_async(base_url))


# --- our clients --------------------------------------------------------------------------


def ours_sync(base_url: str, transport: httpx.BaseTransport | None = None) -> int:
    from catalog_clients import KlaviyoClient

    # Pacing off: these benchmarks measure parsing and transport, not the rate limit (5).
    with KlaviyoClient(
        API_KEY, base_url=base_url, revision=REVISION, rate_limits=None, transport=transport
    ) as client:
        return sum(1 for _job in client.iter_category_bulk_update_jobs())


async def _ours_async(base_url: str) -> int:
    from catalog_clients import AsyncKlaviyoClient

    jobs = 0
    async with AsyncKlaviyoClient(
        API_KEY, base_url=base_url, revision=REVISION, rate_limits=None
    ) as client:
        async for _job in client.iter_category_bulk_update_jobs():
            jobs += 1
    return jobs


def ours_async(base_url: str) -> int:
    return asyncio.run(_ours_async(base_url))


def klaviyo_api(base_url: str) -> int:
    from klaviyo_api import KlaviyoAPI

    # max_retries=0: nothing here fails, and no retry may hide a failure.
    klaviyo = KlaviyoAPI(API_KEY, max_delay=0, max_retries=0, test_host=base_url)
    jobs, cursor = 0, None
    while True:
        # `.Catalogs` on each call, as its README does. The cursor is taken from the next link
        # here: passing the whole link, as its README suggests, sends "=<cursor>" (25.0.0
        # splits the link at "page%5Bcursor%5D" and keeps the "=").
        page = klaviyo.Catalogs.get_bulk_update_categories_jobs(page_cursor=cursor)
        for _job in page.data:
            jobs += 1
        link = page.links.next if page.links is not None else None
        cursor = parse_qs(urlsplit(link).query)["page[cursor]"][0] if link else None
        if cursor is None:
            return jobs


# --- (a) in-process ------------------------------------------------------------------------


def mock_transport(pages: fixtures.Pages) -> httpx.MockTransport:
    import httpx

    headers = {"content-type": "application/vnd.api+json"}

    def handle(request: httpx.Request) -> httpx.Response:
        body = pages.bodies.get(request.url.params.get("page[cursor]"))
        if body is None:
            return httpx.Response(404, json={"errors": []})
        return httpx.Response(200, content=body, headers=headers)

    return httpx.MockTransport(handle)


def _checked(run: Callable[[], int], expected: int) -> Callable[[], float]:
    def measure() -> float:
        seen = 0

        def go() -> None:
            nonlocal seen
            seen = run()

        elapsed = timed(go)
        if seen != expected:
            raise RuntimeError(f"walked {seen} jobs, expected {expected}")
        return elapsed

    return measure


def run_in_process(config: Config) -> Section:
    pages, per_page = workload(config)
    rendered = fixtures.render_pages(pages, per_page)
    transport = mock_transport(rendered)
    url = "http://127.0.0.1:9"  # never dialled: the mock transport answers
    variants = {
        "raw httpx + json.loads": _checked(lambda: raw_sync(url, transport), rendered.jobs),
        "ours sync": _checked(lambda: ours_sync(url, transport), rendered.jobs),
    }
    for run in variants.values():
        run()  # warm-up
    samples = repeat(variants, config.reps)
    section = Section(
        "1a",
        f"Paging in-process: {pages} pages x {per_page} jobs over httpx.MockTransport",
        rows=[
            Row("raw httpx + json.loads", "s", samples["raw httpx + json.loads"]),
            Row("ours sync", "s", samples["ours sync"], baseline="raw httpx + json.loads"),
        ],
    )
    ratio = section.ratio("ours sync", "raw httpx + json.loads")
    assert ratio is not None
    section.goals.append(Goal("ours sync <= 1.25x raw", ratio <= 1.25, f"{ratio:.2f}x"))
    return section


# --- (b) over loopback ---------------------------------------------------------------------


def run_loopback(config: Config) -> Section:
    pages, per_page = workload(config)
    jobs = pages * per_page
    section = Section(
        "1b", f"Paging over loopback: {pages} pages x {per_page} jobs, pre-rendered page server"
    )
    with ServerProcess("pages", "--pages", str(pages), "--per-page", str(per_page)) as server:
        url = server.url
        variants = {
            "raw httpx (sync)": _checked(lambda: raw_sync(url), jobs),
            "raw httpx (async)": _checked(lambda: raw_async(url), jobs),
            "ours sync": _checked(lambda: ours_sync(url), jobs),
            "ours async": _checked(lambda: ours_async(url), jobs),
        }
        if have_module("klaviyo_api"):
            variants["klaviyo-api 25"] = _checked(lambda: klaviyo_api(url), jobs)
        else:
            section.notes.append(
                "klaviyo-api is not installed in this venv (it lives in the bench group): "
                "its row is skipped. `make bench` runs it."
            )
        for run in variants.values():
            run()  # warm-up
        samples = repeat(variants, config.reps)
    baselines = {
        "ours sync": "raw httpx (sync)",
        "ours async": "raw httpx (async)",
        "klaviyo-api 25": "ours sync",
        "raw httpx (async)": "raw httpx (sync)",
    }
    for name, values in samples.items():
        section.rows.append(Row(name, "s", values, baseline=baselines.get(name)))
    section.notes.append("Our clients run with rate_limits=None (pacing off) here.")
    for ours, raw in (("ours sync", "raw httpx (sync)"), ("ours async", "raw httpx (async)")):
        ratio = section.ratio(ours, raw)
        assert ratio is not None
        section.goals.append(Goal(f"{ours} <= 1.2x {raw}", ratio <= 1.2, f"{ratio:.2f}x"))
    speedup = section.ratio("klaviyo-api 25", "ours sync")
    section.goals.append(
        Goal(
            "ours sync >= 2.5x faster than klaviyo-api",
            None if speedup is None else speedup >= 2.5,
            "not measured (klaviyo-api absent)" if speedup is None else f"{speedup:.2f}x faster",
        )
    )
    return section
