"""Reading a response body within bounds: at most ``limit`` bytes *after* decompression, and
the call's deadline checked after every read. Fed the raw chunks; no I/O of its own.

httpx's own decoders inflate a whole network chunk at once, so a 64 KiB chunk of a gzip bomb
becomes 64 MiB in one step, and ``Content-Encoding: gzip, gzip`` squares that. Here every
layer inflates with ``max_length``, so memory stays within the limit whatever the ratio.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable

import httpx

# The codings undone here; anything else a server sends is refused (the clients ask for
# these two only).
ACCEPT_ENCODING = "gzip, deflate"
_WBITS = {"gzip": zlib.MAX_WBITS | 16, "x-gzip": zlib.MAX_WBITS | 16, "deflate": zlib.MAX_WBITS}


class TooLarge(Exception):
    """The body grew past the limit; the transport turns this into the typed error."""


class _Layer:
    """One coding undone with a bounded output (deflate: zlib-wrapped or raw, as sent)."""

    def __init__(self, coding: str) -> None:
        if coding not in _WBITS:
            raise httpx.DecodingError(f"unsupported Content-Encoding {coding!r}")
        self.coding = coding
        self._inflate = zlib.decompressobj(_WBITS[coding])
        self._first = True

    def feed(self, data: bytes, room: int) -> bytes:
        first, self._first = self._first, False
        try:
            out = self._inflate.decompress(data, room)
        except zlib.error as exc:
            if not (first and self.coding == "deflate"):
                raise httpx.DecodingError(f"{self.coding}: {exc}") from None
            self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate, no header
            return self.feed(data, room)
        if self._inflate.unconsumed_tail:  # more output than room: past the limit
            raise TooLarge
        return out

    def flush(self) -> bytes:
        try:
            return self._inflate.flush()
        except zlib.error as exc:
            raise httpx.DecodingError(f"{self.coding}: {exc}") from None


class Body:
    """Collects a body: ``feed`` each raw chunk, then ``content()``."""

    def __init__(
        self,
        content_encoding: str | None,
        limit: int,
        remaining: Callable[[], float | None] = lambda: None,
    ) -> None:
        codings = [c.strip().lower() for c in (content_encoding or "").split(",")]
        # Codings are listed in the order applied: the last one is undone first.
        self._layers = [_Layer(c) for c in reversed(codings) if c and c != "identity"]
        self._limit, self._remaining = limit, remaining
        self._chunks: list[bytes] = []
        self._size = 0

    def feed(self, raw: bytes) -> None:
        self._take(raw)
        left = self._remaining()
        if left is not None and left <= 0:
            raise httpx.ReadTimeout("the call's deadline passed while the body was being read")

    def _take(self, data: bytes, flushing: bool = False) -> None:
        for layer in self._layers:
            if not data and not flushing:
                return
            room = self._limit - self._size + 1
            data = layer.feed(data, room) + (layer.flush() if flushing else b"")
        self._size += len(data)
        if self._size > self._limit:
            raise TooLarge
        if data:
            self._chunks.append(data)

    def held(self, response: httpx.Response) -> httpx.Response:
        """A response whose body was read already (built in memory): only the limit applies."""
        if len(response.content) > self._limit:
            raise TooLarge
        return response

    def content(self) -> bytes:
        if self._layers:
            self._take(b"", flushing=True)
        return b"".join(self._chunks)
