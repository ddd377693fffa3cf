"""The sandbox's ASGI app: both APIs, fault injection, and the ``/__sandbox__`` control routes.

API routes
    ``GET /api/catalog-category-bulk-update-jobs/`` (Klaviyo, see ``.klaviyo``),
    ``POST /oauth2/token`` and ``POST /v2/categories/bulk/id`` (Propeller, see ``.propeller``).
Control routes (used by tests, the demo and the benchmarks; recorded in cassettes)
    ``POST /__sandbox__/reset``: store back to the root category; tokens, faults, counters and
    rate windows cleared.
    ``POST /__sandbox__/faults`` ``{"faults": ["429", "token:503", "slow:2", ...]}``: queue
    faults, played FIFO (see ``.faults``); 400 on an unknown one, and nothing is queued.
    ``POST /__sandbox__/expire-tokens``: every issued token is now expired.
    ``GET /__sandbox__/state``: the store, issued tokens, counters and pending faults.
Every response carries an ``x-request-id``, as both real services send one.
"""

from __future__ import annotations

import uuid
from typing import Any

import attrs
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .config import SandboxConfig
from .faults import FaultQueue, Flavour, error_body, json_response, with_faults
from .klaviyo import KlaviyoEmulator
from .klaviyo_jobs import SubmittedJobs
from .propeller import PropellerEmulator, envelope

JOBS_PATH = "/api/catalog-category-bulk-update-jobs/"


@attrs.define
class SandboxState:
    config: SandboxConfig
    klaviyo: KlaviyoEmulator
    submitted: SubmittedJobs
    propeller: PropellerEmulator
    faults: FaultQueue

    def reset(self) -> None:
        self.submitted.reset()
        self.klaviyo.reset()
        self.propeller.reset()
        self.faults.reset()

    def snapshot(self) -> dict[str, Any]:
        return {
            "klaviyo": {"jobs": len(self.klaviyo.jobs), "requests": self.klaviyo.requests},
            "propeller": self.propeller.state(),
            "faults": list(self.faults.pending),
        }


def create_app(config: SandboxConfig | None = None) -> Starlette:
    config = config or SandboxConfig()
    limits = [
        (config.klaviyo_burst, config.klaviyo_burst_window),
        (config.klaviyo_steady, config.klaviyo_steady_window),
    ]
    klaviyo = KlaviyoEmulator(config.jobs, config.seed, limits)
    # Klaviyo's limits for job submission: 75/s burst, 750/min steady.
    submit_limits = [(75, config.klaviyo_burst_window), (750, config.klaviyo_steady_window)]
    if config.klaviyo_burst > 350:  # limits lifted (schemathesis, benchmarks): lift these too
        submit_limits = limits
    state = SandboxState(
        config=config,
        klaviyo=klaviyo,
        submitted=SubmittedJobs(klaviyo.jobs, submit_limits),
        propeller=PropellerEmulator(dict(config.clients), config.token_ttl),
        faults=FaultQueue(config.fault_rate, config.fault_kinds, config.seed),
    )

    def api(flavour: Flavour, handler: Any) -> Any:
        async def endpoint(request: Request) -> Response:
            return await with_faults(state.faults, flavour, lambda: handler(request))

        return endpoint

    async def reset(_: Request) -> Response:
        state.reset()
        return Response(status_code=204)

    async def add_faults(request: Request) -> Response:
        try:
            faults = (await request.json())["faults"]
            if not isinstance(faults, list) or not all(isinstance(f, str) for f in faults):
                raise TypeError("faults must be a list of strings")
            state.faults.add(faults)
        except (ValueError, KeyError, TypeError) as exc:
            return JSONResponse({"error": str(exc)}, 400)
        return JSONResponse({"pending": state.faults.pending})

    async def expire_tokens(_: Request) -> Response:
        state.propeller.expire_tokens()
        return Response(status_code=204)

    async def snapshot(_: Request) -> Response:
        return JSONResponse(state.snapshot())

    routes = [
        Route(JOBS_PATH, api("klaviyo", state.klaviyo.list_jobs), methods=["GET"]),
        Route(JOBS_PATH.rstrip("/"), api("klaviyo", state.klaviyo.list_jobs), methods=["GET"]),
        Route(JOBS_PATH, api("klaviyo", state.submitted.create), methods=["POST"]),
        Route(JOBS_PATH.rstrip("/"), api("klaviyo", state.submitted.create), methods=["POST"]),
        Route(JOBS_PATH + "{job_id}/", api("klaviyo", state.submitted.get), methods=["GET"]),
        Route(JOBS_PATH + "{job_id}", api("klaviyo", state.submitted.get), methods=["GET"]),
        Route("/oauth2/token", api("token", state.propeller.token), methods=["POST"]),
        Route(
            "/v2/categories/bulk/id", api("propeller", state.propeller.bulk_by_id), methods=["POST"]
        ),
        Route(
            "/v2/categories/bulk/sourceId",
            api("propeller", state.propeller.bulk_by_source_id),
            methods=["POST"],
        ),
        Route("/__sandbox__/reset", reset, methods=["POST"]),
        Route("/__sandbox__/faults", add_faults, methods=["POST"]),
        Route("/__sandbox__/expire-tokens", expire_tokens, methods=["POST"]),
        Route("/__sandbox__/state", snapshot, methods=["GET"]),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={HTTPException: _http_error},  # type: ignore[dict-item]
    )
    app.state.sandbox = state
    app.add_middleware(RequestIdMiddleware)
    return app


async def _http_error(request: Request, exc: HTTPException) -> Response:
    """404/405 in the error format of the API the path belongs to."""
    path = request.url.path
    flavour: Flavour = "propeller" if path.startswith(("/v2", "/oauth2")) else "klaviyo"
    status, detail = exc.status_code, exc.detail or "Error"
    if flavour == "propeller":
        code, kind = (10008, "NotFound") if status == 404 else (status, "MethodNotAllowed")
        return envelope(status, code, kind, [detail])
    slug = "not_found" if status == 404 else "method_not_allowed"
    body = error_body("klaviyo", status, detail, code=slug)
    return json_response(body, status, "klaviyo", dict(exc.headers or {}))


class RequestIdMiddleware:
    """Adds ``x-request-id`` to every response that has none (pure ASGI: cut bodies stay cut)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def stamped(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if not any(k.lower() == b"x-request-id" for k, _ in headers):
                    headers.append((b"x-request-id", str(uuid.uuid4()).encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, stamped)
