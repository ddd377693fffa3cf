"""``KlaviyoClient`` and ``AsyncKlaviyoClient``: thin sync and async shells over ``_core``.

Everything that is not I/O (settings, argument checks, request shape, page parsing, the
cursor walk) is shared; each shell only sends the request and awaits or not.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import TYPE_CHECKING, Any, cast

from .._shells import AsyncShell, SyncShell
from ..errors import CatalogClientError
from . import _core
from ._base import (
    DEFAULT_BASE_URL,
    DEFAULT_RATE_LIMITS,
    DEFAULT_REVISION,
    _KlaviyoBase,
    _note_created,
    _one_job,
)
from ._jobs import Waiter
from ._models import Job, Page

if TYPE_CHECKING:
    from klaviyo_generated.operations import AsyncOperations, Operations

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_RATE_LIMITS",
    "DEFAULT_REVISION",
    "AsyncKlaviyoClient",
    "KlaviyoClient",
]


class KlaviyoClient(SyncShell, _KlaviyoBase):
    """Klaviyo catalog-category bulk-update jobs (sync).

    ``KlaviyoClient(api_key)``, or KLAVIYO_API_KEY / KLAVIYO_BASE_URL / KLAVIYO_REVISION from
    the environment. Use it as a context manager, or call ``close()``.
    Its settings are the constructor's arguments: ``help(KlaviyoClient.__init__)``.
    """

    __init__ = _KlaviyoBase.__init__  # its own in help() and the API reference

    def list_category_bulk_update_jobs(
        self,
        status: str | None = None,
        fields: str | Iterable[str] | None = None,
        cursor: str | None = None,
        **params: Any,
    ) -> Page:
        """One page of jobs. ``cursor`` is a previous page's ``next_cursor``.

        ``status`` filters with ``equals(status,"...")``; ``fields`` is a sparse fieldset
        (a list of names, or one comma-separated string) of the configured revision. Any
        other parameter of the operation in the spec is a keyword too (snake_case). Bad
        arguments raise ``InputValidationError`` before anything is sent.
        """
        return self._get(self._first(cursor, {"status": status, "fields": fields, **params}))

    def iter_category_bulk_update_jobs(
        self,
        status: str | None = None,
        fields: str | Iterable[str] | None = None,
        *,
        max_pages: int | None = None,
        **params: Any,
    ) -> Iterator[Job]:
        """Every job on every page, fetching each page when the previous one is used up.

        Takes the keywords of ``list_category_bulk_update_jobs`` but ``cursor``; every page
        is asked for with the same arguments. ``max_pages`` stops the walk after that many
        pages (a server that never stops handing out cursors is stopped too).
        """
        # Checked now, not at the first next().
        walk = self._walk({"status": status, "fields": fields, **params}, max_pages)
        # chain: the jobs of a page come straight from its list; only the next page resumes
        # the generator, which fetches it when the previous page is used up.
        return itertools.chain.from_iterable(self._jobs_of(self._pages(walk)))

    def iter_pages(
        self,
        status: str | None = None,
        fields: str | Iterable[str] | None = None,
        *,
        max_pages: int | None = None,
        **params: Any,
    ) -> Iterator[Page]:
        """Every page (with its links, headers and rate-limit state), one request each; the
        keywords of ``iter_category_bulk_update_jobs``."""
        return self._pages(self._walk({"status": status, "fields": fields, **params}, max_pages))

    def _pages(self, walk: _core.CursorWalk) -> Iterator[Page]:
        request: dict[str, Any] | None = walk.first()
        while request is not None:
            page = self._get(request)
            yield page
            request = walk.advance(page)
            # Let a used-up page go before the next one is fetched: two pages alive at once
            # got a page's objects promoted to the oldest GC generation, and then a full
            # collection ran during the walk (benchmark 1b).
            del page

    @staticmethod
    def _jobs_of(pages: Iterator[Page]) -> Iterator[list[Job]]:
        for page in pages:
            jobs = page.jobs
            del page  # as in _pages: only the walk holds the page, and lets it go
            yield jobs
            del jobs  # and its jobs too, before the walk fetches the next page

    def get_category_bulk_update_job(
        self, job_id: str, *, fields: str | Iterable[str] | None = None
    ) -> Job:
        """One job by its id (``fields``: a sparse fieldset of the configured revision)."""
        return _one_job(self._send_request(self._get_job_request(job_id, fields)))

    def create_category_bulk_update_job(self, categories: Iterable[Any]) -> list[Job]:
        """Submit categories to update as bulk-update jobs: the new jobs, in order.

        Each job takes at most the spec's limit (Klaviyo's 100 categories), so more become
        several jobs, submitted one after the other; every category is checked against the
        spec first, and any problem raises ``InputValidationError`` with nothing sent. A
        request is not retried once the server may have created its job (only a 429 or a
        connection that never reached it is); if a later job fails, the error's note lists
        the jobs already created.
        """
        jobs: list[Job] = []
        for request in self._create_requests(categories):
            try:
                jobs.append(_one_job(self._send_request(request)))
            except CatalogClientError as exc:
                _note_created(exc, jobs)
                raise
        return jobs

    def wait_for_category_bulk_update_job(
        self, job_id: str, *, timeout: float = 300.0, poll_interval: float = 5.0
    ) -> Job:
        """Look at a job until its status is terminal (complete or cancelled in the spec):
        the job then. Past ``timeout`` seconds, ``WaitTimeoutError`` carries the last job
        seen. Every look is paced like any request."""
        waiter = Waiter(job_id, timeout, poll_interval)
        while True:
            job = self.get_category_bulk_update_job(job_id)
            delay = waiter.delay(job)
            if delay is None:
                return job
            time.sleep(delay)

    @property
    def operations(self) -> Operations:
        """Every operation of the spec, typed: ``client.operations.<operation_id>(...)``,
        through this client's credentials, revision, pacing, retries and typed errors."""
        return cast("Operations", self._operations_of("klaviyo_generated", "Operations"))

    def _get(self, request: dict[str, Any]) -> Page:
        return _core.parse_page(self._send_request(request))


