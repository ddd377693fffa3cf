"""The child processes of benchmark 4: stream a JSONL file of categories to a server.

Kept apart from ``memory.py`` so a child imports nothing but what it measures.

    python -m benchmarks.memchild library FILE BASE_URL   # bulk_upsert with a generator
    python -m benchmarks.memchild raw FILE BASE_URL       # hand-written httpx loop
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any


def read(path: str) -> Iterator[dict[str, Any]]:
    with open(path, "rb") as lines:
        for line in lines:
            yield json.loads(line)


def library(path: str, base: str) -> int:
    from catalog_clients import PropellerClient

    with PropellerClient(
        "sandbox-client",
        "sandbox-secret",
        base_url=f"{base}/v2",
        token_url=f"{base}/oauth2/token",
    ) as client:
        result = client.bulk_upsert_categories_by_id(read(path))
    return result.created + result.updated


def raw(path: str, base: str) -> int:
    """The floor: chunks of 1000 straight from the generator, nothing kept."""
    import httpx

    done = 0
    with httpx.Client(timeout=60) as client:
        token = client.post(
            f"{base}/oauth2/token",
            data={"grant_type": "client_credentials", "client_id": "x", "client_secret": "y"},
        ).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        chunk: list[dict[str, Any]] = []
        for item in read(path):
            chunk.append(item)
            if len(chunk) == 1000:
                done += _send(client, base, chunk, headers)
                chunk = []
        if chunk:
            done += _send(client, base, chunk, headers)
    return done


def _send(client: Any, base: str, chunk: list[dict[str, Any]], headers: dict[str, str]) -> int:
    response = client.post(
        f"{base}/v2/categories/bulk/id", json={"categories": chunk}, headers=headers
    )
    response.raise_for_status()
    return sum(1 for item in response.json()["data"] if item["success"])


def main() -> None:
    mode, path, base = sys.argv[1:4]
    done = library(path, base) if mode == "library" else raw(path, base)
    print("DONE", done)


if __name__ == "__main__":
    main()
