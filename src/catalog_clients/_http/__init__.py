"""The HTTP policy both clients stand on.

    httpx client (auth, base_url, headers)
      -> PolicyTransport: per attempt pace, send, read the body, log; then retry or settle
        -> httpx.HTTPTransport (or any transport a caller injects)

The decisions are pure objects (``RetryPolicy``/``Attempts``, ``Pacer``); the sync and async
transports are two thin drivers of them.
"""

from .client import HttpSettings, build_client
from .headers import parse_retry_after
from .pacing import Pacer, RateLimit, shared_pacer
from .retry import RetryPolicy

__all__ = [
    "HttpSettings",
    "Pacer",
    "RateLimit",
    "RetryPolicy",
    "build_client",
    "parse_retry_after",
    "shared_pacer",
]
