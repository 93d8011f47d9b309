"""Where the API key and the control-plane URL come from.

Precedence: the argument, then the environment (``HOPX_API_KEY`` / ``HOPX_BASE_URL``), then the
default ``https://api.hopx.dev``. The key never appears in ``repr``/``str``/logs.
"""

from __future__ import annotations

import os
from typing import Any, Final

import attrs
import httpx

from .errors import AuthenticationError, ValidationError

API_KEY_ENV: Final = "HOPX_API_KEY"
BASE_URL_ENV: Final = "HOPX_BASE_URL"
PRODUCTION_BASE_URL: Final = "https://api.hopx.dev"


class _DefaultBaseURL(str):
    """The default ``base_url`` of every signature.

    It prints as ``'https://api.hopx.dev'`` (the published default), but being this very object
    means "not given", so ``HOPX_BASE_URL`` can take precedence over it.
    """

    __slots__ = ()


DEFAULT_BASE_URL: Final[str] = _DefaultBaseURL(PRODUCTION_BASE_URL)

DEFAULT_TIMEOUT: Final = 60.0
DEFAULT_MAX_RETRIES: Final = 3


def resolve_base_url(base_url: str | None) -> str:
    """The argument unless it is the untouched default, then ``HOPX_BASE_URL``, then production."""
    if base_url is not None and base_url is not DEFAULT_BASE_URL:
        chosen = base_url
    else:
        chosen = os.environ.get(BASE_URL_ENV) or PRODUCTION_BASE_URL
    chosen = chosen.strip().rstrip("/")
    if not chosen.startswith(("http://", "https://")):
        raise ValidationError(
            f"base_url must start with http:// or https:// (got {chosen!r}): "
            f"pass base_url= or set {BASE_URL_ENV}",
            field="base_url",
        )
    return chosen


def resolve_api_key(api_key: str | None) -> str:
    """The argument, then ``HOPX_API_KEY``; neither raises a clear :class:`AuthenticationError`."""
    key = api_key if api_key else os.environ.get(API_KEY_ENV)
    if not key or not key.strip():
        raise AuthenticationError(
            f"No API key: pass api_key='...' or set the {API_KEY_ENV} environment variable",
            code="missing_api_key",
        )
    return key.strip()


@attrs.frozen
class ControlPlaneConfig:
    """Everything needed to talk to the control plane; ``api_key`` is kept out of ``repr``."""

    api_key: str | None = attrs.field(repr=False)
    base_url: str
    timeout: float = DEFAULT_TIMEOUT
    max_retries: int = DEFAULT_MAX_RETRIES
    # The caller's HTTP client or transport (``http_client=`` / ``transport=``), by kind.
    async_http_client: httpx.AsyncClient | None = attrs.field(default=None, repr=False, eq=False)
    sync_http_client: httpx.Client | None = attrs.field(default=None, repr=False, eq=False)
    async_transport: httpx.AsyncBaseTransport | None = attrs.field(
        default=None, repr=False, eq=False
    )
    sync_transport: httpx.BaseTransport | None = attrs.field(default=None, repr=False, eq=False)

    @classmethod
    def resolve(
        cls,
        api_key: str | None,
        base_url: str | None,
        *,
        timeout: float | None = None,
        max_retries: int | None = None,
        require_api_key: bool = True,
        http_client: httpx.AsyncClient | httpx.Client | None = None,
        transport: httpx.AsyncBaseTransport | httpx.BaseTransport | None = None,
    ) -> ControlPlaneConfig:
        if max_retries is not None and max_retries < 0:
            raise ValidationError("max_retries must be >= 0", field="max_retries")
        if timeout is not None and timeout <= 0:
            raise ValidationError("timeout must be > 0 seconds", field="timeout")
        return cls(
            api_key=resolve_api_key(api_key) if require_api_key else None,
            base_url=resolve_base_url(base_url),
            timeout=DEFAULT_TIMEOUT if timeout is None else float(timeout),
            max_retries=DEFAULT_MAX_RETRIES if max_retries is None else max_retries,
            **http_options(http_client, transport),
        )


def http_options(
    http_client: httpx.AsyncClient | httpx.Client | None,
    transport: httpx.AsyncBaseTransport | httpx.BaseTransport | None,
) -> dict[str, Any]:
    """``http_client=`` / ``transport=`` sorted by kind (``httpx.MockTransport`` is both)."""
    if http_client is not None and not isinstance(http_client, httpx.AsyncClient | httpx.Client):
        raise ValidationError(
            "http_client must be an httpx.Client (Sandbox) or httpx.AsyncClient (AsyncSandbox)",
            field="http_client",
        )
    if transport is not None and not isinstance(
        transport, httpx.AsyncBaseTransport | httpx.BaseTransport
    ):
        raise ValidationError(
            "transport must be an httpx transport (httpx.HTTPTransport, httpx.MockTransport...)",
            field="transport",
        )
    return {
        "async_http_client": http_client if isinstance(http_client, httpx.AsyncClient) else None,
        "sync_http_client": http_client if isinstance(http_client, httpx.Client) else None,
        "async_transport": transport if isinstance(transport, httpx.AsyncBaseTransport) else None,
        "sync_transport": transport if isinstance(transport, httpx.BaseTransport) else None,
    }
