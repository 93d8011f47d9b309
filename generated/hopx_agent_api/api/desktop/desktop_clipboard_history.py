from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.clipboard_history import ClipboardHistory
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs() -> dict[str, Any]:
    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/desktop/clipboard/history",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ClipboardHistory | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = ClipboardHistory.from_dict(response.json())

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


def _parse_success(response: httpx.Response) -> ClipboardHistory:
    if True:
        _body = _types.json_body(response)
        response_200 = ClipboardHistory.from_dict(_body)

        return response_200


def request() -> _types.ApiRequest[ClipboardHistory]:
    """The request of `desktop_clipboard_history` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="desktop_clipboard_history",
        kwargs=_get_kwargs(),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ClipboardHistory | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ClipboardHistory | ErrorResponse]:
    """Clipboard history

     Texts set through `/desktop/clipboard/set` or seen by the agent, most recent first, at most 50.
    Errors: 401 `UNAUTHORIZED`; 503 `DESKTOP_NOT_AVAILABLE` (`details.missing_dependencies`); 500
    `INTERNAL_ERROR` (the X11 tool failed).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClipboardHistory | ErrorResponse]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> ClipboardHistory | ErrorResponse | None:
    """Clipboard history

     Texts set through `/desktop/clipboard/set` or seen by the agent, most recent first, at most 50.
    Errors: 401 `UNAUTHORIZED`; 503 `DESKTOP_NOT_AVAILABLE` (`details.missing_dependencies`); 500
    `INTERNAL_ERROR` (the X11 tool failed).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClipboardHistory | ErrorResponse
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ClipboardHistory | ErrorResponse]:
    """Clipboard history

     Texts set through `/desktop/clipboard/set` or seen by the agent, most recent first, at most 50.
    Errors: 401 `UNAUTHORIZED`; 503 `DESKTOP_NOT_AVAILABLE` (`details.missing_dependencies`); 500
    `INTERNAL_ERROR` (the X11 tool failed).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ClipboardHistory | ErrorResponse]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> ClipboardHistory | ErrorResponse | None:
    """Clipboard history

     Texts set through `/desktop/clipboard/set` or seen by the agent, most recent first, at most 50.
    Errors: 401 `UNAUTHORIZED`; 503 `DESKTOP_NOT_AVAILABLE` (`details.missing_dependencies`); 500
    `INTERNAL_ERROR` (the X11 tool failed).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ClipboardHistory | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
