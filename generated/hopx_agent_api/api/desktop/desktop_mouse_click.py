from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.desktop_action_response import DesktopActionResponse
from ...models.error_response import ErrorResponse
from ...models.mouse_click_request import MouseClickRequest
from ...types import Response


def _get_kwargs(
    *,
    body: MouseClickRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/desktop/mouse/click",
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
    body: MouseClickRequest,
) -> _types.ApiRequest[DesktopActionResponse]:
    """The request of `desktop_mouse_click` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="desktop_mouse_click",
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
    body: MouseClickRequest,
) -> Response[DesktopActionResponse | ErrorResponse]:
    """Click the mouse

     Moves the pointer to (`x`, `y`) and clicks `clicks` times with `button`. Coordinates outside the
    screen answer 400.
    Errors: 401 `UNAUTHORIZED`; 503 `DESKTOP_NOT_AVAILABLE` (`details.missing_dependencies`); 500
    `INTERNAL_ERROR` (the X11 tool failed); 400 `INVALID_REQUEST`.

    Args:
        body (MouseClickRequest):

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
    body: MouseClickRequest,
) -> DesktopActionResponse | ErrorResponse | None:
    """Click the mouse

     Moves the pointer to (`x`, `y`) and clicks `clicks` times with `button`. Coordinates outside the
    screen answer 400.
    Errors: 401 `UNAUTHORIZED`; 503 `DESKTOP_NOT_AVAILABLE` (`details.missing_dependencies`); 500
    `INTERNAL_ERROR` (the X11 tool failed); 400 `INVALID_REQUEST`.

    Args:
        body (MouseClickRequest):

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
    body: MouseClickRequest,
) -> Response[DesktopActionResponse | ErrorResponse]:
    """Click the mouse

     Moves the pointer to (`x`, `y`) and clicks `clicks` times with `button`. Coordinates outside the
    screen answer 400.
    Errors: 401 `UNAUTHORIZED`; 503 `DESKTOP_NOT_AVAILABLE` (`details.missing_dependencies`); 500
    `INTERNAL_ERROR` (the X11 tool failed); 400 `INVALID_REQUEST`.

    Args:
        body (MouseClickRequest):

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
    body: MouseClickRequest,
) -> DesktopActionResponse | ErrorResponse | None:
    """Click the mouse

     Moves the pointer to (`x`, `y`) and clicks `clicks` times with `button`. Coordinates outside the
    screen answer 400.
    Errors: 401 `UNAUTHORIZED`; 503 `DESKTOP_NOT_AVAILABLE` (`details.missing_dependencies`); 500
    `INTERNAL_ERROR` (the X11 tool failed); 400 `INVALID_REQUEST`.

    Args:
        body (MouseClickRequest):

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
