"""Bad input gets a clear typed error naming the problem, and nothing is sent.

Every test counts the requests that went out (a counting transport, or the sandbox's own
counters) and expects none for the refused input. Already covered elsewhere and not repeated:
each category rule as a pure function (tests/propeller/test_propeller_inputs.py), the
Klaviyo argument checks as pure functions (tests/klaviyo/test_klaviyo_core.py), the basic
constructor checks of both clients, and the CLI's malformed JSON/CSV, latin-1 and empty files
(tests/cli/test_upsert.py). Here: the same rules seen through the clients, both shells, and
the constructor values and input files those tests leave out.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fuzzhelpers import category as good
from typer.testing import CliRunner

from catalog_clients import (
    AsyncKlaviyoClient,
    AsyncPropellerClient,
    KlaviyoClient,
    PropellerClient,
    errors,
)
from catalog_clients.cli.app import app
from catalog_clients.sandbox import SandboxConfig, SandboxServer

KEY = "pk_bad_input_0123456789"
CREDENTIALS = {"client_id": "id", "client_secret": "secret"}


class Counting:
    """A transport that records every request and answers none of them usefully."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(500)

    async def handle_async(self, request: httpx.Request) -> httpx.Response:
        return self.handle(request)

    def sync(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def asynchronous(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle_async)


# --- constructor arguments -------------------------------------------------------------------

BAD_URLS = [
    ("not a url", "absolute http"),
    ("https://", "absolute http"),
    ("//a.klaviyo.com", "absolute http"),
    ("a.klaviyo.com", "absolute http"),
    ("https://a.klaviyo.com:99999", "not a valid URL"),
    ("https://[::1", "not a valid URL"),
    ("file:///etc/passwd", "absolute http"),
]
BAD_SECONDS = [-1, -0.5, float("nan"), float("inf"), True, "30", None]


@pytest.mark.parametrize(("url", "fragment"), BAD_URLS)
@pytest.mark.parametrize("shell", ["sync", "async"])
def test_bad_urls_are_refused_by_every_client(url: str, fragment: str, shell: str) -> None:
    counting = Counting()
    transport = counting.sync() if shell == "sync" else counting.asynchronous()
    klaviyo = KlaviyoClient if shell == "sync" else AsyncKlaviyoClient
    propeller = PropellerClient if shell == "sync" else AsyncPropellerClient
    attempts = [
        lambda: klaviyo(KEY, base_url=url, transport=transport),
        lambda: propeller(**CREDENTIALS, base_url=url, transport=transport),
        lambda: propeller(**CREDENTIALS, token_url=url, transport=transport),
    ]
    for attempt in attempts:
        with pytest.raises(errors.ConfigurationError, match=fragment):
            attempt()
    assert counting.requests == []


@pytest.mark.parametrize("seconds", BAD_SECONDS, ids=repr)
def test_timeouts_must_be_positive_finite_numbers(seconds: Any) -> None:
    for attempt in (
        lambda: KlaviyoClient(KEY, timeout=seconds),
        lambda: AsyncKlaviyoClient(KEY, timeout=seconds),
        lambda: PropellerClient(**CREDENTIALS, timeout=seconds),
        lambda: AsyncPropellerClient(**CREDENTIALS, timeout=seconds),
    ):
        with pytest.raises(errors.ConfigurationError, match="timeout must be a positive number"):
            attempt()


@pytest.mark.parametrize("value", [-1, 1.5, "3", None, True])
def test_retry_and_concurrency_counts_must_be_integers(value: Any) -> None:
    with pytest.raises(errors.ConfigurationError, match="max_retries"):
        PropellerClient(**CREDENTIALS, max_retries=value)
    with pytest.raises(errors.ConfigurationError, match="max_retries"):
        KlaviyoClient(KEY, max_retries=value)
    if value is not None:  # None means "the shell's default"
        with pytest.raises(errors.ConfigurationError, match="concurrency"):
            AsyncPropellerClient(**CREDENTIALS, concurrency=value)


# --- method arguments ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "named", "fragment"),
    [
        ({"status": 1}, "status", "must be a string, got int"),
        ({"status": ["queued"]}, "status", "must be a string, got list"),
        ({"status": ""}, "status", "must not be empty"),
        ({"fields": ["status", "jobid"]}, "fields", "unknown field 'jobid'"),
        ({"fields": "status,created"}, "fields", "unknown field 'created'"),
        ({"fields": "status, ,total_count"}, "fields", "unknown field ''"),
        ({"fields": [None]}, "fields", "item 0 must be a string"),
        ({"fields": 5}, "fields", "must be a list of names or a string"),
        ({"cursor": 5}, "cursor", "must be a non-empty string"),
    ],
)
async def test_klaviyo_arguments_are_refused_by_both_shells(
    kwargs: dict[str, Any], named: str, fragment: str
) -> None:
    counting = Counting()
    with KlaviyoClient(KEY, transport=counting.sync()) as client:
        with pytest.raises(errors.InputValidationError, match=fragment) as caught:
            client.list_category_bulk_update_jobs(**kwargs)
        assert [p.field for p in caught.value.problems] == [named]
        if "cursor" not in kwargs:
            with pytest.raises(errors.InputValidationError, match=fragment):
                client.iter_category_bulk_update_jobs(**kwargs)
    async with AsyncKlaviyoClient(KEY, transport=counting.asynchronous()) as aclient:
        with pytest.raises(errors.InputValidationError, match=fragment):
            await aclient.list_category_bulk_update_jobs(**kwargs)
    assert counting.requests == []


