"""Build the httpx clients both vendors' shells use, with the whole transport stack."""

from __future__ import annotations

import functools
import ssl
from collections.abc import Mapping

import attrs
import httpx

from .log import configure_from_env
from .pacing import Pacer
from .retry import RetryPolicy
from .transport import (
    AsyncLoggingTransport,
    AsyncPacingTransport,
    AsyncRetryTransport,
    LoggingTransport,
    PacingTransport,
    RetryTransport,
)

USER_AGENT = "catalog-clients/0.1.0 (+httpx)"


@attrs.frozen
class HttpSettings:
    """Everything that shapes the HTTP stack of one client."""

    base_url: str
    timeout: float = 30.0
    retry: RetryPolicy = attrs.field(factory=RetryPolicy)
    pacer: Pacer | None = None
    headers: Mapping[str, str] = attrs.field(factory=dict)
    # Injected innermost transports (tests, benchmarks); None means real HTTP.
    transport: httpx.BaseTransport | None = None
    async_transport: httpx.AsyncBaseTransport | None = None
    max_connections: int = 20


def _limits(settings: HttpSettings) -> httpx.Limits:
    return httpx.Limits(
        max_connections=settings.max_connections,
        max_keepalive_connections=settings.max_connections,
    )


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    # Loading the CA bundle took 20 ms per client (as long as paging 20,000 jobs takes to
    # parse); one verifying context serves every client of the process, and an SSLContext
    # may be shared between connections and threads.
    return httpx.create_ssl_context()


def build_sync_client(settings: HttpSettings, auth: httpx.Auth | None = None) -> httpx.Client:
    configure_from_env()
    stack: httpx.BaseTransport = settings.transport or httpx.HTTPTransport(
        verify=_ssl_context(), limits=_limits(settings)
    )
    if settings.pacer is not None:
        stack = PacingTransport(stack, settings.pacer)
    stack = RetryTransport(LoggingTransport(stack), settings.retry)
    return httpx.Client(
        base_url=settings.base_url,
        headers={"User-Agent": USER_AGENT, **settings.headers},
        auth=auth,
        timeout=settings.timeout,
        transport=stack,
        # Credentials never follow a redirect to another host.
        follow_redirects=False,
    )


def build_async_client(settings: HttpSettings, auth: httpx.Auth | None = None) -> httpx.AsyncClient:
    configure_from_env()
    stack: httpx.AsyncBaseTransport = settings.async_transport or httpx.AsyncHTTPTransport(
        verify=_ssl_context(), limits=_limits(settings)
    )
    if settings.pacer is not None:
        stack = AsyncPacingTransport(stack, settings.pacer)
    stack = AsyncRetryTransport(AsyncLoggingTransport(stack), settings.retry)
    return httpx.AsyncClient(
        base_url=settings.base_url,
        headers={"User-Agent": USER_AGENT, **settings.headers},
        auth=auth,
        timeout=settings.timeout,
        transport=stack,
        follow_redirects=False,
    )
