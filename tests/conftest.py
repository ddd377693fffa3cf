"""Shared test setup: cassette replay rules, secret filtering, and the sandbox address.

Cassettes are recorded over real HTTP against the sandbox (``make cassettes``) at a fixed
loopback address, and replayed offline by ``make test`` (``--record-mode=none
--block-network``). Two guards keep that honest:
- ``vcr_config`` never sets ``record_mode`` and no ``vcr`` marker may set it, because either
  would silently override the command line;
- every cassette's effective record mode is checked against the command line.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl, urlencode

import httpx
import pytest

SANDBOX_URL = os.environ.get("CATALOG_CLIENTS_SANDBOX_URL", "http://127.0.0.1:18765")
KLAVIYO_TEST_KEY = "pk_test_0123456789abcdef0123456789"
PROPELLER_CLIENT_ID = "sandbox-client"
PROPELLER_CLIENT_SECRET = "sandbox-secret"
REDACTED = "REDACTED"
SECRET_FIELDS = ("access_token", "client_secret", "refresh_token", "id_token")


def _redact_request(request: Any) -> Any:
    body = request.body
    if body:
        text = body.decode() if isinstance(body, bytes) else str(body)
        if "client_secret" in text:
            pairs = [(k, REDACTED if k in SECRET_FIELDS else v) for k, v in parse_qsl(text)]
            request.body = urlencode(pairs).encode()
    return request


def _redact_response(response: dict[str, Any]) -> dict[str, Any]:
    body = response.get("body", {}).get("string")
    if body and b"access_token" in (body if isinstance(body, bytes) else body.encode()):
        try:
            data = json.loads(body)
        except ValueError:
            return response
        if isinstance(data, dict):
            for key in SECRET_FIELDS:
                if key in data:
                    data[key] = REDACTED
            response["body"]["string"] = json.dumps(data).encode()
    return response


def _json_body_matcher(r1: Any, r2: Any) -> None:
    """Match JSON request bodies by value (chunks may go out in any order under concurrency).

    Non-JSON bodies (the redacted token form) are not compared.
    """
    try:
        b1, b2 = json.loads(r1.body or b"null"), json.loads(r2.body or b"null")
    except ValueError:
        return
    # Raised by hand, not with `assert`: pytest rewrites asserts in conftest, and with the CI
    # variable set it builds the full difflib diff of every non-matching candidate (1,000-item
    # bodies, minutes per chunk). vcr only needs the AssertionError, not the diff.
    if b1 != b2:
        raise AssertionError("JSON bodies differ")


@pytest.fixture(scope="session")
def vcr_config() -> dict[str, Any]:
    # No "record_mode" here, ever: it would override --record-mode=none (see module doc).
    return {
        "filter_headers": [
            ("authorization", REDACTED),
            ("cookie", None),
            ("set-cookie", None),
        ],
        "before_record_request": _redact_request,
        "before_record_response": _redact_response,
        "decode_compressed_response": True,
        "match_on": ["method", "scheme", "host", "port", "path", "query", "json_body"],
    }


def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
    vcr.register_matcher("json_body", _json_body_matcher)


# The three tiers (``make test-fast`` runs the first, ``make test`` all three):
# - unit: the pure core and the shells over in-memory fakes, seconds in all;
# - contract: cassettes, the specs, live loopback sandboxes, the CLI and the README;
# - slow: fuzzing (every hypothesis test), chaos, schemathesis, the fault matrix,
#   regeneration and the bench smoke.
SLOW_FILES = frozenset(
    {
        "tests/reliability/test_schemathesis.py",
        "tests/reliability/test_fault_matrix.py",
        "tests/reliability/test_fuzz_parsers.py",
        "tests/reliability/test_chaos.py",
        "tests/reliability/test_secrets.py",
        "tests/regeneration/test_regeneration.py",
        "tests/test_bench_smoke.py",
        "tests/test_typing_public.py",
    }
)
CONTRACT_DIRS = ("tests/spec/", "tests/sandbox/", "tests/cli/", "tests/reliability/")
CONTRACT_FILES = frozenset({"tests/test_readme.py"})


def tier_of(item: pytest.Item) -> str:
    path = item.nodeid.split("::", 1)[0]
    if path in SLOW_FILES or getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
        return "slow"
    if (
        path in CONTRACT_FILES
        or path.startswith(CONTRACT_DIRS)
        or item.get_closest_marker("vcr") is not None
        or item.get_closest_marker("sandbox") is not None
    ):
        return "contract"
    return "unit"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(getattr(pytest.mark, tier_of(item)))
        for marker in item.iter_markers(name="vcr"):
            if "record_mode" in marker.kwargs:
                raise pytest.UsageError(
                    f"{item.nodeid}: a vcr marker must not set record_mode "
                    "(it would override --record-mode on the command line)"
                )
        if item.get_closest_marker("sandbox") is not None:
            # Live sandbox tests talk to loopback only, even under --block-network.
            item.add_marker(pytest.mark.block_network(allowed_hosts=["127.0.0.1"]))


@pytest.fixture(autouse=True)
def _record_mode_guard(request: pytest.FixtureRequest, vcr: Any) -> None:
    wanted = request.config.getoption("--record-mode")
    if vcr is not None and wanted is not None:
        actual = getattr(vcr.record_mode, "value", vcr.record_mode)
        # pytest-recording plays "rewrite" as: delete the cassette, then record "new_episodes".
        wanted = "new_episodes" if wanted == "rewrite" else wanted
        assert actual == wanted, f"cassette record mode {actual!r} != --record-mode {wanted!r}"


class SandboxControl:
    """Drives the sandbox's /__sandbox__ endpoints; the calls are recorded like any other."""

    def __init__(self, base_url: str = SANDBOX_URL) -> None:
        self.base_url = base_url

    def _post(self, path: str, payload: Any = None) -> Any:
        with httpx.Client(base_url=self.base_url, timeout=10) as client:
            response = client.post(path, json=payload)
            response.raise_for_status()
            return response.json() if response.content else None

    def reset(self) -> None:
        self._post("/__sandbox__/reset")

    def faults(self, *faults: str) -> None:
        self._post("/__sandbox__/faults", {"faults": list(faults)})

    def expire_tokens(self) -> None:
        self._post("/__sandbox__/expire-tokens")

    def state(self) -> dict[str, Any]:
        with httpx.Client(base_url=self.base_url, timeout=10) as client:
            data: dict[str, Any] = client.get("/__sandbox__/state").json()
            return data


@pytest.fixture
def sandbox_control() -> Iterator[SandboxControl]:
    yield SandboxControl()
