"""The README's Python examples run as written, against a live sandbox, and print what they say."""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from catalog_clients.sandbox import SandboxConfig, SandboxServer

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCKS = re.findall(r"```python\n(.*?)```", README.read_text(), flags=re.S)

pytestmark = pytest.mark.sandbox


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(SandboxConfig(jobs=250, seed=3), port=0) as server:
        yield server


@pytest.fixture
def env(sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch) -> SandboxServer:
    httpx.post(f"{sandbox.base_url}/__sandbox__/reset").raise_for_status()
    for name, value in {
        "KLAVIYO_API_KEY": "pk_readme_example",
        "KLAVIYO_BASE_URL": sandbox.base_url,
        "PROPELLER_CLIENT_ID": "sandbox-client",
        "PROPELLER_CLIENT_SECRET": "sandbox-secret",
        "PROPELLER_BASE_URL": sandbox.propeller_base_url,
        "PROPELLER_TOKEN_URL": sandbox.token_url,
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("KLAVIYO_REVISION", raising=False)
    return sandbox


def run(block: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(block, str(README), "exec"), {})
    return out.getvalue()


def test_the_readme_has_the_six_examples() -> None:
    assert len(BLOCKS) == 6


def test_klaviyo_example(env: SandboxServer) -> None:
    lines = run(next(b for b in BLOCKS if "KlaviyoClient()" in b)).splitlines()
    assert lines[0] == "100 jobs on the first page; more: True"
    queued = lines[1:]
    state = httpx.get(f"{env.base_url}/__sandbox__/state").json()
    assert state["klaviyo"]["requests"] == 2  # the first page, then the one page of queued jobs
    direct = httpx.get(
        f"{env.base_url}/api/catalog-category-bulk-update-jobs/",
        params={"filter": 'equals(status,"queued")'},
        headers={"Authorization": "Klaviyo-API-Key pk_other", "revision": "2024-10-15"},
    ).json()["data"]
    assert [line.split(" ")[0] for line in queued] == [job["id"] for job in direct]


def test_propeller_example(env: SandboxServer) -> None:
    lines = run(next(b for b in BLOCKS if "PropellerClient" in b)).splitlines()
    assert lines[0] == "2 0 1"
    assert lines[1] == "2 Parent category with id [999999] not found."
    categories = httpx.get(f"{env.base_url}/__sandbox__/state").json()["propeller"]["categories"]
    assert {"1800", "1850"} <= categories.keys() and "1900" not in categories


def test_async_klaviyo_example(env: SandboxServer) -> None:
    assert run(next(b for b in BLOCKS if "AsyncKlaviyoClient" in b)) == "jobs: 250\n"


def test_submit_and_wait_example(env: SandboxServer) -> None:
    block = next(b for b in BLOCKS if "wait_for_category_bulk_update_job" in b)
    assert run(block) == "complete 1\nTrue\n"


def test_every_operation_example(env: SandboxServer) -> None:
    block = next(b for b in BLOCKS if "klaviyo.operations" in b)
    assert run(block) == "GetCatalogCategoryBulkUpdateJobsResponse 45\n250 jobs on every page\n"


def test_by_source_id_example(env: SandboxServer) -> None:
    assert run(next(b for b in BLOCKS if "CategoryBySource" in b)) == "2 2\n"


DOCS = README.parent / "docs"


def _doc_block(page: str) -> str:
    [block] = re.findall(r"```python\n(.*?)```", (DOCS / page).read_text(), flags=re.S)
    return str(block)


def test_the_configuration_pages_example_runs(env: SandboxServer) -> None:
    namespace: dict[str, object] = {}
    exec(compile(_doc_block("configuration.md"), "configuration.md", "exec"), namespace)
    first = namespace["first"]
    assert len(first.jobs) == 100  # type: ignore[attr-defined]


def test_the_sandbox_pages_example_prints_its_job_count() -> None:
    assert run(_doc_block("sandbox.md")) == "120\n"