@pytest.mark.parametrize(
    ("kwargs", "named"),
    [
        ({"chunk_size": -1}, "chunk_size"),
        ({"chunk_size": 1.5}, "chunk_size"),
        ({"chunk_size": "10"}, "chunk_size"),
        ({"chunk_size": 10**6}, "chunk_size"),
        ({"concurrency": -1}, "concurrency"),
        ({"concurrency": 21}, "concurrency"),
        ({"directives": "skipMoveOnUpdate"}, "directives"),
    ],
)
async def test_propeller_call_arguments_are_refused_by_both_shells(
    kwargs: dict[str, Any], named: str
) -> None:
    counting = Counting()
    with PropellerClient(**CREDENTIALS, transport=counting.sync()) as client:
        with pytest.raises(errors.InputValidationError) as caught:
            client.bulk_upsert_categories_by_id([good(1)], **kwargs)
        assert [p.field for p in caught.value.problems] == [named]
    async with AsyncPropellerClient(**CREDENTIALS, transport=counting.asynchronous()) as aclient:
        with pytest.raises(errors.InputValidationError):
            await aclient.bulk_upsert_categories_by_id([good(1)], **kwargs)
    assert counting.requests == []


# --- category items through the clients ------------------------------------------------------


# One item per rule of propeller/_validation.py, and the field each must be named by.
BAD_ITEMS: list[tuple[Any, str | None]] = [
    (good(1, id=...), "id"),
    (good(1, id="1"), "id"),
    (good(1, id=True), "id"),
    (good(1, language=...), "language"),
    (good(1, language="ENG"), "language"),
    (good(1, names=...), "names"),
    (good(1, names=[]), "names"),
    (good(1, names={"EN": "x"}), "names"),
    (good(1, names=["x"]), "names[0]"),
    (good(1, names=[{"value": "x"}]), "names[0].language"),
    (good(1, names=[{"language": "EN"}]), "names[0].value"),
    (good(1, names=[{"language": "EN", "value": 1}]), "names[0].value"),
    (good(1, names=[{"language": "EN", "value": "x", "lang": "EN"}]), "names[0].lang"),
    (good(1, descriptions="x"), "descriptions"),
    (good(1, shortDescriptions=[{"language": "E", "value": "x"}]), "shortDescriptions[0].language"),
    (good(1, parent=...), "parent"),
    (good(1, parent=5), "parent"),
    (good(1, parent={}), "parent"),
    (good(1, parent={"id": "1"}), "parent.id"),
    (good(1, parent={"sourceId": "r"}), "parent.source"),
    (good(1, parent={"sourceId": "", "source": "ERP"}), "parent.sourceId"),
    (good(1, parent={"id": 1, "parentId": 2}), "parent.parentId"),
    (good(1, attributes=[1]), "attributes[0]"),
    (good(1, sourceId=1), "sourceId"),
    (good(1, source=None), "source"),
    (good(1, shortDescription=[]), "shortDescription"),
    ("not a category", None),
]


