"""The pooled httpx clients: retries in the transport, auth as ``httpx.Auth``, per-call timeouts
in a request hook, errors mapped in a response hook.

The client does not read proxies from the environment itself (``trust_env=False``): the one
proxy that applies to its server is given to the transport, so that proxied requests get the
same retries as direct ones.
"""

from __future__ import annotations

import random

import httpx

from .. import _overrides
from .._context import apply_request_timeout
from .._errors_translation import error_for, record_response, should_raise
from .._http_common import POOL_LIMITS, USER_AGENT, http_timeout, proxy_for, ssl_context
from .._retry import RetryPolicy
from ._transport import AsyncRetryTransport


async def _apply_call_timeout(request: httpx.Request) -> None:
    apply_request_timeout(request)


async def _raise_for_error(response: httpx.Response) -> None:
    record_response(response)
    if should_raise(response):
        await response.aread()
        raise error_for(response)


def build_http_client(
    *, base_url: str, auth: httpx.Auth | None, timeout: float, max_retries: int
) -> httpx.AsyncClient:
    """One pooled client for one server (control plane or one sandbox's agent). No I/O."""
    overrides = _overrides.current()
    inner = overrides.async_transport or httpx.AsyncHTTPTransport(
        verify=ssl_context(), limits=POOL_LIMITS, proxy=proxy_for(base_url)
    )
    policy = RetryPolicy(max_retries=max_retries, jitter=overrides.random or random.random)
    return httpx.AsyncClient(
        base_url=base_url,
        auth=auth,
        timeout=http_timeout(timeout),
        transport=AsyncRetryTransport(inner, policy, sleep=overrides.async_sleep),
        event_hooks={"request": [_apply_call_timeout], "response": [_raise_for_error]},
        headers={"User-Agent": USER_AGENT},
        trust_env=False,
    )
