"""Helpers of the CLI tests: the sandbox view, in-process and subprocess runs of the CLI."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
from typer.testing import CliRunner

import catalog_clients
from catalog_clients.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_JSONL = ROOT / "examples" / "categories-sample.jsonl"
SAMPLE_CSV = ROOT / "examples" / "categories-sample.csv"
API_KEY = "pk_cli_test_5ecret0123456789abcdef"
CLIENT_ID = "sandbox-client"
CLIENT_SECRET = "sandbox-secret"
SANDBOX_JOBS = 1000  # ten pages of 100; as JSONL, well over a pipe buffer
ANSI = re.compile(r"\x1b\[")


class Sandbox:
    """The test's view of the sandbox: its URLs, and its state through /__sandbox__."""

    def __init__(self, server: Any) -> None:
        self.server = server
        self.env = {
            "KLAVIYO_API_KEY": API_KEY,
            "KLAVIYO_BASE_URL": server.base_url,
            "PROPELLER_CLIENT_ID": CLIENT_ID,
            "PROPELLER_CLIENT_SECRET": CLIENT_SECRET,
            "PROPELLER_BASE_URL": server.propeller_base_url,
            "PROPELLER_TOKEN_URL": server.token_url,
        }

    def _control(self, method: str, path: str) -> Any:
        with httpx.Client(base_url=self.server.base_url, timeout=10) as client:
            response = client.request(method, path)
            response.raise_for_status()
            return response.json() if response.content else None

    def reset(self) -> None:
        self._control("POST", "/__sandbox__/reset")

    def state(self) -> dict[str, Any]:
        data: dict[str, Any] = self._control("GET", "/__sandbox__/state")
        return data

    def issued_tokens(self) -> list[str]:
        """The access tokens the sandbox handed out."""
        tokens: list[str] = self.state()["propeller"]["tokens"]
        return tokens

    def categories(self) -> dict[int, Any]:
        """The categories in the store, by id."""
        return categories_of(self.state())


def categories_of(state: dict[str, Any]) -> dict[int, Any]:
    found = state["propeller"]["categories"]
    if isinstance(found, dict):
        return {int(k): v for k, v in found.items()}
    return {int(c["id"]): c for c in found}


class Run:
    """The outcome of one CLI invocation."""

    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def __repr__(self) -> str:
        return f"Run(exit_code={self.exit_code}, stdout={self.stdout!r}, stderr={self.stderr!r})"


def cli(*args: str, input: str | bytes | None = None) -> Run:
    """Invoke the app in-process, as the console script would (stdout/stderr not a TTY)."""
    result = CliRunner().invoke(app, list(args), input=input, prog_name="catalog-clients")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


def console_script() -> list[str]:
    script = Path(sys.executable).parent / "catalog-clients"
    return [str(script)] if script.exists() else [sys.executable, "-m", "catalog_clients.cli"]


def subprocess_env(extra: dict[str, str]) -> dict[str, str]:
    # The package's own directory first, so the subprocess imports this checkout.
    src = str(Path(catalog_clients.__file__).resolve().parents[1])
    path = os.pathsep.join(p for p in (src, os.environ.get("PYTHONPATH", "")) if p)
    return {**os.environ, **extra, "PYTHONPATH": path}


def run_script(
    args: list[str], env: dict[str, str], **kwargs: Any
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*console_script(), *args],
        env=subprocess_env(env),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        **kwargs,
    )
