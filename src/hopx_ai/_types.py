"""Type aliases that differ between the async source and the generated blocking code.

Each ``AsyncX`` has a ``SyncX`` twin; ``scripts/unasync_sdk.py`` renames one into the other.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Awaitable, Callable, Generator
from typing import TYPE_CHECKING, TypeAlias

import httpx

from ._token import TokenData

if TYPE_CHECKING:
    from .errors import HopxError

AsyncSleep: TypeAlias = Callable[[float], Awaitable[None]]
SyncSleep: TypeAlias = Callable[[float], None]

AsyncAuthFlow: TypeAlias = AsyncGenerator[httpx.Request, httpx.Response]
SyncAuthFlow: TypeAlias = Generator[httpx.Request, httpx.Response, None]

# called with no argument, or with the request_timeout of the call that needs a token
AsyncTokenFetcher: TypeAlias = Callable[..., Awaitable[TokenData]]
SyncTokenFetcher: TypeAlias = Callable[..., TokenData]

AsyncUrlSource: TypeAlias = Callable[[], Awaitable[str]]
SyncUrlSource: TypeAlias = Callable[[], str]

# Asked once when a sandbox's agent cannot be reached: the error that says why (the control
# plane's "killed" / "expired" answer), or None when it knows nothing better.
AsyncUnreachableProbe: TypeAlias = Callable[[], Awaitable["HopxError | None"]]
SyncUnreachableProbe: TypeAlias = Callable[[], "HopxError | None"]
