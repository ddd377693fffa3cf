"""Fault injection: the queue of requested faults, and the responses that play them.

A fault is ``[target:]kind``. ``target`` (``klaviyo``, ``propeller`` or ``token``) limits it to
one endpoint; without one it hits the next request to either API (not the token endpoint).
A faulted request is not processed, so the store is never changed by it, except ``slow``,
which only delays a normal answer. Every faulted response carries ``x-sandbox-fault`` so that
the contract test can tell deliberate junk from a sandbox bug.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import uuid
from collections.abc import Callable
from typing import Any, Literal

from starlette.responses import HTMLResponse, Response
from starlette.types import Receive, Scope, Send

Flavour = Literal["klaviyo", "propeller", "token"]
TARGETS: tuple[Flavour, ...] = ("klaviyo", "propeller", "token")
KINDS = (
    "429",
    "500",
    "502",
    "503",
    "504",
    "520",
    "truncate",
    "reset",
    "slow",
    "html200",
    "badschema200",
    "truncjson",
)
FAULT_HEADER = "x-sandbox-fault"

# A body cut on purpose makes uvicorn log this at ERROR; it is the point, not a sandbox bug.
_CUT_MESSAGE = "ASGI callable returned without completing response."


class _DropCutResponses(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != _CUT_MESSAGE


_QUIET = _DropCutResponses()


def quiet_cut_responses() -> None:
    """Keep uvicorn from logging the bodies the sandbox cuts on purpose (idempotent)."""
    logging.getLogger("uvicorn.error").addFilter(_QUIET)


def parse_fault(text: str) -> tuple[Flavour | None, str, float | None]:
    """``"token:429:30"`` -> ``("token", "429", 30.0)``; raises ValueError naming the problem."""
    parts = text.strip().split(":")
    target: Flavour | None = None
    if parts[0] in TARGETS:
        target = parts.pop(0)  # type: ignore[assignment]
    if not parts or parts[0] not in KINDS:
        raise ValueError(f"unknown fault {text!r}; kinds: {', '.join(KINDS)}")
    kind, arg = parts[0], None
    if len(parts) > 2 or (len(parts) == 2 and kind not in ("429", "slow")):
        raise ValueError(f"fault {text!r}: only 429:N and slow:N take a number")
    if len(parts) == 2:
        try:
            arg = float(parts[1])
        except ValueError:
            raise ValueError(f"fault {text!r}: {parts[1]!r} is not a number") from None
        if arg < 0:
            raise ValueError(f"fault {text!r}: the number must be >= 0")
    return target, kind, arg


class FaultQueue:
    """Queued faults (FIFO per target) plus the seeded random ones of ``fault_rate``."""

    def __init__(self, rate: float, kinds: tuple[str, ...], seed: int) -> None:
        for kind in kinds:
            parse_fault(kind)
        self.rate = rate
        self.kinds = kinds
        self.seed = seed
        self.pending: list[str] = []
        self.injected = 0
        self._random = random.Random(seed)

    def reset(self) -> None:
        self.pending.clear()
        self.injected = 0
        self._random = random.Random(self.seed)

    def add(self, faults: list[str]) -> None:
        for text in faults:
            parse_fault(text)  # refuse the whole list before queueing any of it
        self.pending.extend(faults)

    def take(self, flavour: Flavour) -> tuple[str, float | None] | None:
        """The fault to play on this request, if any."""
        for i, text in enumerate(self.pending):
            target, kind, arg = parse_fault(text)
            if target == flavour or (target is None and flavour != "token"):
                del self.pending[i]
                self.injected += 1
                return kind, arg
        if flavour != "token" and self.rate and self._random.random() < self.rate:
            self.injected += 1
            _, kind, arg = parse_fault(self._random.choice(self.kinds))
            return kind, arg
        return None


# --- bodies in each API's own error format --------------------------------------------------

_TITLES = {
    429: ("throttled", "Request was throttled."),
    500: ("error", "A server error occurred."),
    503: ("service_unavailable", "Service temporarily unavailable."),
}
_HTML = {
    502: "502 Bad Gateway",
    504: "504 Gateway Time-out",
    520: "520: Web server is returning an unknown error",
}


def error_body(flavour: Flavour, status: int, detail: str, code: Any = None) -> dict[str, Any]:
    """An error document in the format of ``flavour``'s API."""
    slug, title = _TITLES.get(status, ("error", detail))
    if flavour == "klaviyo":
        error = {
            "id": str(uuid.uuid4()),
            "status": status,
            "code": code or slug,
            "title": title,
            "detail": detail,
            "source": {"pointer": "/data/"},
        }
        return {"errors": [error]}
    if flavour == "token":
        return {"error": code or "temporarily_unavailable", "error_description": detail}
    return {
        "error": {
            "code": code if code is not None else status,
            "status": status,
            "type": title.replace(" ", "").rstrip("."),
            "messages": [detail],
            "moreInfo": f"https://www.propel.us/docs/errors/{code or status}",
        }
    }


