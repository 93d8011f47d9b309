"""Delivery of asynchronous execution results to the caller's callback URL."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import time
from collections.abc import Mapping
from typing import Any

log = logging.getLogger("hopx_local.agent")

ATTEMPTS = 3
BACKOFF_SECONDS = (1.0, 2.0)
TIMEOUT_SECONDS = 10.0


def signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def callback_headers(
    body: bytes, extra: Mapping[str, str] | None, secret: str | None
) -> dict[str, str]:
    headers = dict(extra or {})
    headers["Content-Type"] = "application/json"
    headers["X-HopX-Timestamp"] = str(int(time.time()))
    if secret:
        headers["X-HopX-Signature"] = signature(secret, body)
    return headers


async def deliver(
    url: str,
    payload: dict[str, Any],
    *,
    headers: Mapping[str, str] | None = None,
    secret: str | None = None,
) -> bool:
    """POST ``payload``; up to 3 attempts on network errors and 5xx. True once a 2xx came back."""
    import httpx

    body = json.dumps(payload).encode("utf-8")
    sent_headers = callback_headers(body, headers, secret)
    async with httpx.AsyncClient(timeout=TIMEOUT_SECONDS, follow_redirects=False) as client:
        for attempt in range(ATTEMPTS):
            try:
                response = await client.post(url, content=body, headers=sent_headers)
            except httpx.HTTPError as exc:
                log.warning("callback to %s failed (attempt %d): %s", url, attempt + 1, exc)
            else:
                if response.is_success:
                    return True
                if response.status_code < 500:
                    log.warning("callback to %s answered %d", url, response.status_code)
                    return False
                log.warning("callback to %s answered %d", url, response.status_code)
            if attempt < ATTEMPTS - 1:
                await asyncio.sleep(BACKOFF_SECONDS[attempt])
    return False
