"""The ``catalog_clients`` logger: the one place a handler is attached, and redaction.

``CATALOG_CLIENTS_LOG=debug`` (or ``info``) attaches a stderr handler, like ``OPENAI_LOG``;
the CLI's ``--verbose`` attaches its own through ``logging_to`` instead, so no line is
printed twice. Nothing that could carry a secret is logged: auth headers are redacted and
bodies are never logged (a token request body holds the client secret).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import httpx

logger = logging.getLogger("catalog_clients")
ENV_VAR = "CATALOG_CLIENTS_LOG"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
SENSITIVE_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"}
)
_OURS = "_catalog_clients_handler"  # marks the handlers this module attached
_configured = False


def _ours() -> list[logging.Handler]:
    return [h for h in logger.handlers if getattr(h, _OURS, False)]


def stderr_handler() -> logging.Handler:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(FORMAT))
    return handler


def configure_from_env() -> None:
    """Attach a handler once if CATALOG_CLIENTS_LOG asks for one (and none is attached)."""
    global _configured
    if _configured:
        return
    _configured = True
    level = os.environ.get(ENV_VAR, "").strip().upper()
    if level not in {"DEBUG", "INFO", "WARNING"} or _ours():
        return
    handler = stderr_handler()
    setattr(handler, _OURS, True)
    logger.addHandler(handler)
    logger.setLevel(level)


@contextmanager
def logging_to(handler: logging.Handler, level: int) -> Iterator[None]:
    """The library's log goes to ``handler`` alone while inside: a handler attached from
    CATALOG_CLIENTS_LOG steps aside meanwhile (and none is attached from it then)."""
    global _configured
    stepped_aside, previous_level, was_configured = _ours(), logger.level, _configured
    for other in stepped_aside:
        logger.removeHandler(other)
    setattr(handler, _OURS, True)
    logger.addHandler(handler)
    logger.setLevel(level)
    _configured = True
    try:
        yield
    finally:
        logger.removeHandler(handler)
        for other in stepped_aside:
            logger.addHandler(other)
        logger.setLevel(previous_level)
        _configured = was_configured


def redacted_headers(headers: Iterable[tuple[str, str]]) -> dict[str, str]:
    return {
        name: ("<redacted>" if name.lower() in SENSITIVE_HEADERS else value)
        for name, value in headers
    }


def describe(request: httpx.Request) -> str:
    # The query is kept (cursors, filters are not secret); userinfo never is.
    url = request.url.copy_with(username=None, password=None)
    return f"{request.method} {url}"
