"""Minimal, fast HTTP/1.1 keep-alive servers for the loopback benchmarks.

A raw ``asyncio.Protocol`` (no framework) so the server costs as little as possible and the
clients are what gets measured. Each runs in a child process of its own, so it does not share
the client's GIL; ``python -m benchmarks.servers KIND`` prints ``READY <port>`` once bound.

Kinds:
- ``pages``: Klaviyo job pages, pre-rendered; per request only a dictionary lookup. Both path
  spellings (with and without the trailing slash) are served.
- ``bulk``: Propeller ``POST /categories/bulk/id`` answering a correct per-item 200 body
  (create on first sight of an id, update after), plus ``POST /oauth2/token``. ``--delay``
  adds simulated server-side work per request, without blocking other connections.
- ``ratelimit``: Klaviyo's endpoint behind fixed-window limits (``--limit COUNT/SECONDS``,
  repeatable): 429 + Retry-After when a window is full, RateLimit-* headers otherwise.
  ``GET /stats`` returns the counters, ``POST /reset`` zeroes them.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import re
import subprocess
import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import Self

from . import fixtures
from .common import ROOT, child_env

Handler = Callable[[str, str, bytes], tuple[bytes, float]]  # -> (response, delay seconds)

_REASONS = {200: b"OK", 404: b"Not Found", 405: b"Method Not Allowed", 429: b"Too Many Requests"}
_CURSOR = re.compile(r"page(?:%5B|\[)cursor(?:%5D|\])=([^&]*)", re.IGNORECASE)


def response(
    status: int,
    body: bytes,
    content_type: bytes = b"application/json",
    headers: tuple[tuple[bytes, bytes], ...] = (),
) -> bytes:
    lines = [
        b"HTTP/1.1 %d %s" % (status, _REASONS.get(status, b"Unknown")),
        b"Content-Type: " + content_type,
        b"Content-Length: %d" % len(body),
        *(name + b": " + value for name, value in headers),
    ]
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


NOT_FOUND = response(
    404,
    b'{"errors":[{"id":"bench","status":404,"code":"not_found","title":"Not found.",'
    b'"detail":"No such page.","source":{"pointer":"/"}}]}',
)


class HttpProtocol(asyncio.Protocol):
    """Parses pipelined-safe HTTP/1.1 requests (Content-Length bodies only; no chunking)."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.buffer = bytearray()
        self.transport: asyncio.Transport | None = None
        self.busy_until = 0.0  # keeps delayed answers in request order on this connection

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            head_end = self.buffer.find(b"\r\n\r\n")
            if head_end < 0:
                return
            head = bytes(self.buffer[:head_end]).decode("latin-1")
            request_line, _, header_text = head.partition("\r\n")
            length = 0
            for line in header_text.split("\r\n"):
                name, _, value = line.partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            end = head_end + 4 + length
            if len(self.buffer) < end:
                return
            body = bytes(self.buffer[head_end + 4 : end])
            del self.buffer[:end]
            method, target, _ = request_line.split(" ", 2)
            answer, delay = self.handler(method, target, body)
            self._send(answer, delay)

    def _send(self, answer: bytes, delay: float) -> None:
        assert self.transport is not None
        if delay <= 0 and self.busy_until == 0.0:
            self.transport.write(answer)
            return
        loop = asyncio.get_running_loop()
        at = max(loop.time() + delay, self.busy_until)
        self.busy_until = at
        loop.call_at(at, self._write_later, answer, at)

    def _write_later(self, answer: bytes, at: float) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.write(answer)
        if self.busy_until == at:
            self.busy_until = 0.0

    def connection_lost(self, exc: Exception | None) -> None:
        self.transport = None


# --- the applications ------------------------------------------------------------------------


def pages_app(
    pages: int, per_page: int, mixed: bool = False, unknown_status: bool = True
) -> Handler:
    rendered = fixtures.render_pages(pages, per_page, mixed=mixed, unknown_status=unknown_status)
    answers = {
        cursor: response(200, body, b"application/vnd.api+json")
        for cursor, body in rendered.bodies.items()
    }
    paths = {fixtures.JOBS_PATH, fixtures.JOBS_PATH + "/"}

    def handle(method: str, target: str, body: bytes) -> tuple[bytes, float]:
        path, _, query = target.partition("?")
        if path not in paths:
            return NOT_FOUND, 0.0
        found = _CURSOR.search(query)
        return answers.get(found.group(1) if found else None, NOT_FOUND), 0.0

    return handle


def bulk_app(delay: float) -> Handler:
    seen: set[int] = set()
    token = response(200, b'{"access_token":"bench-token","expires_in":1800,"token_type":"Bearer"}')

    def handle(method: str, target: str, body: bytes) -> tuple[bytes, float]:
        if target.endswith("/oauth2/token"):
            return token, 0.0
        if not target.endswith("/categories/bulk/id"):
            return NOT_FOUND, 0.0
        items = json.loads(body)["categories"]
        data = []
        for item in items:
            cid = item["id"]
            action = "update" if cid in seen else "create"
            seen.add(cid)
            data.append(
                {"action": action, "id": cid, "key": cid, "lookupKey": "id", "success": True}
            )
        payload = {"data": data, "messages": ["Completed"], "total": len(data)}
        return response(200, json.dumps(payload).encode()), delay

    return handle


