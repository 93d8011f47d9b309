from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.metrics_snapshot import MetricsSnapshot
from ...types import Response


def _get_kwargs() -> dict[str, Any]:
    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/metrics/snapshot",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | MetricsSnapshot | None:
    if response.status_code == 200:
        response_200 = MetricsSnapshot.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: httpx.Response) -> MetricsSnapshot:
    if True:
        _body = _types.json_body(response)
        response_200 = MetricsSnapshot.from_dict(_body)

        return response_200


def request() -> _types.ApiRequest[MetricsSnapshot]:
    """The request of `get_metrics_snapshot` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="get_metrics_snapshot",
        kwargs=_get_kwargs(),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | MetricsSnapshot]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | MetricsSnapshot]:
    """Metrics snapshot

     Point-in-time resource usage of the sandbox and counters of the agent.
    Errors: 401 `UNAUTHORIZED`, 500 `INTERNAL_ERROR`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MetricsSnapshot]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | MetricsSnapshot | None:
    """Metrics snapshot

     Point-in-time resource usage of the sandbox and counters of the agent.
    Errors: 401 `UNAUTHORIZED`, 500 `INTERNAL_ERROR`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MetricsSnapshot
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | MetricsSnapshot]:
    """Metrics snapshot

     Point-in-time resource usage of the sandbox and counters of the agent.
    Errors: 401 `UNAUTHORIZED`, 500 `INTERNAL_ERROR`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | MetricsSnapshot]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | MetricsSnapshot | None:
    """Metrics snapshot

     Point-in-time resource usage of the sandbox and counters of the agent.
    Errors: 401 `UNAUTHORIZED`, 500 `INTERNAL_ERROR`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | MetricsSnapshot
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
