from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.system_info import SystemInfo
from ...types import Response


def _get_kwargs() -> dict[str, Any]:
    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/system",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | SystemInfo | None:
    if response.status_code == 200:
        response_200 = SystemInfo.from_dict(response.json())

        return response_200

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: httpx.Response) -> SystemInfo:
    if True:
        _body = _types.json_body(response)
        response_200 = SystemInfo.from_dict(_body)

        return response_200


def request() -> _types.ApiRequest[SystemInfo]:
    """The request of `get_system_info` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="get_system_info",
        kwargs=_get_kwargs(),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | SystemInfo]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | SystemInfo]:
    """System information and resource usage

     Unauthenticated. Host name, OS and kernel, interpreter versions, and CPU / memory / disk usage
    of the sandbox (memory and CPU figures are those of the sandbox's cgroup when it has limits).
    Errors: 500 `INTERNAL_ERROR` if the figures cannot be read.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SystemInfo]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | SystemInfo | None:
    """System information and resource usage

     Unauthenticated. Host name, OS and kernel, interpreter versions, and CPU / memory / disk usage
    of the sandbox (memory and CPU figures are those of the sandbox's cgroup when it has limits).
    Errors: 500 `INTERNAL_ERROR` if the figures cannot be read.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SystemInfo
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorResponse | SystemInfo]:
    """System information and resource usage

     Unauthenticated. Host name, OS and kernel, interpreter versions, and CPU / memory / disk usage
    of the sandbox (memory and CPU figures are those of the sandbox's cgroup when it has limits).
    Errors: 500 `INTERNAL_ERROR` if the figures cannot be read.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | SystemInfo]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> ErrorResponse | SystemInfo | None:
    """System information and resource usage

     Unauthenticated. Host name, OS and kernel, interpreter versions, and CPU / memory / disk usage
    of the sandbox (memory and CPU figures are those of the sandbox's cgroup when it has limits).
    Errors: 500 `INTERNAL_ERROR` if the figures cannot be read.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | SystemInfo
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
