"""The top-level package: its exports, lazy and typed."""

from __future__ import annotations

import inspect
import json
import pydoc
import subprocess
import sys
from datetime import UTC, datetime

import pytest

import catalog_clients
from catalog_clients import (
    AsyncKlaviyoClient,
    AsyncPropellerClient,
    Job,
    JobStatus,
    KlaviyoClient,
    Progress,
    PropellerClient,
    RateLimit,
    RetryPolicy,
)


def test_policies_and_result_types_are_exported_from_the_top() -> None:
    assert RetryPolicy(max_retries=1).max_retries == 1
    assert RateLimit(350, 1.0).count == 350
    assert Progress(1, 2, 3, 1, 0.5).processed == 6
    assert set(catalog_clients.__all__) >= {"RetryPolicy", "RateLimit", "Progress", "BulkResult"}


def test_a_job_reads_as_json_with_iso_datetimes() -> None:
    job = Job(id="j1", status=JobStatus("queued"), created_at=datetime(2025, 1, 2, tzinfo=UTC))
    data = json.loads(job.to_json())
    assert data["id"] == "j1" and data["status"] == "queued"
    assert data["created_at"] == "2025-01-02T00:00:00+00:00" and data["errors"] == []


def test_import_stays_lazy() -> None:
    code = (
        "import sys, catalog_clients; print(sorted(m for m in sys.modules "
        "if 'generated' in m or m.startswith('catalog_clients._http')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "client", [KlaviyoClient, AsyncKlaviyoClient, PropellerClient, AsyncPropellerClient]
)
def test_help_documents_every_constructor_argument(client: type) -> None:
    text = pydoc.render_doc(client, renderer=pydoc.plaintext)
    documented = inspect.getdoc(client.__init__) or ""
    for name in inspect.signature(client).parameters:
        assert f"{name}:" in documented, name
    assert "Args:" in text and "max_response_bytes:" in text  # what help() prints
