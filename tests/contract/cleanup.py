"""Sandboxes the control-plane suite creates: recorded, and deleted before they pile up.

Outside the stateful phase a new sandbox is deleted at once. In the stateful phase the newest
``HOPX_CONTRACT_STATEFUL_WINDOW`` are kept: a scenario never takes more steps than that (per
worker) and scenarios never share sandboxes, so older ones are deleted. Every id also goes to
``HOPX_CONTRACT_CREATED``, from which the runner removes what is left at the end.
"""

from __future__ import annotations

import os
from collections import deque

import httpx

STATEFUL_WINDOW = int(os.environ.get("HOPX_CONTRACT_STATEFUL_WINDOW", "16"))

_stateful: deque[str] = deque()


def created(sandbox_id: str, *, stateful: bool) -> None:
    _record(sandbox_id)
    if not stateful:
        _delete(sandbox_id)
        return
    _stateful.append(sandbox_id)
    while len(_stateful) > STATEFUL_WINDOW:
        _delete(_stateful.popleft())


def _record(sandbox_id: str) -> None:
    path = os.environ.get("HOPX_CONTRACT_CREATED")
    if path:
        with open(path, "a") as log:
            log.write(sandbox_id + "\n")


def _delete(sandbox_id: str) -> None:
    base_url = os.environ.get("HOPX_CONTRACT_BASE_URL")
    api_key = os.environ.get("HOPX_CONTRACT_API_KEY")
    if not base_url or not api_key:
        return
    with httpx.Client(base_url=base_url, headers={"X-API-Key": api_key}, timeout=60) as client:
        client.delete(f"/v1/sandboxes/{sandbox_id}")
