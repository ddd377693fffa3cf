"""Where our clients spend their time: a component breakdown and what-if prototypes.

    python -m benchmarks.hotspots            # writes benchmarks/hotspots.md

Each component is timed on its own, without a profiler (profilers inflate many small calls),
as the best of several runs. The "what-if" rows are prototypes written here, not in the
clients: they measure what a proposed change would save before anyone makes it. A pyinstrument
profile (when installed, as in the bench venv) confirms the shares from the call tree.
"""

from __future__ import annotations

import gc
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .common import ROOT, ensure_import_paths, have_module

ensure_import_paths()

from . import fixtures, paging  # noqa: E402
from .servers import ServerProcess  # noqa: E402

OUT = ROOT / "benchmarks" / "hotspots.md"


def best(run: Callable[[], object], tries: int = 7) -> float:
    """The fastest of ``tries`` runs, in ms: the least disturbed by a noisy machine.

    The inputs prepared beforehand are frozen out of the cyclic GC's reach, so that a stage
    is not charged for collections that walk another stage's data. Stages are written as
    loops that drop each result, as a streaming client does.
    """
    times = []
    for _ in range(tries):
        gc.collect()
        gc.freeze()
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
        gc.unfreeze()
    return min(times) * 1000


def each(function: Callable[[Any], object], inputs: list[Any]) -> Callable[[], None]:
    def run() -> None:
        for value in inputs:
            function(value)

    return run


# --- what-if prototypes ----------------------------------------------------------------------


def _relative_imports(count: int) -> Callable[[], None]:
    """``count`` runs of the function-level imports one job's from_dict chain executes."""
    source = (
        "def f():\n"
        "    from .catalog_category_bulk_update_job_attributes import"
        " CatalogCategoryBulkUpdateJobAttributes\n"
        "    from .catalog_category_bulk_update_job_links_type_0 import"
        " CatalogCategoryBulkUpdateJobLinksType0\n"
        "    from .catalog_category_bulk_update_job_relationships_type_0 import"
        " CatalogCategoryBulkUpdateJobRelationshipsType0\n"
        "    from .job_error import JobError\n"
        "    from .catalog_category_bulk_update_job_relationships_type_0_categories_type_0"
        " import CatalogCategoryBulkUpdateJobRelationshipsType0CategoriesType0\n"
        "    from .catalog_category_identifier import CatalogCategoryIdentifier\n"
        "    from .catalog_category_bulk_update_job_relationships_type_0_categories_type_0_"
        "links_type_0 import CatalogCategoryBulkUpdateJobRelationshipsType0CategoriesType0"
        "LinksType0\n"
    )
    scope: dict[str, Any] = {"__package__": "klaviyo_generated.models", "__name__": "probe"}
    exec(compile(source, "<imports>", "exec"), scope)
    f = scope["f"]

    def run() -> None:
        for _ in range(count):
            f()

    return run


# --- the breakdowns --------------------------------------------------------------------------


def paging_breakdown() -> list[tuple[str, float]]:
    import orjson
    from klaviyo_generated.models.get_catalog_category_bulk_update_jobs_response import (
        GetCatalogCategoryBulkUpdateJobsResponse as Response,
    )

    from catalog_clients.klaviyo import _core, _reader
    from catalog_clients.klaviyo._models import Job

    rendered = fixtures.render_pages(200, 100)
    bodies = list(rendered.bodies.values())
    decoded = [orjson.loads(b) for b in bodies]
    transport = paging.mock_transport(rendered)
    url = "http://127.0.0.1:9"
    rows = [
        ("json.loads, 200 pages", best(each(json.loads, bodies))),
        ("orjson.loads, 200 pages (json_body)", best(each(orjson.loads, bodies))),
        (
            "_reader.read_page (the spec's plan, every value checked), 200 pages",
            best(
                each(
                    lambda d: _reader.read_page(d, "data", _core._LINKS_PATH, _core._LINK_NAMES),
                    decoded,
                )
            ),
        ),
        (
            "  for comparison: Job(...) through attrs __init__, 20,000",
            best(each(lambda _: Job(id="x", total_count=1), list(range(rendered.jobs)))),
        ),
        ("for comparison: the generated from_dict", best(each(Response.from_dict, decoded))),
        (
            "  of which function-level imports in from_dict (7 per job)",
            best(_relative_imports(rendered.jobs)),
        ),
        ("HTTP only, ours (200 requests, stack)", best(lambda: _ours_http(rendered, transport))),
        ("HTTP only, raw httpx (200 requests)", best(lambda: _raw_http(rendered, transport))),
    ]
    rows += end_to_end("in-process", url, transport)
    with ServerProcess("pages") as server:
        rows += end_to_end("loopback", server.url, None)
        if have_module("klaviyo_api"):
            rows.append(
                ("loopback: klaviyo-api 25", best(lambda: paging.klaviyo_api(server.url), 3))
            )
    return rows


def end_to_end(where: str, url: str, transport: Any) -> list[tuple[str, float]]:
    """The whole walk, ours and raw (best of 3)."""
    return [
        (f"{where}: raw httpx + json.loads", best(lambda: paging.raw_sync(url, transport), 3)),
        (f"{where}: ours sync", best(lambda: paging.ours_sync(url, transport), 3)),
    ]


