"""The sandbox's Klaviyo answers meet Klaviyo's own published schema, not only ours.

Every recorded answer to the list-jobs operation that was not a deliberate fault is
validated against the official OpenAPI document of the revision it was asked for
(``tests/data/official``, cut from github.com/klaviyo/openapi by its ``extract.py``), with
the standard formats: RFC 3339 date-times with an offset, absolute links.
"""

from __future__ import annotations

import functools
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from test_contract import Req, Resp, _body, _first, interactions
from werkzeug.datastructures import Headers

OFFICIAL = Path(__file__).resolve().parents[1] / "data" / "official"
PATH = "/api/catalog-category-bulk-update-jobs"
# Where the real service is looser than its schema (docs/klaviyo.md): the path of the value
# (``#`` for a list index) and what is allowed there.
_ERROR_NAMES = ("id", "code", "title")
NULL_ALLOWED = {"data/#/attributes/errors/#/" + k for k in _ERROR_NAMES}
NULL_ALLOWED |= {"links/prev", "links/next"}
OFFSETS_FROM = "2024-02-15"  # datetimes carry an offset from this revision on


def _allowed(error: Any, sparse: bool, revision: str) -> bool:
    path = "/".join(k if isinstance(k, str) else "#" for k in error.absolute_path)
    if error.instance is None and path in NULL_ALLOWED:
        return True
    if error.validator == "required" and path == "data/#/attributes/errors/#":
        # A job error without id, code or title: absent before nulls were allowed.
        return any(repr(name) in error.message for name in _ERROR_NAMES)
    if error.validator == "format" and revision < OFFSETS_FROM:
        return isinstance(error.instance, str) and not error.instance.endswith(("Z", "+00:00"))
    return sparse and error.validator == "required" and path == "data/#/attributes"


def _problems(exc: Exception, sparse: bool, revision: str) -> list[str]:
    errors = getattr(exc.__cause__, "schema_errors", None)
    if errors is None:  # not a schema error: a status or media type the revision lacks
        return [str(exc.__cause__ or exc)]
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in errors
        if not _allowed(e, sparse, revision)
    ]


@functools.cache
def official(revision: str) -> OpenAPI:
    return OpenAPI.from_file_path(str(OFFICIAL / f"klaviyo-{revision}.json"))


def test_recorded_klaviyo_answers_meet_the_official_schema_of_their_revision() -> None:
    checked: Counter[str] = Counter()
    problems: list[str] = []
    for name, interaction in interactions():
        request, response = interaction["request"], interaction["response"]
        url = urlsplit(request["uri"])
        if url.path.rstrip("/") != PATH or request["method"] != "GET":
            continue
        headers = {k.lower(): v[0] for k, v in (request.get("headers") or {}).items()}
        revision = headers.get("revision", "")
        resp_headers = response.get("headers") or {}
        if (
            _first(resp_headers, "x-sandbox-fault")
            or not (OFFICIAL / f"klaviyo-{revision}.json").exists()
        ):
            continue
        status = response["status"]["code"]
        spec = official(revision)
        path = next(iter(spec.spec["paths"].keys()))
        req = Req(
            "https://a.klaviyo.com",
            path,
            "get",
            None,
            "",
            RequestParameters(header=Headers(headers)),
        )
        resp = Resp(
            data=_body(response.get("body")),
            status_code=status,
            content_type=_first(resp_headers, "content-type"),
            headers=Headers({k: v[0] for k, v in resp_headers.items()}),
        )
        sparse = "fields%5B" in url.query or "fields[" in url.query
        try:
            spec.validate_response(req, resp)
        except Exception as exc:
            found = _problems(exc, sparse, revision)
            if found:
                problems.append(f"{name} ({revision}, {status}): {'; '.join(found)[:300]}")
        checked[f"{revision} {status}"] += 1
    assert not problems, "\n".join(problems[:15]) + f"\n({len(problems)} in all)"
    assert sum(checked.values()) >= 20 and len({k.split()[0] for k in checked}) == 3, checked
