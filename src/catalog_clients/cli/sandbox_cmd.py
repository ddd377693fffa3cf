"""``catalog-clients sandbox``: the local sandbox server, in the foreground until Ctrl-C."""

from __future__ import annotations

import time
from typing import Annotated, Any

import typer
from rich.markup import escape

from .common import EXIT_OK, EXIT_USAGE, fail, library_errors, stdout_console

SANDBOX_EXAMPLE = """\
Example:

  catalog-clients sandbox --port 8000 --jobs 250 --seed 7

Then, in another terminal, use the environment it prints.
"""


def sandbox(
    port: Annotated[
        int, typer.Option(min=0, max=65535, help="Port on 127.0.0.1 (0: any free port).")
    ] = 8000,
    jobs: Annotated[
        int | None, typer.Option(min=0, help="Number of Klaviyo jobs to generate.")
    ] = None,
    seed: Annotated[int | None, typer.Option(help="Random seed of the generated data.")] = None,
    fault_rate: Annotated[
        float | None,
        typer.Option(
            min=0.0, max=1.0, help="Share of requests answered with a transient fault (429/503)."
        ),
    ] = None,
) -> None:
    """Run the local sandbox (fake Klaviyo and Propeller APIs) in the foreground."""
    try:
        from ..sandbox import SandboxConfig, SandboxServer
    except ImportError as exc:
        fail(
            f"the sandbox needs its extra: pip install 'catalog-clients[sandbox]' ({exc})",
            EXIT_USAGE,
        )

    settings: dict[str, Any] = {
        name: value
        for name, value in {"jobs": jobs, "seed": seed, "fault_rate": fault_rate}.items()
        if value is not None
    }
    console = stdout_console()
    with library_errors():
        server = SandboxServer(SandboxConfig(**settings), port=port)
        try:
            server.start()
        except OSError as exc:
            fail(f"cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}", EXIT_USAGE)
        try:
            console.print(
                f"[bold]Sandbox listening on {escape(server.base_url)}[/] (Ctrl-C stops it)"
            )
            console.print("Use it from another shell with:", soft_wrap=True)
            for line in (
                f"export KLAVIYO_BASE_URL={server.base_url}",
                "export KLAVIYO_API_KEY=pk_sandbox",
                f"export PROPELLER_BASE_URL={server.propeller_base_url}",
                f"export PROPELLER_TOKEN_URL={server.token_url}",
                "export PROPELLER_CLIENT_ID=sandbox-client",
                "export PROPELLER_CLIENT_SECRET=sandbox-secret",
            ):
                console.print(f"  {escape(line)}", soft_wrap=True, highlight=False)
            try:
                while True:
                    time.sleep(3600)
            except KeyboardInterrupt:
                console.print("Sandbox stopped.")
        finally:
            server.stop()
    raise typer.Exit(EXIT_OK)
