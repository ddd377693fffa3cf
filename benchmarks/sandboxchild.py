"""``python -m benchmarks.sandboxchild``: the project's sandbox in a child process.

Prints ``READY <propeller base url> <token url>`` once it serves, and stops when its
standard input closes (the parent's ``SandboxProcess`` closes it on exit).
"""

from __future__ import annotations

import sys


def main() -> None:
    from catalog_clients.sandbox import SandboxConfig, SandboxServer

    with SandboxServer(SandboxConfig(), port=0) as server:
        print("READY", server.propeller_base_url, server.token_url, flush=True)
        sys.stdin.read()


if __name__ == "__main__":
    main()
