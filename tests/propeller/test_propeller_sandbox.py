"""The public clients against the sandbox, replayed from cassettes recorded over real HTTP.

Record with ``make cassettes`` (sandbox on 127.0.0.1:18765); ``make test`` replays offline.
The /__sandbox__ control calls (reset, faults, expire-tokens, state) are recorded too, so the
store's state checked here is the one the sandbox reported while recording.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from fakes import NO_WAIT

from catalog_clients import (
    AsyncPropellerClient,
    Category,
    CategoryBySource,
    Directives,
    PropellerClient,
    errors,
)

pytestmark = pytest.mark.vcr


@pytest.fixture
def settings(pytestconfig: pytest.Config) -> ModuleType:
    """tests/conftest.py as pytest loaded it (every conftest is named "conftest")."""
    path = Path(__file__).resolve().parents[1] / "conftest.py"
    for plugin in pytestconfig.pluginmanager.get_plugins():
        if isinstance(plugin, ModuleType) and Path(plugin.__file__ or "").resolve() == path:
            return plugin
    raise LookupError(path)


@pytest.fixture
def make(settings: ModuleType) -> Any:
    def make(cls: type[Any] = PropellerClient, client_id: str | None = None, **kw: Any) -> Any:
        return cls(
            client_id or settings.PROPELLER_CLIENT_ID,
            settings.PROPELLER_CLIENT_SECRET,
            base_url=f"{settings.SANDBOX_URL}/v2",
            token_url=f"{settings.SANDBOX_URL}/oauth2/token",
            retry_policy=NO_WAIT,
            **kw,
        )

    return make


def bike(i: int, **kw: Any) -> Category:
    kw.setdefault("names", {"EN": f"Bikes {i}", "NL": f"Fietsen {i}"})
    kw.setdefault("parent_id", 1)
    return Category(id=i, language="EN", **kw)


def stored(state: dict[str, Any]) -> dict[int, dict[str, Any]]:
    """The sandbox's Propeller store, by category id."""
    categories = state["propeller"]["categories"]
    if isinstance(categories, dict):
        return {int(k): v for k, v in categories.items()}
    return {int(c["id"]): c for c in categories}


def names_of(category: dict[str, Any]) -> dict[str, str]:
    return {n["language"]: n["value"] for n in category["names"]}


# --- the seed's examples ----------------------------------------------------------------------


def test_seed_200_shape_three_creates(make: Any, sandbox_control: Any) -> None:
    sandbox_control.reset()
    with make() as client:
        result = client.bulk_upsert_categories_by_id([bike(1800), bike(1850), bike(1900)])
    assert (result.created, result.updated, result.failed, result.chunks) == (3, 0, 0, 1)
    assert {1800, 1850, 1900} <= stored(sandbox_control.state()).keys()


def test_create_then_update_of_the_same_ids(make: Any, sandbox_control: Any) -> None:
    sandbox_control.reset()
    with make() as client:
        first = client.bulk_upsert_categories_by_id([bike(10), bike(11)])
        again = client.bulk_upsert_categories_by_id(
            [bike(10, names={"EN": "Racing bikes"}), bike(11)]
        )
    assert (first.created, first.updated) == (2, 0)
    assert (again.created, again.updated, again.failed) == (0, 2, 0)
    assert names_of(stored(sandbox_control.state())[10]) == {"EN": "Racing bikes"}


def test_a_missing_parent_is_a_per_item_failure(make: Any, sandbox_control: Any) -> None:
    sandbox_control.reset()
    with make() as client:
        result = client.bulk_upsert_categories_by_id([bike(20), bike(21, parent_id=987654)])
    assert (result.created, result.failed) == (1, 1)
    (failure,) = result.failures
    assert failure.index == 1 and failure.item.id == 21
    assert isinstance(failure.error, str) and "987654" in failure.error
    assert 21 not in stored(sandbox_control.state())


def test_2500_items_in_three_chunks_match_the_store(make: Any, sandbox_control: Any) -> None:
    sandbox_control.reset()
    before = len(stored(sandbox_control.state()))
    progress: list[Any] = []
    with make() as client:
        result = client.bulk_upsert_categories_by_id(
            (bike(100_000 + i) for i in range(2500)), on_progress=progress.append
        )
    assert (result.created, result.updated, result.failed, result.chunks) == (2500, 0, 0, 3)
    assert [p.processed for p in progress] == [1000, 2000, 2500]
    store = stored(sandbox_control.state())
    assert len(store) - before == 2500
    assert all(100_000 + i in store for i in range(2500))