def bulk_items(requests: list[httpx.Request]) -> list[int]:
    return [c["id"] for r in requests for c in json.loads(r.content)["categories"]]


class Upserts:
    """A fake Propeller that accepts every chunk; counts the categories it was sent."""

    def __init__(self) -> None:
        self.bulk: list[httpx.Request] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth2/token"):
            return httpx.Response(200, json={"access_token": "t", "token_type": "Bearer"})
        self.bulk.append(request)
        ids = bulk_items([request])
        data = [{"action": "create", "id": i, "key": i, "success": True} for i in ids]
        return httpx.Response(200, json={"data": data, "messages": ["Completed"]})

    async def handle_async(self, request: httpx.Request) -> httpx.Response:
        return self.handle(request)


async def test_strict_names_every_bad_item_and_sends_nothing() -> None:
    items = [good(100), *(item for item, _ in BAD_ITEMS), good(101)]
    fake = Upserts()
    async with AsyncPropellerClient(
        **CREDENTIALS, transport=httpx.MockTransport(fake.handle_async)
    ) as c:
        with pytest.raises(errors.InputValidationError) as caught:
            await c.bulk_upsert_categories_by_id(items, strict=True)
    named = {(p.index, p.field) for p in caught.value.problems}
    expected = {(i + 1, field) for i, (_, field) in enumerate(BAD_ITEMS)}
    assert expected <= named, expected - named
    assert {p.index for p in caught.value.problems} == set(range(1, len(BAD_ITEMS) + 1))
    assert fake.bulk == []
    assert "item 1 field 'id': is required" in str(caught.value)


def test_without_strict_bad_items_are_reported_and_only_good_ones_sent() -> None:
    items = [good(100), *(item for item, _ in BAD_ITEMS), good(101)]
    fake = Upserts()
    with PropellerClient(**CREDENTIALS, transport=httpx.MockTransport(fake.handle)) as client:
        result = client.bulk_upsert_categories_by_id(items, chunk_size=5)
    assert bulk_items(fake.bulk) == [100, 101]
    assert (result.created, result.failed) == (2, len(BAD_ITEMS))
    for failure, (item, field) in zip(result.failures, BAD_ITEMS, strict=True):
        assert failure.item == item
        assert field is None or field in failure.reason, (field, failure.reason)


# --- CLI input files -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(SandboxConfig(jobs=0), port=0) as server:
        yield server


@pytest.mark.sandbox
@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("utf16.jsonl", '{"id": 1}\n'.encode("utf-16"), "line 1"),
        ("binary.jsonl", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", "line 1"),
        ("nul.jsonl", b'{"id": 1}\x00\n', "line 1"),
        ("header-only.csv", b"id,language,parent_id,name_EN\n", "no categories"),
        ("latin1-header.csv", b"id,language,parent_id,name_\xc9N\n1,EN,1,x\n", "line 1"),
        ("object.json", b'{"id": 1}', "categories"),
    ],
)
def test_unreadable_cli_files_exit_2_and_send_nothing(
    sandbox: SandboxServer, tmp_path: Path, name: str, content: bytes, fragment: str
) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    env = {
        "PROPELLER_CLIENT_ID": "sandbox-client",
        "PROPELLER_CLIENT_SECRET": "sandbox-secret",
        "PROPELLER_BASE_URL": sandbox.propeller_base_url,
        "PROPELLER_TOKEN_URL": sandbox.token_url,
    }
    before = httpx.get(f"{sandbox.base_url}/__sandbox__/state").json()["propeller"]
    result = CliRunner().invoke(app, ["propeller", "upsert", str(source)], env=env)
    after = httpx.get(f"{sandbox.base_url}/__sandbox__/state").json()["propeller"]
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert fragment in result.stderr, result.stderr
    assert "Traceback" not in result.output
    assert (after["token_requests"], after["bulk_requests"]) == (
        before["token_requests"],
        before["bulk_requests"],
    )
