"""Build the httpx client of a shell, sync or async, on the policy transport."""

from __future__ import annotations

import functools
import ssl
import urllib.request
from collections.abc import Mapping
from typing import TypeVar

import attrs
import httpx

from .._version import USER_AGENT
from .body import ACCEPT_ENCODING
from .log import configure_from_env
from .pacing import Pacer
from .retry import RetryPolicy
from .transport import DEFAULT_MAX_RESPONSE_BYTES, AsyncPolicyTransport, PolicyTransport

AnyClient = TypeVar("AnyClient", httpx.Client, httpx.AsyncClient)


@attrs.frozen
class HttpSettings:
    """Everything that shapes the HTTP stack of one client."""

    base_url: str
    timeout: float | httpx.Timeout = 30.0
    retry: RetryPolicy = attrs.field(factory=RetryPolicy)
    pacer: Pacer | None = None
    headers: Mapping[str, str] = attrs.field(factory=dict)
    # An injected innermost transport (tests, benchmarks); None means real HTTP.
    transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None = None
    max_connections: int = 20
    # The largest response body read, counted after decompression.
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES
    # An explicit proxy URL; else, with trust_env, HTTPS_PROXY / HTTP_PROXY / ALL_PROXY and
    # NO_PROXY from the environment, as httpx itself would read them.
    proxy: str | None = None
    trust_env: bool = True


def proxy_for(settings: HttpSettings) -> str | None:
    """The proxy of the base URL's scheme. httpx reads the environment's proxies only for
    a client without a transport of its own; this one always has one (the policy layer)."""
    if settings.proxy or not settings.trust_env:
        return settings.proxy
    url = httpx.URL(settings.base_url)
    if urllib.request.proxy_bypass(url.host):
        return None
    found = urllib.request.getproxies_environment()
    proxy: str | None = found.get(url.scheme) or found.get("all")
    return proxy


class ClientTransport(httpx.BaseTransport):
    """A caller's own ``httpx.Client`` (``http_client=``) at the bottom of the stack: its
    proxies, certificates, mounts and event hooks carry each request, and the layer's policy
    (pacing, retries, deadline, body bounds, logging) sits above it. It is the caller's, so
    closing the layer's client leaves it open."""

    def __init__(self, client: httpx.Client) -> None:
        self.client = client

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.client.send(request, stream=True)

    def close(self) -> None:
        return None  # the caller closes its client


class AsyncClientTransport(httpx.AsyncBaseTransport):
    """``ClientTransport`` for a caller's ``httpx.AsyncClient``."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self.client.send(request, stream=True)

    async def aclose(self) -> None:
        return None  # the caller closes its client


class _NoCookies(httpx.Cookies):
    """An API client keeps no cookies: what a server (or anything in between) sets is never
    sent back. It also spares every response httpx's cookie-jar processing."""

    def extract_cookies(self, response: httpx.Response) -> None:
        return None


@functools.cache
def _ssl_context(trust_env: bool = True) -> ssl.SSLContext:
    # Loading the CA bundle costs as much as parsing thousands of jobs; one verifying context
    # serves every client of the process (an SSLContext may be shared between threads).
    # trust_env: SSL_CERT_FILE / SSL_CERT_DIR are honoured, as by httpx.
    return httpx.create_ssl_context(trust_env=trust_env)


def build_client(
    kind: type[AnyClient], settings: HttpSettings, auth: httpx.Auth | None = None
) -> AnyClient:
    """An ``httpx.Client`` or ``httpx.AsyncClient`` (``kind``) on the policy transport."""
    configure_from_env()
    limits = httpx.Limits(
        max_connections=settings.max_connections,
        max_keepalive_connections=settings.max_connections,
    )
    stack: httpx.BaseTransport | httpx.AsyncBaseTransport
    verify, proxy = _ssl_context(settings.trust_env), proxy_for(settings)
    if issubclass(kind, httpx.AsyncClient):
        inner = settings.transport or httpx.AsyncHTTPTransport(
            verify=verify, limits=limits, proxy=proxy
        )
        assert isinstance(inner, httpx.AsyncBaseTransport)
        stack = AsyncPolicyTransport(
            inner, settings.retry, settings.pacer, max_bytes=settings.max_response_bytes
        )
    else:
        sync_inner = settings.transport or httpx.HTTPTransport(
            verify=verify, limits=limits, proxy=proxy
        )
        assert isinstance(sync_inner, httpx.BaseTransport)
        stack = PolicyTransport(
            sync_inner, settings.retry, settings.pacer, max_bytes=settings.max_response_bytes
        )
    client = kind(
        base_url=settings.base_url,
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": ACCEPT_ENCODING, **settings.headers},
        auth=auth,
        timeout=settings.timeout,
        trust_env=settings.trust_env,
        transport=stack,
        # Credentials never follow a redirect to another host.
        follow_redirects=False,
    )
    # httpx's ``cookies=`` copies into a jar of its own; the no-op jar has to replace it.
    client._cookies = _NoCookies()
    return client