def _ours_http(rendered: fixtures.Pages, transport: Any) -> None:
    from catalog_clients import KlaviyoClient
    from catalog_clients.klaviyo._paging import LIST_JOBS
    from catalog_clients.klaviyo._query import Query

    with KlaviyoClient(
        "pk_x", base_url="http://127.0.0.1:9", rate_limits=None, transport=transport
    ) as c:
        query = Query(LIST_JOBS, "2024-10-15", {})
        for cursor in rendered.bodies:
            c._http.request(**query.request(cursor))


def _raw_http(rendered: fixtures.Pages, transport: Any) -> None:
    import httpx

    with httpx.Client(base_url="http://127.0.0.1:9", transport=transport) as c:
        for cursor in rendered.bodies:
            c.get(fixtures.JOBS_PATH + "/", params={"page[cursor]": cursor} if cursor else None)


def bulk_breakdown() -> list[tuple[str, float]]:
    import httpx

    from catalog_clients.propeller import _bulk, _results

    items = list(fixtures.categories(20_000))
    run = _bulk.BulkUpsert(
        items, directives=None, chunk_size=1000, concurrency=1, strict=False, on_progress=None
    )
    chunks = list(run.chunks())
    answers = []
    for chunk in chunks:
        data = [
            {"action": "create", "id": key, "key": key, "lookupKey": "id", "success": True}
            for key in chunk.keys
        ]
        body = json.dumps({"data": data, "messages": ["Completed"], "total": len(data)}).encode()
        answers.append(
            httpx.Response(200, content=body, headers={"content-type": "application/json"})
        )
    parsed = [_bulk.parse_bulk_response(a) for a in answers]
    return [
        (
            "validation + planning + body encoding (plan_chunks)",
            best(each(lambda _: sum(1 for _ in run.chunks()), [None]), 5),
        ),
        ("request kwargs (body bytes joined)", best(each(run.request_kwargs, chunks), 5)),
        (
            "parse_bulk_response (decode + shape check)",
            best(each(_bulk.parse_bulk_response, answers), 5),
        ),
        ("  for comparison: json.loads", best(each(lambda a: json.loads(a.content), answers), 5)),
        (
            "merge_items",
            best(
                each(lambda ca: _results.merge_items(*ca), list(zip(chunks, parsed, strict=True))),
                5,
            ),
        ),
    ]


def bulk_end_to_end(at: Any, items: list[dict[str, Any]]) -> list[tuple[str, float]]:
    """Whole bulk runs over loopback (c=4), ours and raw."""
    from .bulk import ours_async, raw_async

    return [
        ("end to end: raw httpx asyncio c=4", best(lambda: raw_async(at, items, 4), 3)),
        ("end to end: ours async c=4", best(lambda: ours_async(at, items, 4), 3)),
    ]


def pyinstrument_text(run: Callable[[], object]) -> str | None:
    if not have_module("pyinstrument"):
        return None
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0005)
    profiler.start()
    run()
    profiler.stop()
    text: str = profiler.output_text(unicode=False, color=False, show_all=False)
    return text


def main() -> None:
    from .bulk import Endpoints, ours_async

    paging_rows = paging_breakdown()
    bulk_rows = bulk_breakdown()
    rendered = fixtures.render_pages(200, 100)
    transport = paging.mock_transport(rendered)
    paging_profile = pyinstrument_text(lambda: paging.ours_sync("http://127.0.0.1:9", transport))
    with ServerProcess("bulk") as server:
        items = list(fixtures.categories(20_000))
        at = Endpoints.of(server.url)
        ours_async(at, items[:2000], 4)
        bulk_profile = pyinstrument_text(lambda: ours_async(at, items, 4))
        bulk_rows += bulk_end_to_end(at, items)

    out = [
        "# Hot spots (benchmarks/hotspots.py)",
        "",
        f"Python {sys.version.split()[0]}; best of several runs, ms. Written by "
        "`python -m benchmarks.hotspots`; see benchmarks/results.md for the benchmarks.",
        "",
        "## Paging: 200 pages x 100 jobs, in-process (MockTransport)",
        "",
        "| component | ms |",
        "|---|--:|",
        *(f"| {name} | {ms:.1f} |" for name, ms in paging_rows),
        "",
        "## Bulk: 20,000 categories in 20 chunks (no network)",
        "",
        "| component | ms |",
        "|---|--:|",
        *(f"| {name} | {ms:.1f} |" for name, ms in bulk_rows),
    ]
    for title, text in (
        ("pyinstrument: paging, ours sync, in-process", paging_profile),
        ("pyinstrument: bulk, ours async c=4, 20,000 categories, loopback", bulk_profile),
    ):
        if text:
            out += ["", f"## {title}", "", "```", text.strip(), "```"]
    Path(OUT).write_text("\n".join(out) + "\n")
    print("\n".join(out[:40]))
    print(f"\nwrote {OUT}")


if __name__ == "__main__":
    main()
