"""``catalog-clients propeller upsert``: input formats, exit codes, failures file, dry run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clihelpers import ANSI, CLIENT_SECRET, SAMPLE_CSV, SAMPLE_JSONL, Sandbox, cli

pytestmark = pytest.mark.sandbox


def category(id: int, *, parent: int = 1, **names: str) -> dict[str, object]:
    localized = names or {"EN": f"Category {id}"}
    return {
        "id": id,
        "language": "EN",
        "parent": {"id": parent},
        "names": [{"language": lang, "value": value} for lang, value in localized.items()],
    }


def jsonl(*items: object) -> str:
    return "".join(json.dumps(item) + "\n" for item in items)


def failures_of(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_sample_jsonl_creates_then_updates(live: Sandbox, tmp_path: Path) -> None:
    failures = tmp_path / "failures.jsonl"
    first = cli("propeller", "upsert", str(SAMPLE_JSONL), "--failures-out", str(failures))

    assert first.exit_code == 1, first
    assert _counts(first.stdout) == {"created": 6, "updated": 0, "failed": 2}
    assert {91001, 91002, 91003, 91005, 91007, 91008} <= set(live.categories())
    recorded = failures_of(failures)
    assert [r["index"] for r in recorded] == [3, 5]
    assert all(set(r) == {"index", "item", "reason"} for r in recorded)
    assert "names" in str(recorded[0]["reason"])
    # Failed items are named with their line in the input.
    assert "line 4 (item 3)" in first.stderr and "line 6 (item 5)" in first.stderr

    second = cli("propeller", "upsert", str(SAMPLE_JSONL), "--failures-out", str(failures))
    assert second.exit_code == 1, second
    assert _counts(second.stdout) == {"created": 0, "updated": 6, "failed": 2}


def _counts(summary: str) -> dict[str, int]:
    counts = {}
    for line in summary.splitlines():
        cells = [c.strip() for c in line.strip("│| \n").split("│")]
        if len(cells) == 2 and cells[0] in ("created", "updated", "failed"):
            counts[cells[0]] = int(cells[1])
    return counts


def test_json_list_and_categories_object_exit_0(live: Sandbox, tmp_path: Path) -> None:
    as_list = tmp_path / "list.json"
    as_list.write_text(json.dumps([category(501), category(502)]))
    as_object = tmp_path / "object.json"
    as_object.write_text(json.dumps({"categories": [category(503)]}, indent=2))

    assert cli("propeller", "upsert", str(as_list)).exit_code == 0
    run = cli("propeller", "upsert", str(as_object))
    assert run.exit_code == 0, run
    assert _counts(run.stdout) == {"created": 1, "updated": 0, "failed": 0}
    assert {501, 502, 503} <= set(live.categories())


def test_csv_with_localized_columns(live: Sandbox, tmp_path: Path) -> None:
    source = tmp_path / "categories.csv"
    source.write_text(
        "id,language,parent_id,name_EN,name_NL,description_EN,short_description_nl\n"
        '601,EN,1,Bikes,Fietsen,"Two wheels, one frame",Tweewielers\n'
        "602,NL,1,,Onderdelen,,\n",
        encoding="utf-8",
    )
    run = cli("propeller", "upsert", str(source))

    assert run.exit_code == 0, run
    stored = live.categories()
    assert 601 in stored and 602 in stored
    text = json.dumps(stored[601])
    assert "Fietsen" in text and "Two wheels, one frame" in text and "Tweewielers" in text


def test_sample_csv_matches_sample_jsonl(live: Sandbox) -> None:
    run = cli("propeller", "upsert", str(SAMPLE_CSV))
    assert run.exit_code == 1, run
    assert _counts(run.stdout) == {"created": 6, "updated": 0, "failed": 2}
    assert "line 5 (item 3)" in run.stderr  # the CSV header is line 1


def test_jsonl_from_stdin(live: Sandbox) -> None:
    run = cli("propeller", "upsert", "-", input=jsonl(category(701), category(702)))
    assert run.exit_code == 0, run
    assert {701, 702} <= set(live.categories())


def test_csv_from_stdin_with_format(live: Sandbox) -> None:
    run = cli(
        "propeller", "upsert", "-", "--format", "csv",
        input="id,language,parent_id,name_EN\n703,EN,1,Tents\n",
    )  # fmt: skip
    assert run.exit_code == 0, run
    assert 703 in live.categories()


def test_dry_run_sends_nothing_and_needs_no_credentials(
    live: Sandbox, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name in ("PROPELLER_CLIENT_ID", "PROPELLER_CLIENT_SECRET"):
        monkeypatch.delenv(name)
    before = live.state()
    failures = tmp_path / "invalid.jsonl"
    run = cli(
        "propeller", "upsert", str(SAMPLE_JSONL), "--dry-run", "--chunk-size", "3",
        "--skip-if-not-empty", "names,descriptions", "--failures-out", str(failures),
    )  # fmt: skip

    assert run.exit_code == 1, run  # one item would be refused client-side
    assert "nothing was sent" in run.stdout
    assert "3 (chunks of up to 3 items)" in run.stdout  # 7 valid items
    assert "skipIfNotEmpty(names, descriptions)" in run.stdout
    assert "invalid line 4 (item 3)" in run.stderr
    assert [r["index"] for r in failures_of(failures)] == [3]
    assert live.state() == before


def test_dry_run_of_valid_input_exits_0(live: Sandbox, tmp_path: Path) -> None:
    source = tmp_path / "ok.jsonl"
    source.write_text(jsonl(category(1), category(2)))
    run = cli("propeller", "upsert", str(source), "--dry-run")
    assert run.exit_code == 0, run


def test_failures_file_round_trip(live: Sandbox, tmp_path: Path) -> None:
    items = [category(801), category(802, parent=4242), category(803)]
    source = tmp_path / "input.jsonl"
    source.write_text(jsonl(*items))
    failures = tmp_path / "failures.jsonl"

    first = cli("propeller", "upsert", str(source), "--failures-out", str(failures))
    assert first.exit_code == 1, first
    assert [r["item"] for r in failures_of(failures)] == [items[1]]
    assert 802 not in live.categories()

    # Fix the cause (create the missing parent), then feed the failures file straight back.
    assert cli("propeller", "upsert", "-", input=jsonl(category(4242))).exit_code == 0
    again = cli("propeller", "upsert", str(failures), "--failures-out", str(failures))

    assert again.exit_code == 0, again
    assert failures.read_text() == ""
    assert {801, 802, 803} <= set(live.categories())


def test_allow_empty_ends_the_retry_loop_after_full_success(
    live: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "input.jsonl"
    source.write_text(jsonl(category(811), category(812)))
    failures = tmp_path / "failures.jsonl"
    first = cli("propeller", "upsert", str(source), "--failures-out", str(failures))
    assert first.exit_code == 0, first
    assert failures.read_text() == ""  # full success: the failures file is empty

    # Without the flag an empty input stays an error (an empty export has lost its data),
    # and the message says how to make it "nothing to do".
    plain = cli("propeller", "upsert", str(failures))
    assert plain.exit_code == 2, plain
    assert "holds no categories" in plain.stderr and "--allow-empty" in plain.stderr

    before, tokens = live.state(), len(live.issued_tokens())
    summary = tmp_path / "summary.json"
    # Nothing is sent, so not even the credentials are needed.
    monkeypatch.delenv("PROPELLER_CLIENT_SECRET")
    again = cli(
        "propeller", "upsert", str(failures), "--allow-empty",
        "--failures-out", str(failures), "--summary-json", str(summary),
    )  # fmt: skip

    assert again.exit_code == 0, again
    assert "nothing to do" in again.stderr and "holds no categories" in again.stderr
    assert _counts(again.stdout) == {"created": 0, "updated": 0, "failed": 0}
    assert failures.read_text() == ""
    record = json.loads(summary.read_text(encoding="utf-8"))
    assert (record["created"], record["updated"], record["failed"]) == (0, 0, 0)
    assert (record["chunks"], record["exit_code"], record["request_ids"]) == (0, 0, [])
    assert live.state() == before and len(live.issued_tokens()) == tokens

    header_only = "id,language,parent_id,name_EN\n"
    for name, content in (("empty.json", ""), ("list.json", "[]"), ("header.csv", header_only)):
        (tmp_path / name).write_text(content)
        run = cli("propeller", "upsert", str(tmp_path / name), "--allow-empty", "--dry-run")
        assert run.exit_code == 0, (name, run)
        assert "nothing to do" in run.stderr
    # Input that is there but unreadable is still exit 2 with the flag.
    (tmp_path / "broken.jsonl").write_text("{not json\n")
    broken = cli("propeller", "upsert", str(tmp_path / "broken.jsonl"), "--allow-empty")
    assert broken.exit_code == 2 and "line 1: not valid JSON" in broken.stderr


def test_strict_sends_nothing_when_an_item_is_invalid(live: Sandbox) -> None:
    before = live.state()
    run = cli("propeller", "upsert", str(SAMPLE_JSONL), "--strict")
    assert run.exit_code == 1, run
    assert "--strict: nothing was sent" in run.stderr
    assert live.state() == before


def test_wrong_type_in_jsonl_is_a_failed_item_named_by_line(live: Sandbox, tmp_path: Path) -> None:
    source = tmp_path / "typed.jsonl"
    source.write_text(jsonl(category(901), {**category(902), "id": "nine-o-two"}))
    run = cli("propeller", "upsert", str(source))
    assert run.exit_code == 1, run
    assert "line 2 (item 1)" in run.stderr and "id" in run.stderr
    assert 901 in live.categories()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "bad.jsonl",
            jsonl(category(1), category(2)).encode() + b'{"id": 3, "language": "EN"\n',
            "line 3: not valid JSON",
        ),
        ("list.jsonl", jsonl(category(1)).encode() + b"[1, 2]\n", "line 2: each line must be"),
        ("nan.jsonl", b'{"id": NaN}\n', "line 1: not valid JSON"),
        (
            "wide.csv",
            b"id,language,parent_id,name_EN\n1,EN,1,Bikes\n2,EN,1,Parts,extra\n",
            "line 3: the row has 5 cells but the header has 4",
        ),
        (
            "narrow.csv",
            b"id,language,parent_id,name_EN\n1,EN,1\n",
            "line 2: the row has 3 cells but the header has 4",
        ),
        (
            "badid.csv",
            b"id,language,parent_id,name_EN\n1,EN,1,Bikes\nabc,EN,1,Parts\n",
            "line 3: id 'abc' is not an integer",
        ),
        (
            "badcolumn.csv",
            b"id,language,parent_id,title_EN\n1,EN,1,Bikes\n",
            "line 1: unknown CSV column 'title_EN'",
        ),
        (
            "latin1.jsonl",
            jsonl(category(1)).encode() + b'{"id": 2, "x": "caf\xe9"}\n',
            "line 2: not valid UTF-8",
        ),
        (
            "latin1.csv",
            b"id,language,parent_id,name_EN\n1,EN,1,Caf\xe9\n",
            "line 2: not valid UTF-8",
        ),
        ("empty.jsonl", b"", "holds no categories"),
        ("blank.jsonl", b"\n  \n", "holds no categories"),
        ("empty.csv", b"", "the input is empty"),
        ("empty.json", b"", "the input is empty"),
        ("broken.json", b'[\n  {"id": 1},\n  {"id": 2,}\n]', "line 3: not valid JSON"),
        ("scalar.json", b"42", "must be a list of categories"),
    ],
)
def test_unreadable_input_exits_2_names_the_line_and_sends_nothing(
    live: Sandbox, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    before = live.state()

    run = cli("propeller", "upsert", str(source))

    assert run.exit_code == 2, run
    assert message in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1  # one line, no traceback
    assert "Traceback" not in run.output
    assert live.state() == before


def test_usage_errors_exit_2(live: Sandbox, tmp_path: Path) -> None:
    source = tmp_path / "ok.jsonl"
    source.write_text(jsonl(category(1)))
    no_extension = tmp_path / "categories"
    no_extension.write_text(jsonl(category(1)))

    assert cli("propeller", "upsert", str(tmp_path / "missing.jsonl")).exit_code == 2
    assert cli("propeller", "upsert", str(no_extension)).exit_code == 2
    assert cli("propeller", "upsert", str(source), "--chunk-size", "1001").exit_code == 2
    bad_field = cli("propeller", "upsert", str(source), "--skip-if-not-empty", "nmes")
    assert bad_field.exit_code == 2 and "did you mean 'names'" in bad_field.stderr


def test_missing_credentials_exit_2(live: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROPELLER_CLIENT_SECRET")
    run = cli("propeller", "upsert", str(SAMPLE_JSONL))
    assert run.exit_code == 2, run
    assert "PROPELLER_CLIENT_SECRET" in run.stderr
    assert "Traceback" not in run.output


def test_refused_credentials_exit_2_in_one_line(
    live: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROPELLER_CLIENT_SECRET", "wrong-secret")
    run = cli("propeller", "upsert", str(SAMPLE_JSONL))
    assert run.exit_code == 2, run  # credentials are configuration
    assert "AuthenticationError" in run.stderr
    # The error's note says what had been confirmed: nothing, the first token was refused.
    assert "stopped after 0 answered chunk(s): 0 created" in " ".join(run.stderr.split())
    assert "wrong-secret" not in run.output
    assert "Traceback" not in run.output


def test_progress_is_plain_text_when_not_a_terminal(live: Sandbox) -> None:
    run = cli("propeller", "upsert", str(SAMPLE_JSONL), "--chunk-size", "2")
    progress = [line for line in run.stderr.splitlines() if line.startswith("progress:")]
    assert progress, run.stderr
    assert "8/8 items (100%), 4/4 chunks" in progress[-1]
    assert not ANSI.search(run.output) and "\r" not in run.output


def test_verbose_output_never_shows_secrets(live: Sandbox, tmp_path: Path) -> None:
    source = tmp_path / "ok.jsonl"
    source.write_text(jsonl(category(1001)))
    run = cli("-vv", "propeller", "upsert", str(source), "-v")
    assert run.exit_code == 0, run
    assert "POST" in run.stderr  # -vv shows every request
    assert CLIENT_SECRET not in run.output
    assert "access_token" not in run.output
    for token in live.issued_tokens():
        assert token not in run.output


def test_a_line_nested_too_deeply_is_exit_2_naming_the_line(live: Sandbox, tmp_path: Path) -> None:
    source = tmp_path / "deep.jsonl"
    source.write_text(jsonl(category(93001)) + "[" * 100_000 + "]" * 100_000 + "\n")
    run = cli("propeller", "upsert", str(source))
    assert run.exit_code == 2, run
    assert "line 2" in run.stderr and "nested too deeply" in run.stderr
    assert "Traceback" not in run.output and 93001 not in live.categories()


def test_a_lone_surrogate_is_caught_by_the_dry_run_and_written_back_safely(
    live: Sandbox, tmp_path: Path
) -> None:
    source = tmp_path / "surrogate.jsonl"
    bad = category(93002, EN="bad \ud800 name")
    # Valid JSON text: the escape stays an escape in the file.
    source.write_text(jsonl(category(93003), bad), encoding="utf-8")
    dry = cli("propeller", "upsert", str(source), "--dry-run")
    assert dry.exit_code == 1, dry
    assert "cannot be encoded" in dry.stderr and "line 2" in dry.stderr

    failures = tmp_path / "failed.jsonl"
    real = cli("propeller", "upsert", str(source), "--failures-out", str(failures))
    assert real.exit_code == 1, real
    assert _counts(real.stdout) == {"created": 1, "updated": 0, "failed": 1}
    (record,) = failures_of(failures)
    assert record["item"] == bad  # reads back as the very item, surrogate included
    assert 93002 not in live.categories()


def test_ctrl_c_prints_the_summary_and_writes_what_is_left(live: Sandbox, tmp_path: Path) -> None:
    import signal
    import subprocess
    import time

    from clihelpers import console_script, subprocess_env

    items = [category(94000 + i) for i in range(100)]
    source = tmp_path / "many.jsonl"
    source.write_text(jsonl(*items))
    failures = tmp_path / "left.jsonl"
    # Two chunks answered at once, then every chunk held 1 s: Ctrl-C lands mid-run.
    faults = ["propeller:slow:0"] * 2 + ["propeller:slow:1"] * 8
    httpx_post = __import__("httpx").post
    httpx_post(f"{live.server.base_url}/__sandbox__/faults", json={"faults": faults})
    argv = [*console_script(), "propeller", "upsert", str(source), "--chunk-size", "10"]
    process = subprocess.Popen(
        [*argv, "--failures-out", str(failures)],
        env=subprocess_env(live.env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # A suite started in the background (nohup, `&`) hands its children SIGINT ignored,
        # and Python then never raises KeyboardInterrupt: give the CLI the terminal's default.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 30
    while len(live.categories()) < 20 and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)

    assert process.returncode == 130, (stdout, stderr)
    assert "progress: interrupted" in stderr and "progress: done" not in stderr
    assert "interrupted:" in stderr and "Traceback" not in stderr
    assert "created" in stdout  # the summary was printed
    stored = {i for i in live.categories() if 94000 <= i < 94100}
    left = {int(r["item"]["id"]) for r in failures_of(failures)}  # type: ignore[index]
    # No item lost: each is in the store, or in the file to re-run (or both, if its chunk's
    # answer was never read).
    assert stored | left == {94000 + i for i in range(100)}
    assert len(left) >= 100 - len(stored) and left
    rerun = cli("propeller", "upsert", str(failures))
    assert rerun.exit_code == 0, rerun
    assert {i for i in live.categories() if 94000 <= i < 94100} == {94000 + i for i in range(100)}


def test_failures_out_dash_writes_the_failures_to_stdout(live: Sandbox, tmp_path: Path) -> None:
    run = cli("propeller", "upsert", str(SAMPLE_JSONL), "--failures-out", "-")
    assert run.exit_code == 1, run
    records = [json.loads(line) for line in run.stdout.splitlines()]  # only JSONL on stdout
    assert [r["index"] for r in records] == [3, 5]
    assert "created" in run.stderr  # the summary went to stderr
    assert not (Path.cwd() / "-").exists()


def test_falling_back_to_the_production_host_is_said_first(
    live: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    import catalog_clients.propeller as propeller
    from catalog_clients.propeller import BulkResult

    class Recorded:
        base_url = "https://api.helice.cloud/v2"

        def __init__(self, **kwargs: object) -> None:
            self.kwargs = kwargs

        def __enter__(self) -> Recorded:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def bulk_upsert_categories_by_id(self, items: object, **options: object) -> BulkResult:
            count = sum(1 for _ in items)  # type: ignore[attr-defined]
            return BulkResult(count, 0, 0, [], 1, 0.0)

    monkeypatch.delenv("PROPELLER_BASE_URL")
    monkeypatch.setattr(propeller, "PropellerClient", Recorded)
    run = cli("propeller", "upsert", str(SAMPLE_JSONL), "--skip-if-not-empty", "names")
    assert "warning:" in run.stderr and "production host https://api.helice.cloud/v2" in run.stderr
    monkeypatch.setenv("PROPELLER_BASE_URL", live.env["PROPELLER_BASE_URL"])
    assert "production host" not in cli("propeller", "upsert", str(SAMPLE_JSONL)).stderr


def test_a_semicolon_csv_names_its_delimiter(live: Sandbox, tmp_path: Path) -> None:
    source = tmp_path / "excel.csv"
    source.write_text("id;language;name_EN;parent_id\n95001;EN;Semi;1\n")
    run = cli("propeller", "upsert", str(source))
    assert run.exit_code == 2, run
    assert "';'" in run.stderr and "comma-separated" in run.stderr and "line 1" in run.stderr
    assert "--delimiter 'semicolon'" in run.stderr
    again = cli("propeller", "upsert", str(source), "--delimiter", "semicolon")
    assert again.exit_code == 0, again
    assert 95001 in live.categories()
    assert cli("propeller", "upsert", str(source), "--delimiter", ";;").exit_code == 2


def test_summary_json_gives_scripts_the_counts_and_exit_code(live: Sandbox, tmp_path: Path) -> None:
    summary = tmp_path / "summary.json"
    run = cli("propeller", "upsert", str(SAMPLE_JSONL), "--summary-json", str(summary))
    assert run.exit_code == 1, run
    record = json.loads(summary.read_text(encoding="utf-8"))
    assert (record["created"], record["updated"], record["failed"]) == (6, 0, 2)
    assert record["exit_code"] == 1 and record["interrupted"] is False
    assert record["not_sent"] == 0 and record["chunks"] == 1
    assert len(record["request_ids"]) == 1 and all(record["request_ids"])
    assert _counts(run.stdout) == {"created": 6, "updated": 0, "failed": 2}  # the table too

    to_stdout = cli("propeller", "upsert", str(SAMPLE_JSONL), "--summary-json", "-")
    assert json.loads(to_stdout.stdout)["updated"] == 6  # stdout holds the JSON alone
    assert "updated" in to_stdout.stderr  # and the table went to stderr
    both = cli(
        "propeller", "upsert", str(SAMPLE_JSONL), "--summary-json", "-", "--failures-out", "-"
    )
    assert both.exit_code == 2 and "both go to stdout" in both.stderr


def test_the_checking_pass_reports_its_progress(
    live: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from catalog_clients.cli import progress

    monkeypatch.setattr(progress, "PLAIN_INTERVAL_SECONDS", 0.0)  # every tick prints
    source = tmp_path / "many.jsonl"
    source.write_text(jsonl(*(category(96000 + i) for i in range(2100))))
    run = cli("propeller", "upsert", str(source), "--dry-run")
    assert run.exit_code == 0, run
    assert f"progress: checking {source}: 1024 records" in run.stderr
    assert f"progress: checking {source}: 2048 records" in run.stderr


def test_log_lines_and_the_progress_bar_share_one_console() -> None:
    from catalog_clients.cli.common import stderr_console

    # rich prints a line of its live display's own console above the bar; another console
    # writing to the same terminal would overwrite it.
    assert stderr_console() is stderr_console()


def test_the_checking_pass_of_a_real_run_keeps_no_copy_of_refused_items(tmp_path: Path) -> None:
    from catalog_clients.cli.inputs import InputFile
    from catalog_clients.cli.scan import item_validator, scan_input

    source = tmp_path / "bad.jsonl"
    source.write_text(jsonl(*({**category(97000 + i), "names": []} for i in range(50))))
    with InputFile(str(source), "jsonl") as opened:
        scan = scan_input(opened, item_validator(), keep_invalid=False)
    # The library reports them from the second pass: 300,000 refusals are not held twice.
    assert (scan.count, scan.refused, scan.invalid) == (50, 50, [])
