"""Reliability tests run the real clients against a live sandbox on loopback (no cassettes)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from catalog_clients.sandbox import SandboxConfig, SandboxServer


@pytest.fixture(scope="session")
def sandbox() -> Iterator[SandboxServer]:
    config = SandboxConfig(jobs=250, seed=7, fault_rate=0.0, token_ttl=1800.0)
    with SandboxServer(config, port=0) as server:
        yield server


@pytest.fixture
def control(sandbox: SandboxServer, sandbox_control: Any) -> Any:
    """tests/conftest.py's SandboxControl, pointed at this session's sandbox, freshly reset."""
    view = type(sandbox_control)(sandbox.base_url)
    view.reset()
    return view
