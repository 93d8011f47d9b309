"""Retries, as an httpx transport wrapper (policy in ``hopx_ai._retry``)."""

from __future__ import annotations

import httpx

from .._call_errors import ATTEMPTS_EXTENSION
from .._log import logger
from .._retry import RetryPolicy, is_permanent_failure
from .._types import AsyncSleep
from ..errors import parse_retry_after


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """Sends a request, and sends it again when :class:`RetryPolicy` says it is safe."""

    def __init__(
        self,
        wrapped: httpx.AsyncBaseTransport,
        policy: RetryPolicy,
        *,
        sleep: AsyncSleep | None = None,
    ) -> None:
        self._wrapped = wrapped
        self._policy = policy
        if sleep is None:
            import anyio  # imported on first use: keeps `import hopx_ai` fast

            sleep = anyio.sleep
        self._sleep: AsyncSleep = sleep

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        attempt = 0
        while True:
            try:
                response = await self._wrapped.handle_async_request(request)
            except httpx.TransportError as error:
                if attempt >= self._policy.max_retries:
                    raise
                if not self._policy.retries_error(request.method, error):
                    raise
                backoff = self._policy.backoff(attempt)
                logger.debug("%s %s failed (%r); retry in %.2f s", request.method,
                             request.url.path, error, backoff)  # fmt: skip
                await self._sleep(backoff)
                attempt += 1
                continue
            if attempt < self._policy.max_retries and self._policy.retries_status(
                request.method, response.status_code
            ):
                retry_after = _retry_after(response)
                delay = self._policy.delay(attempt, retry_after)
                if delay is not None and retry_after is None and response.status_code == 503:
                    await response.aread()
                    if is_permanent_failure(response.content):
                        delay = None
                if delay is not None:
                    logger.debug("%s %s answered %s; retry in %.2f s", request.method,
                                 request.url.path, response.status_code, delay)  # fmt: skip
                    await response.aclose()
                    await self._sleep(delay)
                    attempt += 1
                    continue
            response.extensions[ATTEMPTS_EXTENSION] = attempt + 1
            return response

    async def aclose(self) -> None:
        await self._wrapped.aclose()


def _retry_after(response: httpx.Response) -> float | None:
    return parse_retry_after(response.headers.get("retry-after"))
