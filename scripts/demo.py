"""``make demo``: the catalog-clients CLI against a local sandbox, step by step.

Starts a sandbox on 127.0.0.1, then runs the real ``catalog-clients`` command (as a
subprocess, so what you see is exactly what a user sees):

1. list Klaviyo jobs as a table;
2. upsert the bundled sample file (one invalid item, one item whose parent is missing);
3. run the same upsert again: the categories are now updated instead of created;
4. show the failures file, which can be fed straight back in.

The sandbox is stopped at the end, even on errors. Exit code 0 when every step did what
was expected.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from catalog_clients.sandbox import SandboxConfig, SandboxServer

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "categories-sample.jsonl"
DEMO_API_KEY = "pk_demo_0123456789abcdef"


def cli_command() -> list[str]:
    """The installed console script next to this interpreter, else ``python -m``."""
    script = Path(sys.executable).parent / "catalog-clients"
    if script.exists():
        return [str(script)]
    found = shutil.which("catalog-clients")
    return [found] if found else [sys.executable, "-m", "catalog_clients.cli"]


def heading(text: str) -> None:
    bar = "=" * len(text)
    print(f"\n{bar}\n{text}\n{bar}", flush=True)


class Demo:
    def __init__(self) -> None:
        self.env = dict(os.environ)
        self.command = cli_command()
        self.problems: list[str] = []

    def run(self, args: list[str], *, expect: int) -> None:
        shown = " ".join(["catalog-clients", *args])
        print(f"$ {shown}", flush=True)
        # One stream, written as it happens, so the progress, the summary and the failed
        # items appear in order even when the demo's output is piped.
        code = subprocess.call(
            [*self.command, *args],
            env={**self.env, "PYTHONUNBUFFERED": "1"},
            cwd=ROOT,
            stderr=subprocess.STDOUT,
        )
        if code != expect:
            self.problems.append(f"`{shown}` exited {code}, expected {expect}")
        print(f"(exit code {code})", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=18766, help="sandbox port on 127.0.0.1")
    args = parser.parse_args()

    demo = Demo()
    workdir = Path(tempfile.mkdtemp(prefix="catalog-clients-demo-"))
    failures = workdir / "failures.jsonl"
    try:
        server_context = SandboxServer(SandboxConfig(jobs=40, seed=7), port=args.port)
    except OSError as exc:
        print(f"cannot start the sandbox on 127.0.0.1:{args.port}: {exc}", file=sys.stderr)
        return 1
    try:
        with server_context as server:
            demo.env = {
                **os.environ,
                "KLAVIYO_BASE_URL": server.base_url,
                "KLAVIYO_API_KEY": DEMO_API_KEY,
                "PROPELLER_BASE_URL": server.propeller_base_url,
                "PROPELLER_TOKEN_URL": server.token_url,
                "PROPELLER_CLIENT_ID": "sandbox-client",
                "PROPELLER_CLIENT_SECRET": "sandbox-secret",
            }
            print(f"Sandbox running at {server.base_url}")
            sample = str(SAMPLE.relative_to(ROOT))

            heading("1. Klaviyo: the first bulk-update jobs, as a table")
            demo.run(["klaviyo", "jobs", "--limit", "5", "--output", "table"], expect=0)
            demo.run(
                [
                    "klaviyo",
                    "jobs",
                    "--status",
                    "queued",
                    "--fields",
                    "status,total_count,created_at",
                    "--limit",
                    "3",
                    "--output",
                    "table",
                ],
                expect=0,
            )

            heading(f"2. Propeller: upsert {sample} (8 items: 1 invalid, 1 with a missing parent)")
            upsert = [
                "propeller",
                "upsert",
                sample,
                "--chunk-size",
                "3",
                "--failures-out",
                str(failures),
            ]
            demo.run(upsert, expect=1)

            heading("3. The same upsert again: existing categories are now updated")
            demo.run(upsert, expect=1)

            heading(f"4. The failures file ({failures}), ready to be fed back in")
            lines = failures.read_text(encoding="utf-8").splitlines() if failures.exists() else []
            for line in lines:
                record = json.loads(line)
                print(f"index {record['index']}: {record['reason']}")
                print(f"    item: {json.dumps(record['item'], ensure_ascii=False)}")
            if len(lines) != 2:
                demo.problems.append(f"the failures file has {len(lines)} lines, expected 2")
            print("\nOnce fixed, the file goes straight back in:")
            print(
                "    catalog-clients propeller upsert failures.jsonl --failures-out failures.jsonl"
            )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    heading("Demo finished")
    if demo.problems:
        for problem in demo.problems:
            print(f"unexpected: {problem}")
        return 1
    print("Every step behaved as expected. The sandbox has been stopped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
