"""``klaviyo job [--wait]`` and ``propeller upsert --by source-id``, against a live sandbox."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clihelpers import API_KEY, Sandbox, cli

from catalog_clients import KlaviyoClient

pytestmark = pytest.mark.sandbox


def submitted(live: Sandbox) -> str:
    category = {"type": "catalog-category", "id": "$custom:::$default:::A", "attributes": {}}
    with KlaviyoClient(API_KEY, base_url=live.server.base_url) as client:
        [job] = client.create_category_bulk_update_job([category])
    assert job.id is not None
    return job.id


def test_job_shows_one_job(live: Sandbox) -> None:
    job_id = submitted(live)
    run = cli("klaviyo", "job", job_id)
    assert run.exit_code == 0, run
    [shown] = [json.loads(line) for line in run.stdout.splitlines()]
    assert shown["id"] == job_id and shown["status"] == "processing"  # one look: one step


def test_job_wait_polls_until_done(live: Sandbox) -> None:
    job_id = submitted(live)
    run = cli("klaviyo", "job", job_id, "--wait", "--poll-interval", "0.01", "-o", "json")
    assert run.exit_code == 0, run
    [shown] = json.loads(run.stdout)
    assert shown["status"] == "complete" and shown["completed_count"] == 1


def test_job_wait_times_out_with_the_last_job_and_exit_1(live: Sandbox) -> None:
    # A listed job that stays "processing" (only submitted jobs move on), so the wait must
    # end by its deadline after several looks; a submitted job raced the deadline: on a fast
    # machine its first look came back within a 1 ms timeout, and the final look completed it.
    with KlaviyoClient(API_KEY, base_url=live.server.base_url) as client:
        job = next(client.iter_category_bulk_update_jobs(status="processing"))
    assert job.id is not None
    args = ("--wait", "--timeout", "0.3", "--poll-interval", "0.05")
    run = cli("klaviyo", "job", job.id, *args)
    assert run.exit_code == 1, run
    assert f"job {job.id} is still processing after 0.3 s" in run.stderr
    [shown] = [json.loads(line) for line in run.stdout.splitlines()]
    assert shown["id"] == job.id and shown["status"] == "processing"


def test_an_unknown_job_is_an_error_naming_the_status(live: Sandbox) -> None:
    run = cli("klaviyo", "job", "NOSUCHJOB")
    assert run.exit_code != 0
    assert "404" in run.stderr


def test_upsert_by_source_id_from_csv(live: Sandbox, tmp_path: Path) -> None:
    source = tmp_path / "pim.csv"
    source.write_text(
        "source_id,source,language,parent_id,name_EN\n0012,PIM,EN,1,Bikes\n12,PIM,EN,1,Parts\n",
        encoding="utf-8",
    )
    run = cli("propeller", "upsert", "--by", "source-id", str(source))
    assert run.exit_code == 0, run
    stored = {c.get("sourceId"): c for c in live.categories().values() if c.get("source")}
    assert set(stored) >= {"0012", "12"}
    again = cli("propeller", "upsert", "--by", "source-id", str(source))
    assert again.exit_code == 0, again
    assert "updated" in again.stdout


def test_upsert_by_source_id_refuses_a_csv_without_its_key(tmp_path: Path) -> None:
    source = tmp_path / "pim.csv"
    source.write_text("source,language,parent_id,name_EN\nPIM,EN,1,Bikes\n", encoding="utf-8")
    run = cli("propeller", "upsert", "--by", "source-id", "--dry-run", str(source))
    assert run.exit_code == 2, run
    assert "source_id" in run.stderr