def json_response(
    body: Any,
    status: int,
    flavour: Flavour,
    headers: dict[str, str] | None = None,
    media_type: str | None = None,
) -> Response:
    media = media_type or (
        "application/vnd.api+json" if flavour == "klaviyo" else "application/json"
    )
    content = json.dumps(body, separators=(",", ":")).encode()
    return Response(content, status, headers=headers, media_type=media)


class CutResponse(Response):
    """Announces ``length`` bytes, sends ``part`` of them, then drops the connection."""

    def __init__(self, part: bytes, length: int, media_type: str) -> None:
        super().__init__(b"", 200, media_type=media_type)
        self.part = part
        self.length = length

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = [(k, v) for k, v in self.raw_headers if k != b"content-length"]
        headers.append((b"content-length", str(self.length).encode()))
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        if self.part:
            await send({"type": "http.response.body", "body": self.part, "more_body": True})
        # Returning without the final body message makes uvicorn close the connection: the
        # client sees a body cut mid-transfer, exactly like a dropped connection.


_SAMPLE_OK: dict[Flavour, Any] = {
    "klaviyo": {"data": [{"type": "catalog-category-bulk-update-job", "id": "x"}] * 20},
    "propeller": {"data": [{"action": "create", "id": 1, "key": 1, "success": True}] * 20},
    "token": {"access_token": "sandbox-cut", "expires_in": 1800, "token_type": "Bearer"},
}
_OFF_SCHEMA: dict[Flavour, Any] = {
    "klaviyo": {"data": {"unexpected": "an object where a list belongs"}},
    "propeller": {"data": "a string where a list belongs"},
    "token": {"token": "no access_token key"},
}


def fault_response(flavour: Flavour, kind: str, arg: float | None) -> Response:
    """The response that plays ``kind`` (not ``slow``, which the caller plays by waiting)."""
    response = _play(flavour, kind, arg)
    response.headers[FAULT_HEADER] = kind
    response.headers["x-request-id"] = str(uuid.uuid4())
    return response


def _play(flavour: Flavour, kind: str, arg: float | None) -> Response:
    media = "application/vnd.api+json" if flavour == "klaviyo" else "application/json"
    sample = json.dumps(_SAMPLE_OK[flavour]).encode()
    if kind == "429":
        wait = int(arg) if arg is not None else 1
        detail = f"Request was throttled. Expected available in {wait} seconds."
        return json_response(
            error_body(flavour, 429, detail), 429, flavour, {"Retry-After": str(wait)}
        )
    if kind in ("500", "503"):
        status = int(kind)
        return json_response(error_body(flavour, status, _TITLES[status][1]), status, flavour)
    if kind in ("502", "504", "520"):
        title = _HTML[int(kind)]
        page = f"<html><head><title>{title}</title></head><body><h1>{title}</h1></body></html>"
        return HTMLResponse(page, int(kind))
    if kind == "truncate":
        return CutResponse(sample[: len(sample) // 2], len(sample), media)
    if kind == "reset":
        return CutResponse(b"", len(sample), media)
    if kind == "html200":
        return HTMLResponse("<html><body><h1>Down for maintenance</h1></body></html>", 200)
    if kind == "badschema200":
        return json_response(_OFF_SCHEMA[flavour], 200, flavour)
    if kind == "truncjson":
        return Response(sample[: len(sample) // 2], 200, media_type=media)
    raise ValueError(f"no response for fault {kind!r}")


async def with_faults(faults: FaultQueue, flavour: Flavour, handle: Callable[[], Any]) -> Response:
    """Answer with the next fault for ``flavour``, or else with ``await handle()``."""
    taken = faults.take(flavour)
    if taken is None:
        response: Response = await handle()
        return response
    kind, arg = taken
    if kind == "slow":
        await asyncio.sleep(arg if arg is not None else 5.0)
        response = await handle()
        response.headers[FAULT_HEADER] = kind
        return response
    return fault_response(flavour, kind, arg)
