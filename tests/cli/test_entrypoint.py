"""The console script itself: --version, --help with examples, import cost, a real run."""

from __future__ import annotations

import subprocess
import sys

import pytest
from clihelpers import ANSI, CLIENT_SECRET, SAMPLE_JSONL, Sandbox, cli, run_script, subprocess_env

import catalog_clients


def test_version() -> None:
    run = cli("--version")
    assert run.exit_code == 0
    assert run.stdout.strip() == f"catalog-clients {catalog_clients.__version__}"


@pytest.mark.parametrize(
    "command",
    [[], ["klaviyo"], ["klaviyo", "jobs"], ["propeller"], ["propeller", "upsert"], ["sandbox"]],
)
def test_every_help_works(command: list[str]) -> None:
    run = cli(*command, "--help")
    assert run.exit_code == 0, run
    assert "Usage" in run.stdout


@pytest.mark.parametrize("command", [[], ["klaviyo", "jobs"], ["propeller", "upsert"], ["sandbox"]])
def test_every_command_help_has_an_example(command: list[str]) -> None:
    run = cli(*command, "--help")
    assert "Example" in run.stdout
    assert "catalog-clients " in run.stdout


def test_unknown_option_is_a_usage_error() -> None:
    assert cli("klaviyo", "jobs", "--output", "xml").exit_code == 2
    assert cli("propeller", "upsert").exit_code == 2  # FILE is required


def test_importing_the_package_does_not_load_the_cli() -> None:
    code = (
        "import sys, catalog_clients; "
        "loaded = [m for m in ('catalog_clients.cli', 'typer', 'rich') if m in sys.modules]; "
        "print(loaded)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=subprocess_env({}),
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "[]"


@pytest.mark.sandbox
def test_console_script_upsert(live: Sandbox, tmp_path: object) -> None:
    """The installed ``catalog-clients`` script, as cron would run it: plain text, exit 1."""
    result = run_script(["-v", "propeller", "upsert", str(SAMPLE_JSONL)], live.env)

    assert result.returncode == 1, result.stderr
    assert "progress: done: 8/8 items (100%)" in result.stderr
    assert "failed line 6 (item 5)" in result.stderr
    assert "created" in result.stdout
    assert not ANSI.search(result.stdout + result.stderr)
    assert CLIENT_SECRET not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_without_the_cli_extra_the_command_says_what_to_install() -> None:
    import subprocess
    import sys

    code = (
        "import sys; sys.modules['typer'] = None; sys.modules['rich'] = None\n"
        "from catalog_clients.cli import main; main()"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 2, done
    assert "pip install 'catalog-clients[cli]'" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_library_installs_without_the_cli_dependencies() -> None:
    import tomllib
    from pathlib import Path

    project = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())["project"]
    core = " ".join(project["dependencies"])
    assert "typer" not in core and "rich" not in core and "dateutil" not in core
    assert any(d.startswith("typer") for d in project["optional-dependencies"]["cli"])


@pytest.mark.parametrize("command", [[], ["klaviyo", "jobs"], ["propeller", "upsert"]])
def test_verbose_is_shown_as_a_counter_not_an_int(command: list[str]) -> None:
    from clihelpers import cli

    run = cli(*command, "--help")
    line = next(line for line in run.stdout.splitlines() if "--verbose" in line)
    assert "<int>" not in line and "INTEGER" not in line and "default: 0" not in line


def test_the_console_scripts_version_loads_no_cli_packages() -> None:
    code = (
        "import sys; sys.argv = ['catalog-clients', '--version']; "
        "from catalog_clients.cli import main; main(); "
        "print(sorted(m for m in ('typer', 'rich', 'httpx') if m in sys.modules))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], env=subprocess_env({}), capture_output=True, text=True
    )
    assert run.stdout.splitlines() == [f"catalog-clients {catalog_clients.__version__}", "[]"]


def test_shell_completion_is_offered_and_completes_commands_and_options() -> None:
    script = cli("--show-completion", "bash")
    assert script.exit_code == 0 and "_CATALOG_CLIENTS_COMPLETE" in script.stdout
    words = {"_CATALOG_CLIENTS_COMPLETE": "complete_bash"}
    commands = run_script([], {**words, "COMP_WORDS": "catalog-clients prop", "COMP_CWORD": "1"})
    assert commands.stdout.split() == ["propeller"]
    options = run_script(
        [], {**words, "COMP_WORDS": "catalog-clients propeller upsert --sk", "COMP_CWORD": "3"}
    )
    assert options.stdout.split() == ["--skip-if-not-empty", "--skip-move-on-update"]
