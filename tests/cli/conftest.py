"""CLI tests run the real command against a live sandbox on loopback (no cassettes).

One sandbox serves the whole session; its state is reset before every test that uses it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from clihelpers import SANDBOX_JOBS, Sandbox


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Any]:
    from catalog_clients.sandbox import SandboxConfig, SandboxServer

    with SandboxServer(SandboxConfig(jobs=SANDBOX_JOBS, seed=11), port=0) as server:
        yield server


@pytest.fixture
def live(sandbox: Any, monkeypatch: pytest.MonkeyPatch) -> Sandbox:
    """A reset sandbox, and the environment variables that point the CLI at it."""
    view = Sandbox(sandbox)
    view.reset()
    # COLUMNS too: pytest-xdist workers have COLUMNS=80, which the CLI (rightly) honours.
    for name in ("KLAVIYO_REVISION", "CATALOG_CLIENTS_LOG", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in view.env.items():
        monkeypatch.setenv(name, value)
    return view
