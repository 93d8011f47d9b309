from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs() -> dict[str, Any]:
    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/metrics/prometheus",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | str | None:
    if response.status_code == 200:
        response_200 = response.text
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


def _parse_success(response: httpx.Response) -> str:
    if True:
        _body: Any = response.text
        response_200 = cast(str, _body)
        return response_200


def request() -> _types.ApiRequest[str]:
    """The request of `get_prometheus_metrics` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="get_prometheus_metrics",
        kwargs=_get_kwargs(),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | str]:
    """Metrics in Prometheus text format

     The same figures as `/metrics/snapshot` in the Prometheus text exposition format 0.0.4
    (`Content-Type: text/plain; version=0.0.4`), metric names prefixed `hopx_agent_`.
    Errors: 401 `UNAUTHORIZED` (JSON body), 500 `INTERNAL_ERROR` (JSON body).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | str]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | str | None:
    """Metrics in Prometheus text format

     The same figures as `/metrics/snapshot` in the Prometheus text exposition format 0.0.4
    (`Content-Type: text/plain; version=0.0.4`), metric names prefixed `hopx_agent_`.
    Errors: 401 `UNAUTHORIZED` (JSON body), 500 `INTERNAL_ERROR` (JSON body).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | str
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | str]:
    """Metrics in Prometheus text format

     The same figures as `/metrics/snapshot` in the Prometheus text exposition format 0.0.4
    (`Content-Type: text/plain; version=0.0.4`), metric names prefixed `hopx_agent_`.
    Errors: 401 `UNAUTHORIZED` (JSON body), 500 `INTERNAL_ERROR` (JSON body).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | str]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | str | None:
    """Metrics in Prometheus text format

     The same figures as `/metrics/snapshot` in the Prometheus text exposition format 0.0.4
    (`Content-Type: text/plain; version=0.0.4`), metric names prefixed `hopx_agent_`.
    Errors: 401 `UNAUTHORIZED` (JSON body), 500 `INTERNAL_ERROR` (JSON body).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | str
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