# --- directives ------------------------------------------------------------------------------


def test_skip_if_not_empty_keeps_existing_names(make: Any, sandbox_control: Any) -> None:
    sandbox_control.reset()
    with make() as client:
        client.bulk_upsert_categories_by_id([bike(30, names={"EN": "Original"})])
        result = client.bulk_upsert_categories_by_id(
            [bike(30, names={"EN": "Replaced"}, descriptions={"EN": "Added"})],
            directives=Directives(skip_if_not_empty=["names"]),
        )
    assert result.updated == 1
    category = stored(sandbox_control.state())[30]
    assert names_of(category) == {"EN": "Original"}
    assert category["descriptions"] == [{"language": "EN", "value": "Added"}]


def test_skip_move_on_update_keeps_the_parent(make: Any, sandbox_control: Any) -> None:
    sandbox_control.reset()
    with make() as client:
        client.bulk_upsert_categories_by_id([bike(40), bike(41, parent_id=40)])
        moved = client.bulk_upsert_categories_by_id(
            [bike(41, parent_id=1)], directives=Directives(skip_move_on_update=True)
        )
    assert moved.updated == 1
    assert stored(sandbox_control.state())[41]["parent"] == {"id": 40}


def test_merge_translations_on_update_keeps_other_languages(
    make: Any, sandbox_control: Any
) -> None:
    sandbox_control.reset()
    with make() as client:
        client.bulk_upsert_categories_by_id([bike(50, names={"EN": "Bikes", "NL": "Fietsen"})])
        client.bulk_upsert_categories_by_id(
            [bike(50, names={"EN": "Cycles"})],
            directives=[{"operation": "mergeTranslationsOnUpdate", "fields": []}],
        )
        merged = names_of(stored(sandbox_control.state())[50])
        client.bulk_upsert_categories_by_id([bike(50, names={"EN": "Cycles only"})])
    assert merged == {"EN": "Cycles", "NL": "Fietsen"}
    assert names_of(stored(sandbox_control.state())[50]) == {"EN": "Cycles only"}


# --- faults and tokens -----------------------------------------------------------------------


def test_a_chunk_answered_503_then_200(make: Any, sandbox_control: Any) -> None:
    sandbox_control.reset()
    sandbox_control.faults("503")
    with make() as client:
        result = client.bulk_upsert_categories_by_id([bike(60), bike(61)])
    assert (result.created, result.failed) == (2, 0)


def test_an_expired_token_is_refreshed_once(make: Any, sandbox_control: Any) -> None:
    sandbox_control.reset()
    with make() as client:
        client.bulk_upsert_categories_by_id([bike(70)])
        sandbox_control.expire_tokens()
        result = client.bulk_upsert_categories_by_id([bike(70)])
        assert client.auth.fetches == 2
    assert (result.updated, result.failed) == (1, 0)


@pytest.mark.parametrize(
    ("client_id", "token_type", "lifetime"),
    [("sandbox-client", "Bearer", int), ("sandbox-client-apigee", "BearerToken", str)],
)
def test_both_token_response_shapes(
    make: Any, sandbox_control: Any, client_id: str, token_type: str, lifetime: type
) -> None:
    sandbox_control.reset()
    seen: list[httpx.Response] = []
    with make(client_id=client_id) as client:
        client._http.event_hooks["response"].append(seen.append)  # sees the token answer too
        result = client.bulk_upsert_categories_by_id([bike(80)])
    token_answer = next(r for r in seen if r.url.path == "/oauth2/token").json()
    assert token_answer["token_type"] == token_type
    assert type(token_answer["expires_in"]) is lifetime
    assert result.created == 1
    bulk = next(r for r in seen if r.url.path.endswith("/bulk/id"))
    assert bulk.request.headers["authorization"].startswith("Bearer ")


