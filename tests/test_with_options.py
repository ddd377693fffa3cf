"""``with_options(...)``: a client with some settings changed, on the same connection pool."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from fakes import NO_WAIT

from catalog_clients import AsyncKlaviyoClient, KlaviyoClient, PropellerClient, errors

PAGE = {"data": [], "links": {"self": "https://a.klaviyo.com/api/x", "next": None}}


class Pool(httpx.MockTransport):
    closed = 0

    def close(self) -> None:
        self.closed += 1


def test_a_derived_client_changes_only_what_it_is_told_and_shares_the_pool() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(503 if len(seen) == 1 else 200, json=PAGE)

    pool = Pool(answer)
    with KlaviyoClient("pk_opts_1", transport=pool, retry_policy=NO_WAIT, rate_limits=None) as k:
        strict = k.with_options(revision="2024-02-15", retry_policy=None, max_retries=0)
        assert isinstance(strict, KlaviyoClient) and strict.revision == "2024-02-15"
        assert strict.base_url == k.base_url and k.revision != "2024-02-15"
        with pytest.raises(errors.ServerError):  # no retries on the derived client
            strict.list_category_bulk_update_jobs()
        strict.close()  # closes nothing of the pool
        assert pool.closed == 0
        assert k.list_category_bulk_update_jobs().jobs == []  # the original still works
    assert pool.closed == 1
    assert [r.headers["revision"] for r in seen] == ["2024-02-15", k.revision]


def test_with_options_refuses_a_bad_setting_like_the_constructor() -> None:
    with KlaviyoClient("pk_opts_2", transport=Pool(lambda r: httpx.Response(200))) as k:
        with pytest.raises(errors.ConfigurationError, match="timeout"):
            k.with_options(timeout=-1)
        with pytest.raises(TypeError):
            k.with_options(no_such_option=1)


def test_async_and_propeller_clients_have_it_too() -> None:
    async def run() -> str:
        pool = httpx.MockTransport(lambda r: httpx.Response(200, json=PAGE))
        async with AsyncKlaviyoClient("pk_opts_3", transport=pool, rate_limits=None) as k:
            derived = k.with_options(revision="2025-01-15")
            await derived.list_category_bulk_update_jobs()
            return derived.revision

    assert asyncio.run(run()) == "2025-01-15"
    with PropellerClient("id", "secret", transport=Pool(lambda r: httpx.Response(200))) as p:
        derived = p.with_options(concurrency=4)
        assert (derived.concurrency, p.concurrency) == (4, 1)
        assert derived.auth.client_id == "id"


def test_an_async_client_used_from_a_second_event_loop_is_a_configuration_error() -> None:
    pool = httpx.MockTransport(lambda r: httpx.Response(200, json=PAGE))
    k = AsyncKlaviyoClient("pk_loops_1", transport=pool, rate_limits=None)

    async def once() -> int:
        return len((await k.list_category_bulk_update_jobs()).jobs)

    assert asyncio.run(once()) == 0
    with pytest.raises(errors.ConfigurationError, match="one client per loop"):
        asyncio.run(once())
    asyncio.run(k.aclose())


def test_proxies_come_from_the_environment_unless_given_or_trust_env_is_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from catalog_clients._http.client import HttpSettings, proxy_for

    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.corp.test:3128")
    monkeypatch.setenv("NO_PROXY", "internal.test")
    assert proxy_for(HttpSettings("https://a.klaviyo.com")) == "http://proxy.corp.test:3128"
    assert proxy_for(HttpSettings("https://x.internal.test")) is None
    assert proxy_for(HttpSettings("https://a.klaviyo.com", trust_env=False)) is None
    given = HttpSettings("https://a.klaviyo.com", proxy="http://u:p@other.test:8080")
    assert proxy_for(given) == "http://u:p@other.test:8080"
    # The real transport at the bottom of a client's stack is set up with it.
    with KlaviyoClient("pk_proxy_1") as k:
        pool = k._http._transport.inner
        assert "proxy.corp.test" in str(pool._pool._proxy_url)
    with pytest.raises(errors.ConfigurationError, match="proxy"):
        KlaviyoClient("pk_proxy_2", proxy="ftp://nope")


def test_a_timeout_may_be_an_httpx_timeout() -> None:
    timeout = httpx.Timeout(5.0, connect=2.0)
    with KlaviyoClient("pk_timeout_1", timeout=timeout) as k:
        assert k._http.timeout.connect == 2.0 and k._http.timeout.read == 5.0
    with pytest.raises(errors.ConfigurationError, match=r"timeout\.read"):
        KlaviyoClient("pk_timeout_2", timeout=httpx.Timeout(5.0, read=-1))


def test_a_propeller_copy_uses_the_originals_token_unless_its_credentials_change() -> None:
    tokens: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/token"):
            tokens.append(request.content.decode())
            return httpx.Response(200, json={"access_token": f"t{len(tokens)}", "expires_in": 600})
        return httpx.Response(200, json={"data": [{"key": 1, "success": True, "action": "create"}]})

    item = {
        "id": 1,
        "language": "EN",
        "names": [{"language": "EN", "value": "x"}],
        "parent": {"id": 1},
    }
    with PropellerClient("id", "secret", transport=Pool(answer), retry_policy=NO_WAIT) as p:
        assert p.bulk_upsert_categories_by_id([item]).created == 1
        quick = p.with_options(timeout=5, max_retries=0)
        assert quick.bulk_upsert_categories_by_id([item]).created == 1
        assert len(tokens) == 1  # the copy sent the original's token
        other = p.with_options(client_id="id-2")
        assert other.bulk_upsert_categories_by_id([item]).created == 1
        assert len(tokens) == 2 and "id-2" in tokens[1]  # new credentials: a token of their own


def test_your_own_http_client_carries_every_request_under_the_clients_policy() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503 if len(seen) == 1 else 200, json=PAGE)

    mine = httpx.Client(
        transport=httpx.MockTransport(answer), event_hooks={"request": [seen.append]}
    )
    with KlaviyoClient("pk_own_1", http_client=mine, retry_policy=NO_WAIT, rate_limits=None) as k:
        assert k.list_category_bulk_update_jobs().jobs == []  # the 503 was retried
        quick = k.with_options(max_retries=0)
        quick.list_category_bulk_update_jobs()
    assert len(seen) == 3  # every request, the retry and the copy's included, went through it
    assert seen[0].headers["Authorization"] == "Klaviyo-API-Key pk_own_1"
    assert seen[0].headers["revision"] == k.revision
    assert not mine.is_closed  # it is the caller's
    mine.close()


def test_your_own_async_client_and_the_token_request_too() -> None:
    paths: list[str] = []

    async def answer(request: httpx.Request) -> httpx.Response:
        paths.append(request.url.path)
        if request.url.path.endswith("/token"):
            return httpx.Response(200, json={"access_token": "t", "expires_in": 600})
        return httpx.Response(200, json={"data": [{"key": 1, "success": True, "action": "create"}]})

    async def run() -> int:
        from catalog_clients import AsyncPropellerClient

        item = {
            "id": 1,
            "language": "EN",
            "names": [{"language": "EN", "value": "x"}],
            "parent": {"id": 1},
        }
        async with httpx.AsyncClient(transport=httpx.MockTransport(answer)) as mine:
            async with AsyncPropellerClient("id", "secret", http_client=mine) as p:
                result = await p.bulk_upsert_categories_by_id([item])
            assert not mine.is_closed
            return result.created

    assert asyncio.run(run()) == 1
    assert paths[0].endswith("/token") and paths[1].endswith("/categories/bulk/id")


def test_a_wrong_http_client_is_a_configuration_error() -> None:
    with pytest.raises(errors.ConfigurationError, match=r"needs an httpx\.Client as http_client"):
        KlaviyoClient("pk_own_2", http_client=httpx.AsyncClient())
    with httpx.Client() as mine, pytest.raises(errors.ConfigurationError, match="not both"):
        KlaviyoClient("pk_own_3", http_client=mine, proxy="http://127.0.0.1:3128")
