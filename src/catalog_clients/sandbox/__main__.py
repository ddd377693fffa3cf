"""``python -m catalog_clients.sandbox --port 8000``: the sandbox in the foreground."""

from __future__ import annotations

import argparse
import contextlib
import threading

from .config import SandboxConfig
from .server import SandboxServer


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m catalog_clients.sandbox")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--jobs", type=int, default=250, help="Klaviyo jobs to serve")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--fault-rate", type=float, default=0.0, help="share of faulted calls")
    args = parser.parse_args(argv)
    config = SandboxConfig(jobs=args.jobs, seed=args.seed, fault_rate=args.fault_rate)
    with SandboxServer(config, port=args.port) as server:
        print(f"Klaviyo:   {server.base_url}", flush=True)
        print(f"Propeller: {server.propeller_base_url} (token {server.token_url})", flush=True)
        print("Ctrl-C stops it.", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