class AsyncKlaviyoClient(AsyncShell, _KlaviyoBase):
    """Klaviyo catalog-category bulk-update jobs (asyncio); same methods, awaited.

    ``async with AsyncKlaviyoClient(api_key) as k: async for job in
    k.iter_category_bulk_update_jobs(): ...``. Use ``aclose()`` outside ``async with``.
    Its settings are the constructor's arguments: ``help(AsyncKlaviyoClient.__init__)``.
    """

    __init__ = _KlaviyoBase.__init__  # its own in help() and the API reference

    async def list_category_bulk_update_jobs(
        self,
        status: str | None = None,
        fields: str | Iterable[str] | None = None,
        cursor: str | None = None,
        **params: Any,
    ) -> Page:
        """One page of jobs; see ``KlaviyoClient.list_category_bulk_update_jobs``."""
        return await self._get(self._first(cursor, {"status": status, "fields": fields, **params}))

    def iter_category_bulk_update_jobs(
        self,
        status: str | None = None,
        fields: str | Iterable[str] | None = None,
        *,
        max_pages: int | None = None,
        **params: Any,
    ) -> AsyncIterator[Job]:
        """Every job on every page: ``async for job in client.iter_category_bulk_update_jobs()``."""
        walk = self._walk({"status": status, "fields": fields, **params}, max_pages)
        return self._jobs(self._pages(walk))

    def iter_pages(
        self,
        status: str | None = None,
        fields: str | Iterable[str] | None = None,
        *,
        max_pages: int | None = None,
        **params: Any,
    ) -> AsyncIterator[Page]:
        """Every page: ``async for page in client.iter_pages()``; see ``KlaviyoClient``."""
        return self._pages(self._walk({"status": status, "fields": fields, **params}, max_pages))

    async def _pages(self, walk: _core.CursorWalk) -> AsyncIterator[Page]:
        request: dict[str, Any] | None = walk.first()
        while request is not None:
            page = await self._get(request)
            yield page
            request = walk.advance(page)
            del page  # as in KlaviyoClient._pages: the next page is fetched alone

    @staticmethod
    async def _jobs(pages: AsyncIterator[Page]) -> AsyncIterator[Job]:
        async for page in pages:
            jobs = page.jobs
            del page
            for job in jobs:
                yield job
            del jobs  # as in KlaviyoClient._jobs_of: nothing of it alive during the next fetch

    async def get_category_bulk_update_job(
        self, job_id: str, *, fields: str | Iterable[str] | None = None
    ) -> Job:
        """One job by its id; see ``KlaviyoClient.get_category_bulk_update_job``."""
        return _one_job(await self._send_request(self._get_job_request(job_id, fields)))

    async def create_category_bulk_update_job(self, categories: Iterable[Any]) -> list[Job]:
        """The new jobs; see ``KlaviyoClient.create_category_bulk_update_job``."""
        jobs: list[Job] = []
        for request in self._create_requests(categories):
            try:
                jobs.append(_one_job(await self._send_request(request)))
            except CatalogClientError as exc:
                _note_created(exc, jobs)
                raise
        return jobs

    async def wait_for_category_bulk_update_job(
        self, job_id: str, *, timeout: float = 300.0, poll_interval: float = 5.0
    ) -> Job:
        """The job once terminal; see ``KlaviyoClient.wait_for_category_bulk_update_job``."""
        waiter = Waiter(job_id, timeout, poll_interval)
        while True:
            job = await self.get_category_bulk_update_job(job_id)
            delay = waiter.delay(job)
            if delay is None:
                return job
            import asyncio  # here, not at the top: a sync user does not pay asyncio's import

            await asyncio.sleep(delay)

    @property
    def operations(self) -> AsyncOperations:
        """Every operation of the spec, awaited: ``await client.operations.<operation_id>()``."""
        return cast("AsyncOperations", self._operations_of("klaviyo_generated", "AsyncOperations"))

    async def _get(self, request: dict[str, Any]) -> Page:
        return _core.parse_page(await self._send_request(request))
