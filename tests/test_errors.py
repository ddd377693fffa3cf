"""Every error of the hierarchy survives pickling (multiprocessing, task queues)."""

from __future__ import annotations

import pickle

import pytest

from catalog_clients import errors

ERRORS = [
    errors.ConfigurationError("missing key"),
    errors.InputValidationError([errors.Problem(3, "names", "must not be empty")]),
    errors.PaginationError("the cursor repeats"),
    errors.WaitTimeoutError("job 1 not done", job={"id": "1"}),
    errors.APIConnectionError("ConnectError: refused", method="GET", url="https://x/api"),
    errors.APITimeoutError("ReadTimeout", method="POST", url="https://x/token"),
    errors.ResponseTooLargeError(1024, method="GET", url="https://x/api"),
    errors.ResponseDecodeError("bad JSON", body=b"<html>", status_code=200, headers={"a": "b"}),
    errors.status_error(401, "bad key", headers={"x-request-id": "r1"}, body=b"{}"),
    errors.status_error(429, "slow down", retry_after=30.0, headers={"retry-after": "30"}),
    errors.status_error(400, "bad", schema_error=True, code=10007, messages=["x"]),
    errors.status_error(
        400, "bad", errors=[errors.ErrorDetail(id="e", status=400, code="invalid")]
    ),
    errors.status_error(503, "down"),
]


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
def test_errors_pickle_to_the_same_type_message_and_fields(error: Exception) -> None:
    error.add_note("created before this error (1 job(s)): j1")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error) and copy.args == error.args
    assert vars(copy) == vars(error)
    assert copy.__notes__ == ["created before this error (1 job(s)): j1"]
    if isinstance(error, errors.RateLimitError):
        assert copy.retry_after == 30.0 and copy.status_code == 429
