"""Chaos: 5,000 categories upserted through a sandbox that faults 20% of API requests.

Per seed, a fresh sandbox: the first 1,000 ids are stored beforehand (faults off), then all
5,000 are upserted with new names by the async client (concurrency 4, fast retries) while a
mix of transient faults hits. Nothing may be lost: every item is created, updated or failed,
every failure names its input, and the store holds exactly what succeeded (the old version
of a stored item whose update failed). Then the failures, written and read back as the CLI's
failures file, are sent again with the faults off, which completes the store.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from faults_table import CLIENT_ID, CLIENT_SECRET, RETRIES, category

from catalog_clients import AsyncPropellerClient, BulkResult
from catalog_clients.cli.common import one_line
from catalog_clients.cli.inputs import InputFile
from catalog_clients.cli.report import FailedItem, write_failures
from catalog_clients.errors import CatalogClientError
from catalog_clients.sandbox import SandboxConfig, SandboxServer
from catalog_clients.sandbox.config import DEFAULT_FAULT_KINDS

pytestmark = pytest.mark.sandbox

SEEDS = (3, 17, 2024)
TOTAL = 5000
STORED_BEFORE = 1000
CHUNK_SIZE = 50  # 100 requests per run, so a 20% fault rate hits about 20 of them
FAULT_RATE = 0.2
# The network's transient faults plus the ones a POST is not retried after (500, 502, 520)
# and 2xx bodies that cannot be parsed.
FAULT_KINDS = (*DEFAULT_FAULT_KINDS, "520", "html200", "badschema200", "truncjson")
ROOT = "1"

INPUT = [category(i + 2, "New") for i in range(TOTAL)]  # ids 2..5001; 1 is the root
BEFORE = [category(i + 2, "Old") for i in range(STORED_BEFORE)]


def set_fault_rate(server: SandboxServer, rate: float) -> None:
    # In-process: the sandbox takes its random fault rate from its config only, and the
    # store must survive the switch, so a fresh server would not do.
    server.app.state.sandbox.faults.rate = rate


def store_of(server: SandboxServer) -> dict[str, Any]:
    """The sandbox's category store by id, as its control route reports it."""
    state = httpx.get(f"{server.base_url}/__sandbox__/state", timeout=10).raise_for_status()
    categories: dict[str, Any] = state.json()["propeller"]["categories"]
    return categories


def check_accounting(result: BulkResult) -> set[int]:
    """Every item ends as exactly one outcome; returns the indexes of the failed ones."""
    assert result.created + result.updated + result.failed == TOTAL
    failed = [f.index for f in result.failures]
    assert failed == sorted(set(failed)), "a failure is reported twice"
    for failure in result.failures:
        assert failure.item == INPUT[failure.index]
        assert isinstance(failure.error, CatalogClientError | str)
        assert one_line(failure.reason)
    succeeded = [i for i in range(TOTAL) if i not in set(failed)]
    assert result.updated == sum(1 for i in succeeded if i < STORED_BEFORE)
    assert result.created == sum(1 for i in succeeded if i >= STORED_BEFORE)
    return set(failed)


def expected_store(failed: set[int]) -> dict[str, Any]:
    store = {str(item["id"]): item for i, item in enumerate(INPUT) if i not in failed}
    store.update({str(BEFORE[i]["id"]): BEFORE[i] for i in failed if i < STORED_BEFORE})
    return store


def failures_file(result: BulkResult, path: Path) -> list[dict[str, Any]]:
    """The failures as the CLI writes them, and the items its reader sends again."""
    write_failures(
        str(path), [FailedItem(f.index, f.item, one_line(f.reason)) for f in result.failures]
    )
    with InputFile(str(path), "jsonl") as source:
        return [record.item for record in source.records()]


@pytest.mark.parametrize("seed", SEEDS)
async def test_chaos_upsert_loses_nothing(seed: int, tmp_path: Path) -> None:
    config = SandboxConfig(jobs=0, seed=seed, fault_rate=FAULT_RATE, fault_kinds=FAULT_KINDS)
    with SandboxServer(config, port=0) as server:
        async with AsyncPropellerClient(
            CLIENT_ID,
            CLIENT_SECRET,
            base_url=server.propeller_base_url,
            token_url=server.token_url,
            retry_policy=RETRIES,
            concurrency=4,
        ) as client:
            set_fault_rate(server, 0.0)
            before = await client.bulk_upsert_categories_by_id(BEFORE, chunk_size=CHUNK_SIZE)
            assert before.created == STORED_BEFORE

            set_fault_rate(server, FAULT_RATE)
            started = time.monotonic()
            result = await client.bulk_upsert_categories_by_id(INPUT, chunk_size=CHUNK_SIZE)
            elapsed = time.monotonic() - started
            faults = server.app.state.sandbox.faults.injected
            failed = check_accounting(result)
            assert failed, "no chunk failed: the run did not test anything"
            # A failed chunk took at least one fault; the faults left over were retried away.
            assert faults > len(failed) / CHUNK_SIZE, "no fault was recovered from"
            store = store_of(server)
            assert store.pop(ROOT)["id"] == 1
            assert store == expected_store(failed)

            set_fault_rate(server, 0.0)
            retried = failures_file(result, tmp_path / "failures.jsonl")
            assert retried == [INPUT[i] for i in sorted(failed)]
            again = await client.bulk_upsert_categories_by_id(retried, chunk_size=CHUNK_SIZE)
            assert (again.failed, again.created + again.updated) == (0, len(retried))
            store = store_of(server)
            assert store.pop(ROOT)["id"] == 1
            assert store == {str(item["id"]): item for item in INPUT}
    print(
        f"seed {seed}: created {result.created}, updated {result.updated}, "
        f"failed {result.failed}, {faults} faults injected, {elapsed:.1f} s"
    )
