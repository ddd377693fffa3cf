"""Run the sandbox app under uvicorn on loopback, in a background thread."""

from __future__ import annotations

import socket
import threading
import time
from types import TracebackType

import uvicorn

from .app import create_app
from .config import SandboxConfig
from .faults import quiet_cut_responses

_START_TIMEOUT = 10.0


class SandboxServer:
    """``with SandboxServer(config, port=0) as server:`` serves on 127.0.0.1 until the block ends.

    The socket is bound in the caller's thread, so a busy port raises ``OSError`` right here
    instead of failing silently in the server thread. ``port=0`` picks a free port.
    """

    def __init__(
        self, config: SandboxConfig | None = None, port: int = 0, host: str = "127.0.0.1"
    ) -> None:
        self.config = config or SandboxConfig()
        self.host = host
        self._requested_port = port
        self._socket: socket.socket | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.app = create_app(self.config)

    @property
    def port(self) -> int:
        if self._socket is None:
            raise RuntimeError("the sandbox is not running")
        port: int = self._socket.getsockname()[1]
        return port

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def propeller_base_url(self) -> str:
        return f"{self.base_url}/v2"

    @property
    def token_url(self) -> str:
        return f"{self.base_url}/oauth2/token"

    def start(self) -> SandboxServer:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((self.host, self._requested_port))
        except OSError:
            sock.close()
            raise
        self._socket = sock
        quiet_cut_responses()
        config = uvicorn.Config(
            self.app,
            log_level="warning",
            access_log=False,
            lifespan="off",
            timeout_graceful_shutdown=2,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, daemon=True, name="sandbox"
        )
        self._thread.start()
        deadline = time.monotonic() + _START_TIMEOUT
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the sandbox server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=_START_TIMEOUT)
        if self._socket is not None:
            self._socket.close()
        self._server = self._thread = None

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
        self._socket = None
