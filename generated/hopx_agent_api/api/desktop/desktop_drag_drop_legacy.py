from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.desktop_action_response import DesktopActionResponse
from ...models.drag_drop_request import DragDropRequest
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: DragDropRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/desktop/x11/drag_drop",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DesktopActionResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = DesktopActionResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

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


def _parse_success(response: httpx.Response) -> DesktopActionResponse:
    if True:
        _body = _types.json_body(response)
        response_200 = DesktopActionResponse.from_dict(_body)

        return response_200


def request(
    *,
    body: DragDropRequest,
) -> _types.ApiRequest[DesktopActionResponse]:
    """The request of `desktop_drag_drop_legacy` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="desktop_drag_drop_legacy",
        kwargs=_get_kwargs(
            body=body,
        ),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DesktopActionResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: DragDropRequest,
) -> Response[DesktopActionResponse | ErrorResponse]:
    """Drag and drop (deprecated alias)

     Deprecated alias of `POST /desktop/x11/drag-drop`; kept because the published SDK's `drag_drop()`
    calls this spelling. Same semantics.
    Errors: 401 `UNAUTHORIZED`; 503 `DESKTOP_NOT_AVAILABLE` (`details.missing_dependencies`); 500
    `INTERNAL_ERROR` (the X11 tool failed); 400 `INVALID_REQUEST`.

    Args:
        body (DragDropRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DesktopActionResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: DragDropRequest,
) -> DesktopActionResponse | ErrorResponse | None:
    """Drag and drop (deprecated alias)

     Deprecated alias of `POST /desktop/x11/drag-drop`; kept because the published SDK's `drag_drop()`
    calls this spelling. Same semantics.
    Errors: 401 `UNAUTHORIZED`; 503 `DESKTOP_NOT_AVAILABLE` (`details.missing_dependencies`); 500
    `INTERNAL_ERROR` (the X11 tool failed); 400 `INVALID_REQUEST`.

    Args:
        body (DragDropRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DesktopActionResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: DragDropRequest,
) -> Response[DesktopActionResponse | ErrorResponse]:
    """Drag and drop (deprecated alias)

     Deprecated alias of `POST /desktop/x11/drag-drop`; kept because the published SDK's `drag_drop()`
    calls this spelling. Same semantics.
    Errors: 401 `UNAUTHORIZED`; 503 `DESKTOP_NOT_AVAILABLE` (`details.missing_dependencies`); 500
    `INTERNAL_ERROR` (the X11 tool failed); 400 `INVALID_REQUEST`.

    Args:
        body (DragDropRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DesktopActionResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: DragDropRequest,
) -> DesktopActionResponse | ErrorResponse | None:
    """Drag and drop (deprecated alias)

     Deprecated alias of `POST /desktop/x11/drag-drop`; kept because the published SDK's `drag_drop()`
    calls this spelling. Same semantics.
    Errors: 401 `UNAUTHORIZED`; 503 `DESKTOP_NOT_AVAILABLE` (`details.missing_dependencies`); 500
    `INTERNAL_ERROR` (the X11 tool failed); 400 `INVALID_REQUEST`.

    Args:
        body (DragDropRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DesktopActionResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
