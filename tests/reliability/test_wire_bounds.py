"""What a hostile server controls on the wire stays bounded: time (a trickling body), memory
(huge and decompression-bomb bodies) and what it may encode. Raw-socket servers on loopback."""

from __future__ import annotations

import gzip
import itertools
import json
import time
import tracemalloc
import zlib
from typing import Any

import pytest
from fakes import NO_WAIT
from rawserver import head, raw_server

from catalog_clients import AsyncKlaviyoClient, KlaviyoClient, errors
from catalog_clients._http import RetryPolicy

# The servers are this test's own, on loopback.
pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
KEY = "pk_wire_0123456789"
PAGE = b'{"data": [], "links": {"self": "https://a.klaviyo.com/api/x", "next": null}}'
JSON = "application/vnd.api+json"


def client(url: str, **options: Any) -> KlaviyoClient:
    options.setdefault("retry_policy", NO_WAIT)
    return KlaviyoClient(KEY, base_url=url, rate_limits=None, **options)


def trickle(send: Any) -> None:
    send(head(content_type=JSON, content_length="1000"))
    for _ in range(100):  # one byte every 0.2 s: each read is quick, the body never ends
        send(b" ")
        time.sleep(0.2)


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_trickling_body_is_stopped_at_the_calls_deadline(kind: str) -> None:
    # The per-read timeout (5 s) never fires; the 1.5 s deadline of the whole call must.
    policy = RetryPolicy(max_retries=3, deadline=1.5)
    with raw_server(trickle) as url:
        started = time.monotonic()
        with pytest.raises(errors.APITimeoutError, match="deadline"):
            if kind == "sync":
                with client(url, timeout=5.0, retry_policy=policy) as k:
                    k.list_category_bulk_update_jobs()
            else:
                import asyncio

                async def run() -> None:
                    async with AsyncKlaviyoClient(
                        KEY, base_url=url, rate_limits=None, timeout=5.0, retry_policy=policy
                    ) as k:
                        await k.list_category_bulk_update_jobs()

                asyncio.run(run())
        elapsed = time.monotonic() - started
    assert elapsed < 1.5 + 1.0  # the deadline plus one trickled byte, never 5 s x retries


def bomb(size: int, layers: int = 1) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = b"\0" * (1024 * 1024)
    body = b"".join(packer.compress(block) for _ in range(size // len(block))) + packer.flush()
    for _ in range(layers - 1):
        body = gzip.compress(body, 9)
    return body


@pytest.mark.parametrize("layers", [1, 2])
def test_a_decompression_bomb_stops_at_the_limit_with_bounded_memory(layers: int) -> None:
    payload = bomb(64 * 1024 * 1024, layers)  # 64 MiB of zeros behind a few KiB on the wire
    encoding = ", ".join(["gzip"] * layers)

    def answer(send: Any) -> None:
        send(head(content_type=JSON, content_encoding=encoding, content_length=str(len(payload))))
        send(payload)

    with raw_server(answer) as url, client(url, max_response_bytes=1024 * 1024) as k:
        tracemalloc.start()
        try:
            with pytest.raises(errors.ResponseTooLargeError) as caught:
                k.list_category_bulk_update_jobs()
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert caught.value.limit == 1024 * 1024
    assert "exceeds 1048576 bytes" in str(caught.value)
    assert peak < 8 * 1024 * 1024  # never the 64 MiB (the old reader held all of it)


def test_a_plain_body_over_the_limit_is_refused_while_streaming() -> None:
    def answer(send: Any) -> None:
        send(head(content_type=JSON, transfer_encoding="chunked"))
        for _ in range(64):  # 4 MiB in 64 KiB chunks, no length announced
            send(b"10000\r\n" + b" " * 0x10000 + b"\r\n")
        send(b"0\r\n\r\n")

    with (
        raw_server(answer) as url,
        client(url, max_response_bytes=256 * 1024) as k,
        pytest.raises(errors.ResponseTooLargeError),
    ):
        k.list_category_bulk_update_jobs()


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        ("gzip", lambda b: gzip.compress(b)),
        ("deflate", zlib.compress),  # zlib-wrapped, as the RFC says
        ("deflate", lambda b: zlib.compress(b, wbits=-zlib.MAX_WBITS)),  # raw, as IIS sends
        ("gzip, gzip", lambda b: gzip.compress(gzip.compress(b))),
        ("identity", lambda b: b),
    ],
)
def test_encoded_pages_within_the_limit_still_parse(encoding: str, encode: Any) -> None:
    payload = encode(PAGE)

    def answer(send: Any) -> None:
        send(head(content_type=JSON, content_encoding=encoding, content_length=str(len(payload))))
        send(payload)

    with raw_server(answer) as url, client(url) as k:
        page = k.list_category_bulk_update_jobs()
    assert page.jobs == [] and page.next_cursor is None


def test_an_encoding_the_client_did_not_ask_for_is_a_typed_error() -> None:
    def answer(send: Any) -> None:
        send(head(content_type=JSON, content_encoding="br", content_length="4"))
        send(b"\x0b\x02\x80{")

    with (
        raw_server(answer) as url,
        client(url) as k,
        pytest.raises(errors.APIConnectionError, match="unsupported Content-Encoding 'br'"),
    ):
        k.list_category_bulk_update_jobs()


def test_the_client_asks_only_for_the_encodings_it_bounds() -> None:
    with client("http://127.0.0.1:9") as k:
        assert k._http.build_request("GET", "/").headers["accept-encoding"] == "gzip, deflate"


_served = itertools.count(1)


def endless(send: Any) -> None:
    """Empty pages, each with a fresh cursor: a walk that never ends by itself."""
    link = f"https://a.klaviyo.com/api/x?page%5Bcursor%5D=c{next(_served)}"
    body = json.dumps({"data": [], "links": {"self": "https://a.klaviyo.com/api/x", "next": link}})
    send(head(content_type=JSON, content_length=str(len(body))))
    send(body.encode())


def test_max_pages_stops_a_server_that_never_stops_handing_out_cursors() -> None:
    with raw_server(endless) as url, client(url) as k:
        assert list(k.iter_category_bulk_update_jobs(max_pages=3)) == []
        pages = list(k.iter_pages(max_pages=4))
    assert len(pages) == 4 and all(p.jobs == [] and p.has_next_page for p in pages)
    with (
        client("http://127.0.0.1:9") as k,
        pytest.raises(errors.InputValidationError, match="max_pages"),
    ):
        k.iter_pages(max_pages=0)


def test_the_cli_limit_also_stops_a_walk_of_empty_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from catalog_clients.cli.app import app

    with raw_server(endless) as url:
        monkeypatch.setenv("KLAVIYO_API_KEY", KEY)
        result = CliRunner().invoke(
            app, ["klaviyo", "jobs", "--limit", "5", "--base-url", url, "--output", "jsonl"]
        )
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
