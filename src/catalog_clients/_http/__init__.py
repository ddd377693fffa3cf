"""The HTTP policy both clients stand on: a layered httpx transport stack.

    httpx client (auth, base_url, headers)
      -> RetryTransport    retries + Retry-After, reads the body inside the retry loop
        -> LoggingTransport  one line per attempt, secrets redacted
          -> PacingTransport   client-side rate limits, RateLimit-* headers
            -> httpx.HTTPTransport (or any transport a caller injects)

Each layer is a thin sync/async shell over a pure policy object in its own module.
"""

from .client import HttpSettings, build_async_client, build_sync_client
from .pacing import Pacer, RateLimit, shared_pacer
from .retry import RetryPolicy, parse_retry_after

__all__ = [
    "HttpSettings",
    "Pacer",
    "RateLimit",
    "RetryPolicy",
    "build_async_client",
    "build_sync_client",
    "parse_retry_after",
    "shared_pacer",
]