def test_a_refused_client_raises_authentication_error(make: Any, sandbox_control: Any) -> None:
    sandbox_control.reset()
    with (
        make(client_id="no-such-client") as client,
        pytest.raises(errors.AuthenticationError) as info,
    ):
        client.bulk_upsert_categories_by_id([bike(90)])
    assert info.value.status_code == 401
    assert "the token endpoint refused the client credentials" in str(info.value)


# --- sync and async agree ---------------------------------------------------------------------


def mixed(n: int) -> list[Any]:
    items: list[Any] = [bike(200_000 + i) for i in range(n)]
    items[3] = {"id": 3, "language": "EN"}  # invalid: reported, not sent
    items[7] = bike(200_007, parent_id=987654)  # refused by the server
    return items


async def test_async_with_concurrency_matches_sync(make: Any, sandbox_control: Any) -> None:
    sandbox_control.reset()
    with make() as client:
        expected = client.bulk_upsert_categories_by_id(mixed(450), chunk_size=100)
    sync_store = stored(sandbox_control.state())
    sandbox_control.reset()
    async with make(AsyncPropellerClient) as aclient:
        got = await aclient.bulk_upsert_categories_by_id(mixed(450), chunk_size=100, concurrency=3)
    assert (
        (got.created, got.updated, got.failed, got.chunks)
        == (expected.created, expected.updated, expected.failed, expected.chunks)
        == (448, 0, 2, 5)
    )
    assert [f.index for f in got.failures] == [f.index for f in expected.failures] == [3, 7]
    assert stored(sandbox_control.state()).keys() == sync_store.keys()


# --- by source id ----------------------------------------------------------------------------


def by_source(source_id: str, **kw: Any) -> CategoryBySource:
    kw.setdefault("names", {"EN": f"Source {source_id}"})
    kw.setdefault("parent_id", 1)
    kw.setdefault("language", "EN")
    return CategoryBySource(source_id=source_id, source="PIM", **kw)


def by_source_in_store(state: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["sourceId"]: c for c in stored(state).values() if c.get("source") == "PIM"}


def test_by_source_id_creates_then_updates_with_string_keys(
    make: Any, sandbox_control: Any
) -> None:
    sandbox_control.reset()
    # "0012" and "12" are different source ids: keys are compared as text.
    items = [by_source("0012"), by_source("12"), {**by_source("A-7").to_wire()}]
    with make() as client:
        first = client.bulk_upsert_categories_by_source_id(items)
        again = client.bulk_upsert_categories_by_source_id(
            [by_source("0012", names={"EN": "Renamed"}), by_source("12")]
        )
    assert (first.created, first.updated, first.failed) == (3, 0, 0)
    assert (again.created, again.updated, again.failed) == (0, 2, 0)
    store = by_source_in_store(sandbox_control.state())
    assert set(store) == {"0012", "12", "A-7"}
    assert names_of(store["0012"]) == {"EN": "Renamed"}
    assert names_of(store["12"]) == {"EN": "Source 12"}


def test_by_source_id_2500_items_in_three_chunks_lose_nothing(
    make: Any, sandbox_control: Any
) -> None:
    sandbox_control.reset()
    items = [by_source(f"{i:05d}") for i in range(2499)]
    items.insert(1234, by_source("bad", language="English"))  # refused client-side
    progress: list[Any] = []

    async def run() -> Any:
        async with make(AsyncPropellerClient) as client:
            return await client.bulk_upsert_categories_by_source_id(
                items, concurrency=2, on_progress=progress.append
            )

    result = asyncio.run(run())
    assert (result.created, result.updated, result.failed) == (2499, 0, 1)
    assert result.total == len(items) == 2500
    (failure,) = result.failures
    assert failure.index == 1234 and "language" in failure.reason
    assert result.chunks == 3
    assert len(by_source_in_store(sandbox_control.state())) == 2499


def test_by_source_id_refuses_items_without_their_key(make: Any, sandbox_control: Any) -> None:
    sandbox_control.reset()
    item = {"source": "PIM", "language": "EN", "names": [{"language": "EN", "value": "x"}]}
    with make() as client:
        result = client.bulk_upsert_categories_by_source_id([item, by_source("ok")])
    assert (result.created, result.failed) == (1, 1)
    assert "sourceId" in result.failures[0].reason and "parent" in result.failures[0].reason
