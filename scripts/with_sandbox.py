"""Run a command while a sandbox listens on 127.0.0.1:PORT, then stop the sandbox.

python scripts/with_sandbox.py --port 18765 -- pytest --record-mode=rewrite -m vcr
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

from catalog_clients.sandbox import SandboxConfig, SandboxServer


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--jobs", type=int, default=250)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    with SandboxServer(SandboxConfig(jobs=args.jobs), port=args.port) as server:
        env = {**os.environ, "CATALOG_CLIENTS_SANDBOX_URL": server.base_url}
        return subprocess.call(command, env=env)


if __name__ == "__main__":
    sys.exit(main())
