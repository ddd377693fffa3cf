"""The sandbox's settings."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

#: The random fault mix of ``fault_rate``: transient faults a real network and vendor produce.
DEFAULT_FAULT_KINDS = ("429", "500", "502", "503", "504", "truncate", "reset")


@attrs.frozen
class SandboxConfig:
    """What the sandbox serves and how strictly.

    ``fault_rate`` injects random faults (from ``fault_kinds``, seeded by ``seed``) into that
    share of API requests, on top of any fault queued through ``/__sandbox__/faults``.
    """

    jobs: int = 250
    seed: int = 7
    fault_rate: float = 0.0
    fault_kinds: tuple[str, ...] = DEFAULT_FAULT_KINDS
    #: Seconds an access token lives (Propeller's real tokens: 30 minutes).
    token_ttl: float = 1800.0
    klaviyo_burst: int = 350
    klaviyo_burst_window: float = 1.0
    klaviyo_steady: int = 3500
    klaviyo_steady_window: float = 60.0
    clients: Mapping[str, str] = attrs.field(
        factory=lambda: {
            "sandbox-client": "sandbox-secret",
            "sandbox-client-apigee": "sandbox-secret",
        }
    )

    def __attrs_post_init__(self) -> None:
        if self.jobs < 0:
            raise ValueError(f"jobs must be >= 0, got {self.jobs}")
        if not 0.0 <= self.fault_rate <= 1.0:
            raise ValueError(f"fault_rate must be within 0..1, got {self.fault_rate}")
        if self.token_ttl <= 0:
            raise ValueError(f"token_ttl must be > 0, got {self.token_ttl}")
