"""Shared pieces of the Klaviyo tests: bodies in both revision shapes, an in-process fake
server for what a cassette cannot express, and retry policies that do not wait."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

from catalog_clients import AsyncKlaviyoClient, KlaviyoClient
from catalog_clients.klaviyo import DEFAULT_REVISION, Job, Page
from catalog_clients.klaviyo._paging import LIST_JOBS
from catalog_clients.klaviyo._query import path_for

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
SEED = json.loads((EXAMPLES / "klaviyo-get-update-categories-jobs.200.json").read_text())
JSONAPI = "application/vnd.api+json"
# The list path of the default revision, as the client sends it.
PATH = path_for(LIST_JOBS, DEFAULT_REVISION)


def response(
    body: Any,
    status: int = 200,
    content_type: str = JSONAPI,
    headers: dict[str, str] | None = None,
    url: str = "https://a.klaviyo.com" + PATH,
) -> httpx.Response:
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    return httpx.Response(
        status,
        content=content,
        headers={"content-type": content_type, **(headers or {})},
        request=httpx.Request("GET", url),
    )


def new_job(n: int, **attributes: Any) -> dict[str, Any]:
    """A job in the shape of revisions from 2024-02-15 on (top-level id, offsets)."""
    return {
        "type": "catalog-category-bulk-update-job",
        "id": f"job-{n}",
        "attributes": {
            "status": "complete",
            "created_at": "2024-05-01T10:00:00+00:00",
            "total_count": 3,
            "completed_count": 2,
            "failed_count": 1,
            "completed_at": "2024-05-01T10:05:00.123456+00:00",
            "expires_at": None,
            "errors": [],
            **attributes,
        },
        "relationships": {"categories": {"data": [{"type": "catalog-category", "id": f"c{n}"}]}},
    }


def jobs_page(jobs: list[dict[str, Any]], next_link: str | None = None) -> dict[str, Any]:
    return {"data": jobs, "links": {"self": "https://a.klaviyo.com" + PATH, "next": next_link}}


class FakeKlaviyo:
    """Serves ``total`` jobs, ``per_page`` a page, with percent-encoded cursors.

    ``next_host`` is the host written into ``links.next`` (a foreign one, in the leak test).
    Every request is kept for the assertions.
    """

    def __init__(
        self, total: int = 5, per_page: int = 2, next_host: str = "https://a.klaviyo.com"
    ) -> None:
        self.total, self.per_page, self.next_host = total, per_page, next_host
        self.requests: list[httpx.Request] = []
        self.transport = httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        start = int(request.url.params.get("page[cursor]", "c0")[1:])
        end = min(start + self.per_page, self.total)
        link = None
        if end < self.total:
            link = f"{self.next_host}{PATH}?{quote('page[cursor]')}=c{end}"
        body = jobs_page([new_job(n) for n in range(start, end)], link)
        return httpx.Response(200, json=body, headers={"content-type": JSONAPI})


def collect(kind: str, make: Callable[..., Any], **kwargs: Any) -> tuple[Page, list[Job]]:
    """The first page and every job, through the sync or the async client.

    ``make(cls)`` builds a client of the given class; each shell is used the documented way
    (``with`` and ``for``, or ``async with`` and ``async for``).
    """
    if kind == "sync":
        with make(KlaviyoClient) as client:
            page = client.list_category_bulk_update_jobs(**kwargs)
            return page, list(client.iter_category_bulk_update_jobs(**kwargs))

    async def run() -> tuple[Page, list[Job]]:
        async with make(AsyncKlaviyoClient) as client:
            page = await client.list_category_bulk_update_jobs(**kwargs)
            return page, [job async for job in client.iter_category_bulk_update_jobs(**kwargs)]

    return asyncio.run(run())


class Sandbox:
    """Where the cassettes were recorded, and with which key (from tests/conftest.py)."""

    def __init__(self, config: Any) -> None:
        root = Path(__file__).resolve().parents[1] / "conftest.py"
        # tests/conftest.py cannot be imported by name (every conftest is "conftest"), so
        # take the module pytest already loaded.
        [module] = [
            plugin
            for plugin in config.pluginmanager.get_plugins()
            if getattr(plugin, "__file__", None) == str(root)
        ]
        self.url: str = module.SANDBOX_URL
        self.key: str = module.KLAVIYO_TEST_KEY


def pages(kind: str, make: Callable[..., Any], **kwargs: Any) -> list[Page]:
    """Every page, walked by hand with ``cursor=page.next_cursor``."""

    async def run() -> list[Page]:
        async with make(AsyncKlaviyoClient) as client:
            found = [await client.list_category_bulk_update_jobs(**kwargs)]
            while found[-1].next_cursor:
                cursor = found[-1].next_cursor
                found.append(await client.list_category_bulk_update_jobs(cursor=cursor, **kwargs))
            return found

    if kind == "async":
        return asyncio.run(run())
    with make(KlaviyoClient) as client:
        found = [client.list_category_bulk_update_jobs(**kwargs)]
        while found[-1].next_cursor:
            cursor = found[-1].next_cursor
            found.append(client.list_category_bulk_update_jobs(cursor=cursor, **kwargs))
        return found


def one_page(kind: str, make: Callable[..., Any], **kwargs: Any) -> Page:
    """``list_category_bulk_update_jobs`` once, through the sync or the async client."""
    if kind == "sync":
        with make(KlaviyoClient) as client:
            page: Page = client.list_category_bulk_update_jobs(**kwargs)
            return page

    async def run() -> Page:
        async with make(AsyncKlaviyoClient) as client:
            page: Page = await client.list_category_bulk_update_jobs(**kwargs)
            return page

    return asyncio.run(run())


class CountingTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Real HTTP at the bottom of the stack (so vcr records and replays it), counting every
    attempt that reaches the network, retries included."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self._sync: httpx.HTTPTransport | None = None
        self._async: httpx.AsyncHTTPTransport | None = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        self._sync = self._sync or httpx.HTTPTransport()
        return self._sync.handle_request(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        self._async = self._async or httpx.AsyncHTTPTransport()
        return await self._async.handle_async_request(request)

    def close(self) -> None:
        if self._sync is not None:
            self._sync.close()

    async def aclose(self) -> None:
        if self._async is not None:
            await self._async.aclose()


def jobs_until_error(kind: str, make: Callable[..., Any]) -> tuple[list[Job], BaseException]:
    """Iterate until the iterator raises; return what it yielded first, and the error."""
    got: list[Job] = []
    if kind == "sync":
        with make(KlaviyoClient) as client:
            try:
                for job in client.iter_category_bulk_update_jobs():
                    got.append(job)
            except Exception as exc:
                return got, exc

    async def run() -> tuple[list[Job], BaseException]:
        async with make(AsyncKlaviyoClient) as client:
            try:
                async for job in client.iter_category_bulk_update_jobs():
                    got.append(job)
            except Exception as exc:
                return got, exc
        raise AssertionError("the iteration ended without an error")

    if kind == "async":
        return asyncio.run(run())
    raise AssertionError("the iteration ended without an error")
