"""``catalog-clients klaviyo jobs``: output formats, paging, filters, errors, early pipe close."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from clihelpers import API_KEY, SANDBOX_JOBS, Sandbox, cli, console_script, subprocess_env

pytestmark = pytest.mark.sandbox


def test_jsonl_is_the_default_off_a_terminal_and_follows_every_page(live: Sandbox) -> None:
    run = cli("klaviyo", "jobs")
    assert run.exit_code == 0, run
    jobs = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(jobs) == SANDBOX_JOBS  # every page
    assert len({job["id"] for job in jobs}) == SANDBOX_JOBS
    assert {"id", "status", "created_at", "total_count", "errors"} <= set(jobs[0])


def test_json_output_is_one_array(live: Sandbox) -> None:
    run = cli("klaviyo", "jobs", "--output", "json", "--limit", "3")
    assert run.exit_code == 0, run
    jobs = json.loads(run.stdout)
    assert isinstance(jobs, list) and len(jobs) == 3


def test_json_output_of_no_jobs_is_an_empty_array(live: Sandbox) -> None:
    run = cli("klaviyo", "jobs", "--status", "no-such-status", "-o", "json")
    assert run.exit_code == 0, run
    assert json.loads(run.stdout) == []


def test_table_output(live: Sandbox) -> None:
    run = cli("klaviyo", "jobs", "--output", "table", "--limit", "5")
    assert run.exit_code == 0, run
    assert "Klaviyo catalog-category bulk-update jobs" in run.stdout
    for header in ("id", "status", "created", "total", "completed", "failed"):
        assert header in run.stdout
    assert "5 jobs" in run.stdout
    # Off a terminal the table is 120 columns wide: each job id stays whole on its line.
    ids = [
        json.loads(line)["id"]
        for line in cli("klaviyo", "jobs", "--limit", "5").stdout.splitlines()
    ]
    assert len(ids) == 5 and all(job_id in run.stdout for job_id in ids)


def test_status_filter_and_sparse_fields(live: Sandbox) -> None:
    run = cli(
        "klaviyo", "jobs", "--status", "queued", "--fields", "status,total_count", "-o", "jsonl"
    )
    assert run.exit_code == 0, run
    jobs = [json.loads(line) for line in run.stdout.splitlines()]
    assert jobs
    assert all(job["status"] == "queued" for job in jobs)
    assert all(set(job) == {"id", "status", "total_count"} for job in jobs)
    # On the default revision (2023-01-24) the id is attributes.job_id: asked for as well.
    assert all(isinstance(job["id"], str) and len(job["id"]) == 26 for job in jobs)


def test_sparse_fields_on_a_new_revision_rely_on_the_top_level_id(live: Sandbox) -> None:
    run = cli("klaviyo", "jobs", "--revision", "2024-10-15", "--fields", "status", "--limit", "3")
    assert run.exit_code == 0, run
    jobs = [json.loads(line) for line in run.stdout.splitlines()]
    assert [set(job) for job in jobs] == [{"id", "status"}] * 3
    assert all(isinstance(job["id"], str) and len(job["id"]) == 26 for job in jobs)


def test_table_with_fields_shows_only_those_columns(live: Sandbox) -> None:
    run = cli("klaviyo", "jobs", "--fields", "status", "--limit", "2", "-o", "table")
    assert run.exit_code == 0, run
    assert "status" in run.stdout and "total" not in run.stdout


def test_missing_api_key_is_a_configuration_error(
    live: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KLAVIYO_API_KEY")
    run = cli("klaviyo", "jobs")
    assert run.exit_code == 2, run
    assert "KLAVIYO_API_KEY" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and "Traceback" not in run.output


def test_plain_http_to_a_real_host_is_refused(live: Sandbox) -> None:
    run = cli("klaviyo", "jobs", "--base-url", "http://a.klaviyo.com")
    assert run.exit_code == 2, run
    assert "plain http" in run.stderr


def test_unknown_sparse_field_is_a_usage_error(live: Sandbox) -> None:
    run = cli("klaviyo", "jobs", "--fields", "status,nope")
    assert run.exit_code == 2, run
    assert "nope" in run.stderr


def test_refused_key_exits_2_in_one_line(live: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KLAVIYO_API_KEY", "not-a-klaviyo-key")
    run = cli("klaviyo", "jobs")
    assert run.exit_code == 2, run  # credentials are configuration
    assert "error:" in run.stderr and "Traceback" not in run.output
    assert "not-a-klaviyo-key" not in run.output


def test_verbose_never_shows_the_api_key(live: Sandbox) -> None:
    run = cli("klaviyo", "jobs", "-vv", "--limit", "150", "-o", "jsonl")
    assert run.exit_code == 0, run
    assert "GET" in run.stderr  # -vv logs every request
    assert API_KEY not in run.output


def test_early_pipe_close_exits_quietly(live: Sandbox) -> None:
    """``catalog-clients klaviyo jobs --output jsonl | head -1``, with a real pipe."""
    # The sandbox's jobs come to far more than a pipe buffer (64 KiB), so the CLI is still
    # writing when the reader goes away.
    with subprocess.Popen(
        [*console_script(), "klaviyo", "jobs", "--output", "jsonl"],
        env=subprocess_env(live.env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()  # what `head -1` does after its line
        stderr = process.stderr.read().decode()
        code = process.wait(timeout=30)

    assert json.loads(first)["id"]
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr, stderr
    assert stderr == ""
    assert code == 0


def test_a_status_the_spec_does_not_know_gets_a_warning(live: Sandbox) -> None:
    run = cli("klaviyo", "jobs", "--status", "queud", "-o", "jsonl")
    assert run.exit_code == 0, run
    assert "warning:" in run.stderr and "'queud'" in run.stderr and "queued" in run.stderr
    assert run.stdout == ""  # sent as given: nothing matches
    known = cli("klaviyo", "jobs", "--status", "queued", "--limit", "1", "-o", "jsonl")
    assert "warning" not in known.stderr


def test_a_wrong_base_url_names_the_url_and_says_what_to_check(
    live: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KLAVIYO_BASE_URL", live.env["KLAVIYO_BASE_URL"] + "/nowhere")
    run = cli("klaviyo", "jobs")
    assert run.exit_code == 1, run
    text = " ".join(run.stderr.split())
    assert "HTTP 404" in text and "[GET " in text and "/nowhere/api/" in text
    assert "check KLAVIYO_BASE_URL / PROPELLER_BASE_URL" in text


def test_json_output_stays_valid_when_the_walk_fails_midway(live: Sandbox) -> None:
    import httpx

    faults = ["klaviyo:slow:0", "klaviyo:html200"]  # page 1 answers, page 2 is junk
    httpx.post(f"{live.server.base_url}/__sandbox__/faults", json={"faults": faults})
    run = cli("klaviyo", "jobs", "-o", "json")
    assert run.exit_code == 1, run
    jobs = json.loads(run.stdout)  # a complete array: the jobs of page 1
    assert len(jobs) == 100 and "ResponseDecodeError" in run.stderr


def test_a_json_array_in_a_jsonl_file_gets_a_hint(live: Sandbox, tmp_path: Path) -> None:
    source = tmp_path / "array.jsonl"
    source.write_text(json.dumps([{"id": 1}, {"id": 2}]) + "\n")
    run = cli("propeller", "upsert", str(source))
    assert run.exit_code == 2, run
    assert "--format json" in run.stderr and "line 1" in run.stderr


def test_a_long_table_is_printed_in_sections_as_it_arrives(
    live: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    from catalog_clients.cli import jobs_output

    monkeypatch.setattr(jobs_output, "TABLE_SECTION", 100)  # a page's worth, sandbox pages
    run = cli("klaviyo", "jobs", "--output", "table", "--limit", "250")
    assert run.exit_code == 0, run
    assert run.stdout.count("Klaviyo catalog-category bulk-update jobs") == 1  # one title
    assert run.stdout.count("┃ id") == 3  # three sections, each with its header
    assert run.stdout.rstrip().endswith("250 jobs")
    ids = [
        json.loads(line)["id"]
        for line in cli("klaviyo", "jobs", "--limit", "250").stdout.splitlines()
    ]
    assert all(job_id in run.stdout for job_id in ids)
