"""``KlaviyoClient`` and ``AsyncKlaviyoClient``: thin sync and async shells over ``_core``.

Everything that is not I/O (settings, argument checks, request shape, page parsing, the
cursor walk) is shared; each shell only sends the request and awaits or not.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Sequence
from types import ModuleType, TracebackType
from typing import TYPE_CHECKING, Any, Self

import httpx
from klaviyo_generated import _rules

from .. import _config
from .._http import HttpSettings, RetryPolicy, build_async_client, build_sync_client
from .._http.pacing import Pacer, RateLimit
from .._http.responses import json_body, raise_for_status, schema_mismatch
from .._operations import OperationCaller, PageWalk
from ..errors import CatalogClientError, ConfigurationError, InputValidationError, Problem
from . import _core
from ._auth import KeyAuth, header_safe, pacer_for
from ._jobs import CREATE_JOB, GET_JOB, JobBatches, Waiter, read_one
from ._kinds import Mismatch
from ._models import Job, Page
from ._paging import LIST_JOBS
from ._query import Query, accept_for, check_cursor, check_revision, path_for

if TYPE_CHECKING:
    from klaviyo_generated.operations import AsyncOperations, Operations

DEFAULT_BASE_URL = _rules.SERVER_URL
DEFAULT_REVISION = _rules.DEFAULT_REVISION  # the newest revision the spec describes
# The spec's limits (x-klaviyo-ratelimit) of the list operation: per account, fixed windows.
DEFAULT_RATE_LIMITS = tuple(RateLimit(count, period) for count, period in LIST_JOBS.rate_limits)
_SCHEMES = _rules.CREDENTIAL_SCHEMES


class _KlaviyoBase:
    """Settings shared by both shells, all checked here, before any request.

    ``api_key`` (or KLAVIYO_API_KEY) is a private key, sent with the spec's scheme word
    (``Klaviyo-API-Key <key>``). An OAuth app passes ``access_token=`` instead (sent as
    ``Bearer <token>``); the two are exclusive. ``base_url`` (KLAVIYO_BASE_URL, default: the
    spec's server) must be https, or http on a loopback host. ``revision`` (KLAVIYO_REVISION,
    default ``DEFAULT_REVISION``, the newest the spec describes) is sent as the revision
    header of every request, and picks the path spelling and sparse fields of that revision.
    ``retry_policy``, when given, replaces the default ``RetryPolicy(max_retries=...)``.
    ``rate_limits`` paces requests on the client side (the spec's limits by default), shared
    by every client of the process that uses the same key and base URL; None or () switches
    pacing off.
    ``transport`` replaces real HTTP at the bottom of the stack (tests, benchmarks).
    """

    _transport_type: type[Any] = httpx.BaseTransport

    def __init__(
        self,
        api_key: str | None = None,
        *,
        access_token: str | None = None,
        base_url: str | None = None,
        revision: str | None = None,
        timeout: float = 30.0,
        max_retries: int = 3,
        retry_policy: RetryPolicy | None = None,
        rate_limits: Sequence[RateLimit] | None = DEFAULT_RATE_LIMITS,
        transport: Any = None,
    ) -> None:
        if api_key is not None and access_token is not None:
            raise ConfigurationError("pass either api_key or access_token, not both")
        if access_token is not None:
            secret, scheme = access_token, _SCHEMES["access_token"]
        else:
            secret = _config.from_env(api_key, "KLAVIYO_API_KEY") or ""
            scheme = _SCHEMES["api_key"]
        if not isinstance(secret, str):
            raise ConfigurationError(f"the Klaviyo credential must be a string, not {type(secret)}")
        uses_token = access_token is not None
        if not secret:
            what = "Klaviyo access token" if uses_token else "Klaviyo API key"
            raise ConfigurationError(
                f"missing {what}: pass api_key= (or access_token=) or set KLAVIYO_API_KEY"
            )
        if not header_safe(secret):
            raise ConfigurationError(
                "the Klaviyo credential contains spaces or non-printable characters"
            )
        base = _config.from_env(base_url, "KLAVIYO_BASE_URL", DEFAULT_BASE_URL)
        assert base is not None
        self.base_url = _config.check_url(base, "base_url")
        self.revision = check_revision(
            _config.from_env(revision, "KLAVIYO_REVISION", DEFAULT_REVISION)
        )
        timeout_s = _config.check_positive(timeout, "timeout")
        assert timeout_s is not None
        self.timeout = timeout_s
        _config.check_count(max_retries, "max_retries", maximum=10)
        if retry_policy is not None and not isinstance(retry_policy, RetryPolicy):
            raise ConfigurationError(f"retry_policy must be a RetryPolicy, got {retry_policy!r}")
        if transport is not None and not isinstance(transport, self._transport_type):
            raise ConfigurationError(
                f"{type(self).__name__} needs an httpx.{self._transport_type.__name__} "
                f"as transport, got {type(transport).__name__}"
            )
        self._uses_token = uses_token
        # The budget is per account on one server, hence key and base URL.
        identity = f"{self.base_url} {secret}"
        pacer = pacer_for(identity, rate_limits)

        def pacer_of(operation: _rules.Operation) -> Pacer | None:
            # Each operation has limits of its own (x-klaviyo-ratelimit), unless the caller
            # chose limits (one budget for all) or none.
            if pacer is None or rate_limits is not DEFAULT_RATE_LIMITS or not operation.rate_limits:
                return pacer
            limits = tuple(RateLimit(count, period) for count, period in operation.rate_limits)
            return pacer_for(identity, limits)

        self._caller = OperationCaller(
            _rules.OPERATIONS,
            _rules.SCHEMAS,
            _core.read_error_body,
            revision=self.revision,
            revision_header=_rules.REVISION_HEADER,
            spelling=_spelling,
            pacer_of=pacer_of,
        )
        settings = HttpSettings(
            base_url=self.base_url,
            timeout=self.timeout,
            retry=retry_policy or RetryPolicy(max_retries=max_retries),
            pacer=pacer,
            headers={},
            transport=transport if isinstance(transport, httpx.BaseTransport) else None,
            async_transport=transport if isinstance(transport, httpx.AsyncBaseTransport) else None,
        )
        self._connect(settings, KeyAuth(f"{scheme} {secret}", self.base_url))

    def _connect(self, settings: HttpSettings, auth: httpx.Auth) -> None:
        raise NotImplementedError

    _operations: Any = None  # client.operations, made on first use

    def __repr__(self) -> str:
        credential = "access_token" if self._uses_token else "api_key"
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, revision={self.revision!r}, "
            f"{credential}=<redacted>)"
        )

    def _query(self, arguments: dict[str, object]) -> Query:
        """The checked arguments of the list operation (every keyword is a spec parameter)."""
        return Query(LIST_JOBS, self.revision, arguments)

    def _page_request(self, query: Query, cursor: str | None = None) -> dict[str, Any]:
        return self._caller.finish(query.operation, query.request(cursor), {})

    def _get_job_request(self, job_id: object, fields: object) -> dict[str, Any]:
        if not isinstance(job_id, str) or not job_id:
            message = f"must be a non-empty string, got {job_id!r}"
            raise InputValidationError([Problem(None, "job_id", message)])
        query = Query(GET_JOB, self.revision, {"fields": fields})
        path_param = next(p.python for p in GET_JOB.params if p.location == "path")
        return self._caller.finish(GET_JOB, query.request(), {path_param: job_id})

    def _create_requests(self, categories: Iterable[object]) -> list[dict[str, Any]]:
        """One request per job of at most the spec's item limit; every category checked
        before any is sent."""
        batches = JobBatches(categories)
        headers = {_rules.REVISION_HEADER: self.revision}
        if CREATE_JOB.request_media_type:
            headers["Content-Type"] = CREATE_JOB.request_media_type
        return [
            self._caller.finish(
                CREATE_JOB,
                {"method": CREATE_JOB.method, "json": body, "headers": dict(headers)},
                {},
            )
            for body in batches.bodies()
        ]

    def _first(self, cursor: object, arguments: dict[str, object]) -> dict[str, Any]:
        problems = check_cursor(cursor)
        try:
            query = self._query(arguments)
        except InputValidationError as exc:
            raise InputValidationError([*exc.problems, *problems]) from None
        if problems:
            raise InputValidationError(problems)
        assert cursor is None or isinstance(cursor, str)
        return self._page_request(query, cursor)


class KlaviyoClient(_KlaviyoBase):
    """Klaviyo catalog-category bulk-update jobs (sync).

    ``KlaviyoClient(api_key)``, or KLAVIYO_API_KEY / KLAVIYO_BASE_URL / KLAVIYO_REVISION from
    the environment. Use it as a context manager, or call ``close()``.
    """

    _http: httpx.Client

    def _connect(self, settings: HttpSettings, auth: httpx.Auth) -> None:
        self._http = build_sync_client(settings, auth)

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
        **params: Any,
    ) -> Iterator[Job]:
        """Every job on every page, fetching each page when the previous one is used up.

        Takes the keywords of ``list_category_bulk_update_jobs`` but ``cursor``; every page
        is asked for with the same arguments.
        """
        # Checked now, not at the first next().
        query = self._query({"status": status, "fields": fields, **params})
        # chain: the jobs of a page come straight from its list; only the next page resumes
        # the generator, which fetches it when the previous page is used up.
        walk = _core.CursorWalk(lambda cursor: self._page_request(query, cursor))
        return itertools.chain.from_iterable(self._pages(walk))

    def _pages(self, walk: _core.CursorWalk) -> Iterator[list[Job]]:
        request: dict[str, Any] | None = walk.first()
        while request is not None:
            page = self._get(request)
            yield page.jobs
            request = walk.advance(page)
            # Let a used-up page go before the next one is fetched: two pages alive at once
            # got a page's objects promoted to the oldest GC generation, and then a full
            # collection ran during the walk (measured: 50-70 ms in benchmark 1b).
            del page

    def get_category_bulk_update_job(
        self, job_id: str, *, fields: str | Iterable[str] | None = None
    ) -> Job:
        """One job by its id (``fields``: a sparse fieldset of the configured revision)."""
        return _one_job(self._send(self._get_job_request(job_id, fields)))

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
                jobs.append(_one_job(self._send(request)))
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
        if self._operations is None:
            from klaviyo_generated.operations import Operations

            self._operations = Operations(self._call)
        operations: Operations = self._operations
        return operations

    def paginate(self, operation: Callable[..., Any], /, **params: Any) -> Iterator[Any]:
        """Every item of every page of a list operation of ``client.operations``, e.g.
        ``client.paginate(client.operations.get_update_categories_jobs)``."""
        walk = PageWalk(self._caller.operation(operation.__name__), params)
        arguments: dict[str, Any] | None = walk.arguments
        while arguments is not None:
            page = operation(**arguments)
            yield from walk.items(page)
            arguments = walk.advance(page)

    def _call(
        self, operation_id: str, endpoint: ModuleType, model: Any, arguments: dict[str, Any]
    ) -> Any:
        request = self._caller.request(operation_id, endpoint, arguments)
        return self._caller.parse(self._send(request), model)

    def _send(self, request: dict[str, Any]) -> httpx.Response:
        try:
            return self._http.request(**request)
        except httpx.HTTPError as exc:  # the transport maps these; this is the safety net
            raise _core.transport_error(exc) from exc

    def _get(self, request: dict[str, Any]) -> Page:
        return _core.parse_page(self._send(request))

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncKlaviyoClient(_KlaviyoBase):
    """Klaviyo catalog-category bulk-update jobs (asyncio); same methods, awaited.

    ``async with AsyncKlaviyoClient(api_key) as k: async for job in
    k.iter_category_bulk_update_jobs(): ...``. Use ``aclose()`` outside ``async with``.
    """

    _transport_type = httpx.AsyncBaseTransport
    _http: httpx.AsyncClient

    def _connect(self, settings: HttpSettings, auth: httpx.Auth) -> None:
        self._http = build_async_client(settings, auth)

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
        **params: Any,
    ) -> AsyncIterator[Job]:
        """Every job on every page: ``async for job in client.iter_category_bulk_update_jobs()``."""
        query = self._query({"status": status, "fields": fields, **params})
        return self._iter(_core.CursorWalk(lambda cursor: self._page_request(query, cursor)))

    async def _iter(self, walk: _core.CursorWalk) -> AsyncIterator[Job]:
        request: dict[str, Any] | None = walk.first()
        while request is not None:
            page = await self._get(request)
            for job in page.jobs:
                yield job
            request = walk.advance(page)
            del page  # as in KlaviyoClient._pages: the next page is fetched alone

    async def get_category_bulk_update_job(
        self, job_id: str, *, fields: str | Iterable[str] | None = None
    ) -> Job:
        """One job by its id; see ``KlaviyoClient.get_category_bulk_update_job``."""
        return _one_job(await self._send(self._get_job_request(job_id, fields)))

    async def create_category_bulk_update_job(self, categories: Iterable[Any]) -> list[Job]:
        """The new jobs; see ``KlaviyoClient.create_category_bulk_update_job``."""
        jobs: list[Job] = []
        for request in self._create_requests(categories):
            try:
                jobs.append(_one_job(await self._send(request)))
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
            await asyncio.sleep(delay)

    @property
    def operations(self) -> AsyncOperations:
        """Every operation of the spec, awaited: ``await client.operations.<operation_id>()``."""
        if self._operations is None:
            from klaviyo_generated.operations import AsyncOperations

            self._operations = AsyncOperations(self._call)
        operations: AsyncOperations = self._operations
        return operations

    async def paginate(self, operation: Callable[..., Any], /, **params: Any) -> AsyncIterator[Any]:
        """Every item of every page: ``async for x in client.paginate(client.operations.X)``."""
        walk = PageWalk(self._caller.operation(operation.__name__), params)
        arguments: dict[str, Any] | None = walk.arguments
        while arguments is not None:
            page = await operation(**arguments)
            for item in walk.items(page):
                yield item
            arguments = walk.advance(page)

    async def _call(
        self, operation_id: str, endpoint: ModuleType, model: Any, arguments: dict[str, Any]
    ) -> Any:
        request = self._caller.request(operation_id, endpoint, arguments)
        return self._caller.parse(await self._send(request), model)

    async def _send(self, request: dict[str, Any]) -> httpx.Response:
        try:
            return await self._http.request(**request)
        except httpx.HTTPError as exc:
            raise _core.transport_error(exc) from exc

    async def _get(self, request: dict[str, Any]) -> Page:
        return _core.parse_page(await self._send(request))

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()


def _spelling(operation: _rules.Operation, revision: str | None) -> tuple[str, str | None]:
    assert revision is not None
    return path_for(operation, revision), accept_for(operation, revision)


def _note_created(error: CatalogClientError, jobs: list[Job]) -> None:
    if jobs:
        ids = ", ".join(str(job.id) for job in jobs)
        error.add_note(f"created before this error ({len(jobs)} job(s)): {ids}")


def _one_job(response: httpx.Response) -> Job:
    """The job of a one-job answer, or the typed error."""
    raise_for_status(response, _core.read_error_body)
    try:
        return read_one(json_body(response))
    except Mismatch as exc:
        raise schema_mismatch(response, str(exc)) from None
