"""The pooled httpx clients: retries in the transport, auth per request, timeouts per call.

The client does not read proxies from the environment itself (``trust_env=False``): the one
proxy that applies to its server is given to the transport, so that proxied requests get the
same retries as direct ones. A ``transport=`` of the caller (a proxy, custom certificates,
``httpx.MockTransport``) replaces the network transport, under the same retries.
"""

from __future__ import annotations

import random

import httpx

from .. import _overrides
from .._http_common import POOL_LIMITS, USER_AGENT, http_timeout, proxy_for, ssl_context
from .._retry import RetryPolicy
from ._transport import AsyncRetryTransport


def build_http_client(
    *,
    base_url: str,
    timeout: float,
    max_retries: int,
    transport: httpx.AsyncBaseTransport | None = None,
) -> httpx.AsyncClient:
    """One pooled client for one server (control plane or one sandbox's agent). No I/O."""
    overrides = _overrides.current()
    inner = transport or httpx.AsyncHTTPTransport(
        verify=ssl_context(), limits=POOL_LIMITS, proxy=proxy_for(base_url)
    )
    policy = RetryPolicy(max_retries=max_retries, jitter=overrides.random or random.random)
    return httpx.AsyncClient(
        base_url=base_url,
        timeout=http_timeout(timeout),
        transport=AsyncRetryTransport(inner, policy, sleep=overrides.async_sleep),
        headers={"User-Agent": USER_AGENT},
        trust_env=False,
    )
