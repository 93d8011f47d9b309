from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.desktop_debug_logs import DesktopDebugLogs
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs() -> dict[str, Any]:
    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/desktop/debug/logs",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DesktopDebugLogs | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = DesktopDebugLogs.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: httpx.Response) -> DesktopDebugLogs:
    if True:
        _body = _types.json_body(response)
        response_200 = DesktopDebugLogs.from_dict(_body)

        return response_200


def request() -> _types.ApiRequest[DesktopDebugLogs]:
    """The request of `desktop_debug_logs` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="desktop_debug_logs",
        kwargs=_get_kwargs(),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DesktopDebugLogs | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[DesktopDebugLogs | ErrorResponse]:
    """Desktop debug logs

     Last lines (at most 500) of the desktop services' logs (Xvfb, VNC server, window manager).
    Errors: 401 `UNAUTHORIZED`; 503 `DESKTOP_NOT_AVAILABLE` (`details.missing_dependencies`); 500
    `INTERNAL_ERROR` (the X11 tool failed).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DesktopDebugLogs | ErrorResponse]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> DesktopDebugLogs | ErrorResponse | None:
    """Desktop debug logs

     Last lines (at most 500) of the desktop services' logs (Xvfb, VNC server, window manager).
    Errors: 401 `UNAUTHORIZED`; 503 `DESKTOP_NOT_AVAILABLE` (`details.missing_dependencies`); 500
    `INTERNAL_ERROR` (the X11 tool failed).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DesktopDebugLogs | ErrorResponse
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[DesktopDebugLogs | ErrorResponse]:
    """Desktop debug logs

     Last lines (at most 500) of the desktop services' logs (Xvfb, VNC server, window manager).
    Errors: 401 `UNAUTHORIZED`; 503 `DESKTOP_NOT_AVAILABLE` (`details.missing_dependencies`); 500
    `INTERNAL_ERROR` (the X11 tool failed).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DesktopDebugLogs | ErrorResponse]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> DesktopDebugLogs | ErrorResponse | None:
    """Desktop debug logs

     Last lines (at most 500) of the desktop services' logs (Xvfb, VNC server, window manager).
    Errors: 401 `UNAUTHORIZED`; 503 `DESKTOP_NOT_AVAILABLE` (`details.missing_dependencies`); 500
    `INTERNAL_ERROR` (the X11 tool failed).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DesktopDebugLogs | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