class FixedWindows:
    """Klaviyo-style limits: at most ``count`` requests per fixed window of ``period`` s."""

    def __init__(self, limits: list[tuple[int, float]], clock: Callable[[], float]) -> None:
        self.limits = limits
        self.clock = clock
        self.windows: list[tuple[int, int]] = [(-1, 0) for _ in limits]  # (window, used)
        self.stats = {"ok": 0, "throttled": 0, "first": 0.0, "last": 0.0}

    def admit(self) -> tuple[bool, int, float]:
        """(admitted, remaining, seconds until the binding window resets)."""
        now = self.clock()
        remaining, reset, full_reset = math.inf, 0.0, 0.0
        full = False
        for i, (count, period) in enumerate(self.limits):
            window = int(now // period)
            current, used = self.windows[i]
            if current != window:
                self.windows[i] = (window, 0)
                used = 0
            ends_in = (window + 1) * period - now
            if used >= count:
                full = True
                full_reset = max(full_reset, ends_in)
            if count - used - 1 < remaining:
                remaining, reset = count - used - 1, ends_in
        if full:
            self.stats["throttled"] += 1
            return False, 0, full_reset
        for i, (window, used) in enumerate(self.windows):
            self.windows[i] = (window, used + 1)
        if not self.stats["ok"]:
            self.stats["first"] = now
        self.stats["ok"] += 1
        self.stats["last"] = now
        return True, int(remaining), reset


def ratelimit_app(limits: list[tuple[int, float]]) -> Handler:
    page = fixtures.render_pages(1, 1).bodies[None]
    windows = FixedWindows(limits, time.monotonic)
    limit_header = ", ".join(
        [str(limits[0][0])] + [f"{count};w={period:g}" for count, period in limits]
    ).encode()

    def handle(method: str, target: str, body: bytes) -> tuple[bytes, float]:
        nonlocal windows
        path = target.partition("?")[0]
        if path == "/stats":
            return response(200, json.dumps(windows.stats).encode()), 0.0
        if path == "/reset":
            windows = FixedWindows(limits, time.monotonic)
            return response(200, b"{}"), 0.0
        if path.rstrip("/") != fixtures.JOBS_PATH:
            return NOT_FOUND, 0.0
        admitted, remaining, reset = windows.admit()
        # Integer seconds, as Klaviyo sends them; rounded up so a client never comes back early.
        seconds = str(math.ceil(reset)).encode()
        if not admitted:
            throttled = (
                b'{"errors":[{"id":"bench","status":429,"code":"throttled",'
                b'"title":"Request was throttled.","detail":"Request was throttled."}]}'
            )
            return response(
                429, throttled, b"application/vnd.api+json", ((b"Retry-After", seconds),)
            ), 0.0
        headers = (
            (b"RateLimit-Limit", limit_header),
            (b"RateLimit-Remaining", str(remaining).encode()),
            (b"RateLimit-Reset", seconds),
        )
        return response(200, page, b"application/vnd.api+json", headers), 0.0

    return handle


def _limit(text: str) -> tuple[int, float]:
    count, _, period = text.partition("/")
    return int(count), float(period)


async def serve(handler: Handler, port: int) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: HttpProtocol(handler), "127.0.0.1", port, backlog=256, reuse_address=True
    )
    bound = server.sockets[0].getsockname()[1]
    print(f"READY {bound}", flush=True)
    async with server:
        await server.serve_forever()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("kind", choices=["pages", "bulk", "ratelimit"])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--per-page", type=int, default=100)
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--mixed", action="store_true", help="pages of mixed-shape jobs")
    parser.add_argument(
        "--known-statuses", action="store_true", help="mixed, but only the spec's statuses"
    )
    parser.add_argument("--limit", type=_limit, action="append", default=[])
    args = parser.parse_args(argv)
    if args.kind == "pages":
        handler = pages_app(args.pages, args.per_page, args.mixed, not args.known_statuses)
    elif args.kind == "bulk":
        handler = bulk_app(args.delay)
    else:
        handler = ratelimit_app(args.limit or [(35, 1.0), (350, 10.0)])
    with contextlib.suppress(KeyboardInterrupt):  # a Ctrl-C on the benchmark run
        asyncio.run(serve(handler, args.port))


class ServerProcess:
    """``with ServerProcess("pages") as server: server.url`` runs a server in a child."""

    def __init__(self, kind: str, *args: str, python: str = sys.executable) -> None:
        self.argv = [python, "-m", "benchmarks.servers", kind, *args]
        self.process: subprocess.Popen[str] | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Self:
        self.process = subprocess.Popen(
            self.argv, stdout=subprocess.PIPE, text=True, cwd=ROOT, env=child_env()
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line.startswith("READY "):
            self.process.kill()
            raise RuntimeError(f"server {self.argv[3:]} did not start: {line!r}")
        self.port = int(line.split()[1])
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            if self.process.stdout is not None:
                self.process.stdout.close()


if __name__ == "__main__":
    main()


class SandboxProcess:
    """``with SandboxProcess() as sandbox:`` the project's sandbox, in a child process.

    A child so that the sandbox does not share the measured client's GIL, as the fast
    servers do not.
    """

    def __init__(self, python: str = sys.executable) -> None:
        self.argv = [python, "-m", "benchmarks.sandboxchild"]
        self.process: subprocess.Popen[str] | None = None
        self.api_url = self.token_url = ""

    def __enter__(self) -> Self:
        self.process = subprocess.Popen(
            self.argv,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=child_env(),
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line.startswith("READY "):
            self.process.kill()
            raise RuntimeError(f"the sandbox did not start: {line!r}")
        _, self.api_url, self.token_url = line.split()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.process is None:
            return
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.close()  # the child's cue to stop the sandbox
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()
