"""Fuzzing the other parse sites: the error bodies of both vendors, the token answer, and the
CLI's input readers. Each gives its documented typed outcome and nothing else: an
``APIStatusError`` subclass for a non-2xx answer, a token or a typed error for a token answer,
records or an ``InputError`` (naming the line) for an input file.

Values come from a JSON-like strategy whose keys are the ones these bodies use, so that the
readers go past their first check; raw bytes and nesting beyond any recursion limit are fed in
too.
"""

from __future__ import annotations

import io
import json
import pickle
from typing import Any

import httpx
from fuzzhelpers import FUZZ
from hypothesis import given, settings
from hypothesis import strategies as st

from catalog_clients import errors
from catalog_clients._http.responses import raise_for_status
from catalog_clients.cli.csv_input import read_csv
from catalog_clients.cli.inputs import read_json, read_jsonl
from catalog_clients.cli.records import InputError
from catalog_clients.klaviyo._core import read_error_body
from catalog_clients.propeller._errors import read_error_envelope
from catalog_clients.propeller._token import token_from_response

QUICK = settings(FUZZ, max_examples=150)  # four sites, each cheaper to cover
KEYS = st.sampled_from(
    [
        *("errors", "error", "id", "status", "code", "title", "detail", "source", "pointer"),
        *("parameter", "meta", "messages", "type", "moreInfo", "access_token", "expires_in"),
        *("token_type", "names", "language", "value", "parent", "categories"),
    ]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=16),
    st.sampled_from(["Bearer", "10007", "3600", "1e309", "\ud800", "x" * 5000]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS | st.text(max_size=6), inner),
    max_leaves=25,
)
DEEP = st.integers(2000, 100_000).map(lambda n: b"[" * n + b"]" * n)
BODIES = st.one_of(
    VALUES.map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=64),
    DEEP,
    st.integers(2000, 50_000).map(lambda n: b'{"errors":' + b"[" * n + b"]" * n + b"}"),
)


def response(status: int, body: bytes, url: str) -> httpx.Response:
    request = httpx.Request("POST", url)
    headers = {"content-type": "application/json", "x-request-id": "fuzz"}
    return httpx.Response(status, content=body, headers=headers, request=request)


@QUICK
@given(st.sampled_from([400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 520]), BODIES)
def test_every_error_body_becomes_a_typed_status_error(status: int, body: bytes) -> None:
    for reader, url in (
        (read_error_body, "https://a.klaviyo.com/api/catalog-category-bulk-update-jobs"),
        (read_error_envelope, "https://api.helice.cloud/v2/categories/bulk/id"),
    ):
        try:
            raise_for_status(response(status, body, url), reader)
        except errors.APIStatusError as exc:
            assert exc.status_code == status and exc.request_id == "fuzz"
            again = pickle.loads(pickle.dumps(exc))  # what a task queue does with it
            assert type(again) is type(exc) and str(again) == str(exc)
        else:
            raise AssertionError(f"no error for a {status}")


@QUICK
@given(st.sampled_from([200, 400, 401, 429, 503]), BODIES)
def test_every_token_answer_is_a_token_or_a_typed_error(status: int, body: bytes) -> None:
    try:
        token = token_from_response(response(status, body, "https://api.helice.cloud/token"), 0.0)
    except (errors.AuthenticationError, errors.ResponseDecodeError, errors.APIStatusError):
        return
    assert status == 200 and isinstance(token.value, str) and token.value


def _read(reader: Any, raw: bytes) -> list[Any]:
    try:
        return list(reader(raw))
    except InputError as exc:
        assert str(exc)  # says what is wrong (and where)
        return []


LINES = st.lists(
    st.one_of(
        VALUES.map(lambda v: json.dumps(v)),
        st.text(max_size=40),
        st.sampled_from(["", "[", '{"id": 1', "\ud800", '"\\ud800"', "1e309"]),
    ),
    max_size=6,
)


CSV_HEADER = b"id,language,parent_id,name_EN\n"


@QUICK
@given(LINES, DEEP)
def test_every_input_file_is_records_or_an_input_error(lines: list[str], deep: bytes) -> None:
    raw = "\n".join(lines).encode("utf-8", "surrogatepass")
    for data in (raw, deep, raw + b"\n" + deep):
        _read(lambda d: read_jsonl(io.BytesIO(d)), data)
        _read(lambda d: read_json(io.BytesIO(d)), data)
        _read(lambda d: read_csv(io.BytesIO(d)), data)
        _read(lambda d: read_csv(io.BytesIO(CSV_HEADER + d)), data)


ONE_JOB = st.one_of(
    BODIES,
    VALUES.map(lambda v: json.dumps({"data": v}).encode()),
    st.dictionaries(st.sampled_from(["status", "created_at", "errors", "total_count"]), VALUES).map(
        lambda attributes: json.dumps(
            {
                "data": {
                    "type": "catalog-category-bulk-update-job",
                    "id": "j",
                    "attributes": attributes,
                }
            }
        ).encode()
    ),
)


@QUICK
@given(st.sampled_from([200, 202, 404]), ONE_JOB)
def test_every_one_job_answer_is_a_job_or_a_typed_error(status: int, body: bytes) -> None:
    from catalog_clients.klaviyo._base import _one_job

    url = "https://a.klaviyo.com/api/catalog-category-bulk-update-jobs/j"
    try:
        job = _one_job(response(status, body, url))
    except (errors.ResponseDecodeError, errors.APIStatusError):
        return
    assert status < 400
    assert job.id is None or isinstance(job.id, str)
