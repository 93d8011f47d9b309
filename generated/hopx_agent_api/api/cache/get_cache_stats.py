from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.cache_stats_response import CacheStatsResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs() -> dict[str, Any]:
    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/cache/stats",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CacheStatsResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = CacheStatsResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: httpx.Response) -> CacheStatsResponse:
    if True:
        _body = _types.json_body(response)
        response_200 = CacheStatsResponse.from_dict(_body)

        return response_200


def request() -> _types.ApiRequest[CacheStatsResponse]:
    """The request of `get_cache_stats` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="get_cache_stats",
        kwargs=_get_kwargs(),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CacheStatsResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[CacheStatsResponse | ErrorResponse]:
    """Execution cache statistics

     Statistics of the agent's execution-result cache. An agent that does not cache reports
    zeros (hopx-local's agent never replays results: executions have side effects).
    Errors: 401 `UNAUTHORIZED`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CacheStatsResponse | ErrorResponse]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> CacheStatsResponse | ErrorResponse | None:
    """Execution cache statistics

     Statistics of the agent's execution-result cache. An agent that does not cache reports
    zeros (hopx-local's agent never replays results: executions have side effects).
    Errors: 401 `UNAUTHORIZED`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CacheStatsResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[CacheStatsResponse | ErrorResponse]:
    """Execution cache statistics

     Statistics of the agent's execution-result cache. An agent that does not cache reports
    zeros (hopx-local's agent never replays results: executions have side effects).
    Errors: 401 `UNAUTHORIZED`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CacheStatsResponse | ErrorResponse]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> CacheStatsResponse | ErrorResponse | None:
    """Execution cache statistics

     Statistics of the agent's execution-result cache. An agent that does not cache reports
    zeros (hopx-local's agent never replays results: executions have side effects).
    Errors: 401 `UNAUTHORIZED`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CacheStatsResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
