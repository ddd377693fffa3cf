"""Contract test: every recorded interaction, request and response, conforms to its spec.

The cassettes were recorded over real HTTP against the sandbox, so this checks the sandbox
and the clients against the hand-written specs at once. Responses that the sandbox produced
on purpose as faults (header ``x-sandbox-fault``) are not expected to conform.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
import yaml
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

# openapi-core has no provider for the oauth2 security scheme and warns once per spec; the
# bearer token itself is checked by the Propeller auth tests, not here.
pytestmark = pytest.mark.filterwarnings("ignore:Unsupported scheme type:UserWarning")

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"


def _iso_datetime(value: Any) -> bool:
    """Klaviyo's datetimes, with or without an offset (docs/klaviyo.md).

    Strict RFC 3339 would refuse the seed's own ``2022-11-08T00:00:00``; the client reads
    both with ``datetime.fromisoformat``, so the contract checks exactly that.
    """
    if not isinstance(value, str) or "T" not in value:
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


_CONFIG = Config(extra_format_validators={"date-time": _iso_datetime})
SPECS = {
    name: OpenAPI.from_file_path(str(ROOT / "spec" / f"{name}.yaml"), config=_CONFIG)
    for name in ("klaviyo", "propeller")
}
# Where each recorded path lives in its spec (the sandbox serves both APIs on one host).
ROUTES = (
    ("/api/catalog-category-bulk-update-jobs", "klaviyo", "https://a.klaviyo.com"),
    ("/v2/", "propeller", "https://api.helice.cloud"),
    ("/oauth2/token", "propeller", "https://api.helice.cloud"),
)


@dataclass
class Req:
    host_url: str
    path: str
    method: str
    body: bytes | None
    content_type: str
    parameters: RequestParameters = field(default_factory=RequestParameters)


@dataclass
class Resp:
    data: bytes
    status_code: int
    content_type: str
    headers: Headers


def _first(headers: dict[str, list[str]], name: str) -> str:
    for key, values in headers.items():
        if key.lower() == name.lower():
            return values[0]
    return ""


def _body(raw: Any) -> bytes:
    if raw is None:
        return b""
    if isinstance(raw, dict):
        raw = raw.get("string", b"")
    return raw if isinstance(raw, bytes) else str(raw).encode()


def interactions() -> list[tuple[str, dict[str, Any]]]:
    found = []
    for cassette in sorted(TESTS.rglob("cassettes/**/*.yaml")):
        data = yaml.safe_load(cassette.read_text())
        for interaction in data.get("interactions", []):
            found.append((str(cassette.relative_to(TESTS)), interaction))
    return found


@functools.cache
def _spec_doc(spec_name: str) -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load((ROOT / "spec" / f"{spec_name}.yaml").read_text())
    return doc


def _spec_path(spec_name: str, path: str) -> str:
    """The path as the spec's path key spells it, for a path a revision spells otherwise
    (x-path-by-revision), path parameters included."""
    for key, item in _spec_doc(spec_name)["paths"].items():
        for op in item.values():
            if not isinstance(op, dict):
                continue
            for change in op.get("x-path-by-revision", ()):
                pattern = re.sub(r"\\{(\w+)\\}", r"(?P<\1>[^/]+)", re.escape(change["path"]))
                found = re.fullmatch(pattern, path)
                if found:
                    return str(key).format(**found.groupdict())
    return path


def _route(path: str) -> tuple[str, str] | None:
    for prefix, spec, host in ROUTES:
        if path.startswith(prefix):
            return spec, host
    return None


def test_every_recorded_interaction_conforms_to_its_spec() -> None:
    checked: Counter[str] = Counter()
    problems: list[str] = []
    for name, interaction in interactions():
        request, response = interaction["request"], interaction["response"]
        url = urlsplit(request["uri"])
        route = _route(url.path)
        if route is None:  # /__sandbox__ control calls are not part of either API
            continue
        spec_name, host = route
        spec = SPECS[spec_name]
        req_headers = {k: v[0] for k, v in (request.get("headers") or {}).items()}
        req = Req(
            host_url=host,
            path=_spec_path(spec_name, url.path),
            method=request["method"].lower(),
            body=_body(request.get("body")) or None,
            content_type=_first(request.get("headers") or {}, "content-type"),
            parameters=RequestParameters(
                query=ImmutableMultiDict(parse_qsl(url.query, keep_blank_values=True)),
                header=Headers(req_headers),
            ),
        )
        status = response["status"]["code"]
        where = f"{name}: {request['method']} {url.path}?{url.query} -> {status}"
        if status < 400 or status >= 429:
            # A 4xx may answer a deliberately bad request; anything else answers a valid one.
            try:
                spec.validate_request(req)
            except Exception as exc:
                problems.append(f"{where}: request: {exc}")
        resp_headers = response.get("headers") or {}
        if _first(resp_headers, "x-sandbox-fault"):
            checked["faults skipped"] += 1
            continue
        resp = Resp(
            data=_body(response.get("body")),
            status_code=status,
            content_type=_first(resp_headers, "content-type"),
            headers=Headers({k: v[0] for k, v in resp_headers.items()}),
        )
        try:
            spec.validate_response(req, resp)
        except Exception as exc:
            problems.append(f"{where}: response: {exc}")
        checked[spec_name] += 1
    assert not problems, "\n".join(problems[:20])
    # Not vacuous: both APIs are covered by a real number of recorded exchanges.
    assert checked["klaviyo"] >= 10 and checked["propeller"] >= 10, checked


@pytest.mark.parametrize("spec_name", sorted(SPECS))
def test_spec_rejects_what_the_server_rejects(spec_name: str) -> None:
    """Sanity check that validation is live: an obviously wrong request fails."""
    spec = SPECS[spec_name]
    if spec_name == "klaviyo":
        req = Req(
            host_url="https://a.klaviyo.com",
            path="/api/catalog-category-bulk-update-jobs/",
            method="get",
            body=None,
            content_type="",
            parameters=RequestParameters(
                query=ImmutableMultiDict([("fields[catalog-category-bulk-update-job]", "nope")]),
                header=Headers({"revision": "2023-01-24", "Authorization": "x"}),
            ),
        )
    else:
        req = Req(
            host_url="https://api.helice.cloud",
            path="/v2/categories/bulk/id",
            method="post",
            body=b'{"categories":[{"id":1,"language":"EN","names":[],"parent":{"id":1},'
            b'"shortDescription":[]}]}',
            content_type="application/json",
            parameters=RequestParameters(header=Headers({"Authorization": "Bearer x"})),
        )
    with pytest.raises(Exception, match=r"(?i)invalid|pattern|additional|fail"):
        spec.validate_request(req)
