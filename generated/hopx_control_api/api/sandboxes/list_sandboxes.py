from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.sandbox_list import SandboxList
from ...models.sandbox_status import SandboxStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 100,
    status: SandboxStatus | Unset = UNSET,
    region: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:
    params: dict[str, Any] = {}

    params["limit"] = limit

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["region"] = region

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/sandboxes",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | SandboxList | None:
    if response.status_code == 200:
        response_200 = SandboxList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: httpx.Response) -> SandboxList:
    if True:
        _body = _types.json_body(response)
        response_200 = SandboxList.from_dict(_body)

        return response_200


def request(
    *,
    limit: int | Unset = 100,
    status: SandboxStatus | Unset = UNSET,
    region: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> _types.ApiRequest[SandboxList]:
    """The request of `list_sandboxes` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="list_sandboxes",
        kwargs=_get_kwargs(
            limit=limit,
            status=status,
            region=region,
            cursor=cursor,
        ),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | SandboxList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    status: SandboxStatus | Unset = UNSET,
    region: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[Error | SandboxList]:
    """List sandboxes

     Sandboxes of the caller's organization, newest first, one page at a time.

    Decision: cursor pagination. The published document has only `limit`, `status` and `region`,
    but the published SDK's `Sandbox.iter()` sends `cursor=<next_cursor>` and loops while
    `has_more` is true; a server that sets `has_more: true` without `next_cursor` makes that loop
    request page 1 forever. So: `next_cursor` is a non-null opaque string whenever `has_more` is
    true (and null otherwise), and passing it back as `cursor` returns the next page with the
    same filters. An unknown or malformed cursor → 400 `validation_error`.

    Args:
        limit (int | Unset):  Default: 100.
        status (SandboxStatus | Unset): Lifecycle status. `creating` → `running`; `running` ⇄
            `paused` (pause/resume);
            `running`|`paused` → `stopped` (stop); `stopped` → `running` (start); `error` when the
            sandbox
            failed (only delete helps). Deleted sandboxes are gone (404), they have no status.
        region (str | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SandboxList]
    """

    kwargs = _get_kwargs(
        limit=limit,
        status=status,
        region=region,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    status: SandboxStatus | Unset = UNSET,
    region: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Error | SandboxList | None:
    """List sandboxes

     Sandboxes of the caller's organization, newest first, one page at a time.

    Decision: cursor pagination. The published document has only `limit`, `status` and `region`,
    but the published SDK's `Sandbox.iter()` sends `cursor=<next_cursor>` and loops while
    `has_more` is true; a server that sets `has_more: true` without `next_cursor` makes that loop
    request page 1 forever. So: `next_cursor` is a non-null opaque string whenever `has_more` is
    true (and null otherwise), and passing it back as `cursor` returns the next page with the
    same filters. An unknown or malformed cursor → 400 `validation_error`.

    Args:
        limit (int | Unset):  Default: 100.
        status (SandboxStatus | Unset): Lifecycle status. `creating` → `running`; `running` ⇄
            `paused` (pause/resume);
            `running`|`paused` → `stopped` (stop); `stopped` → `running` (start); `error` when the
            sandbox
            failed (only delete helps). Deleted sandboxes are gone (404), they have no status.
        region (str | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SandboxList
    """

    return sync_detailed(
        client=client,
        limit=limit,
        status=status,
        region=region,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    status: SandboxStatus | Unset = UNSET,
    region: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Response[Error | SandboxList]:
    """List sandboxes

     Sandboxes of the caller's organization, newest first, one page at a time.

    Decision: cursor pagination. The published document has only `limit`, `status` and `region`,
    but the published SDK's `Sandbox.iter()` sends `cursor=<next_cursor>` and loops while
    `has_more` is true; a server that sets `has_more: true` without `next_cursor` makes that loop
    request page 1 forever. So: `next_cursor` is a non-null opaque string whenever `has_more` is
    true (and null otherwise), and passing it back as `cursor` returns the next page with the
    same filters. An unknown or malformed cursor → 400 `validation_error`.

    Args:
        limit (int | Unset):  Default: 100.
        status (SandboxStatus | Unset): Lifecycle status. `creating` → `running`; `running` ⇄
            `paused` (pause/resume);
            `running`|`paused` → `stopped` (stop); `stopped` → `running` (start); `error` when the
            sandbox
            failed (only delete helps). Deleted sandboxes are gone (404), they have no status.
        region (str | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SandboxList]
    """

    kwargs = _get_kwargs(
        limit=limit,
        status=status,
        region=region,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    status: SandboxStatus | Unset = UNSET,
    region: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
) -> Error | SandboxList | None:
    """List sandboxes

     Sandboxes of the caller's organization, newest first, one page at a time.

    Decision: cursor pagination. The published document has only `limit`, `status` and `region`,
    but the published SDK's `Sandbox.iter()` sends `cursor=<next_cursor>` and loops while
    `has_more` is true; a server that sets `has_more: true` without `next_cursor` makes that loop
    request page 1 forever. So: `next_cursor` is a non-null opaque string whenever `has_more` is
    true (and null otherwise), and passing it back as `cursor` returns the next page with the
    same filters. An unknown or malformed cursor → 400 `validation_error`.

    Args:
        limit (int | Unset):  Default: 100.
        status (SandboxStatus | Unset): Lifecycle status. `creating` → `running`; `running` ⇄
            `paused` (pause/resume);
            `running`|`paused` → `stopped` (stop); `stopped` → `running` (start); `error` when the
            sandbox
            failed (only delete helps). Deleted sandboxes are gone (404), they have no status.
        region (str | Unset):
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SandboxList
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            status=status,
            region=region,
            cursor=cursor,
        )
    ).parsed
