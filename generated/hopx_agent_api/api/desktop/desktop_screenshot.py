from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.screenshot_request import ScreenshotRequest
from ...models.screenshot_response import ScreenshotResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ScreenshotRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/desktop/screenshot",
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ScreenshotResponse | None:
    if response.status_code == 200:
        response_200 = ScreenshotResponse.from_dict(response.json())

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


def _parse_success(response: httpx.Response) -> ScreenshotResponse:
    if True:
        _body = _types.json_body(response)
        response_200 = ScreenshotResponse.from_dict(_body)

        return response_200


def request(
    *,
    body: ScreenshotRequest | Unset = UNSET,
) -> _types.ApiRequest[ScreenshotResponse]:
    """The request of `desktop_screenshot` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="desktop_screenshot",
        kwargs=_get_kwargs(
            body=body,
        ),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | ScreenshotResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ScreenshotRequest | Unset = UNSET,
) -> Response[ErrorResponse | ScreenshotResponse]:
    """Screenshot as JSON (base64)

     Captures the whole screen and answers JSON with the base64 image (the published spec's form,
    `ScreenshotResponse`). The published SDK instead calls `GET /desktop/screenshot` and expects raw PNG
    bytes; both are served (see `desktopScreenshotPng`). The body is optional.
    Errors: 401 `UNAUTHORIZED`; 503 `DESKTOP_NOT_AVAILABLE` (`details.missing_dependencies`); 500
    `INTERNAL_ERROR` (the X11 tool failed); 400 `INVALID_REQUEST`.

    Args:
        body (ScreenshotRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ScreenshotResponse]
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
    body: ScreenshotRequest | Unset = UNSET,
) -> ErrorResponse | ScreenshotResponse | None:
    """Screenshot as JSON (base64)

     Captures the whole screen and answers JSON with the base64 image (the published spec's form,
    `ScreenshotResponse`). The published SDK instead calls `GET /desktop/screenshot` and expects raw PNG
    bytes; both are served (see `desktopScreenshotPng`). The body is optional.
    Errors: 401 `UNAUTHORIZED`; 503 `DESKTOP_NOT_AVAILABLE` (`details.missing_dependencies`); 500
    `INTERNAL_ERROR` (the X11 tool failed); 400 `INVALID_REQUEST`.

    Args:
        body (ScreenshotRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ScreenshotResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ScreenshotRequest | Unset = UNSET,
) -> Response[ErrorResponse | ScreenshotResponse]:
    """Screenshot as JSON (base64)

     Captures the whole screen and answers JSON with the base64 image (the published spec's form,
    `ScreenshotResponse`). The published SDK instead calls `GET /desktop/screenshot` and expects raw PNG
    bytes; both are served (see `desktopScreenshotPng`). The body is optional.
    Errors: 401 `UNAUTHORIZED`; 503 `DESKTOP_NOT_AVAILABLE` (`details.missing_dependencies`); 500
    `INTERNAL_ERROR` (the X11 tool failed); 400 `INVALID_REQUEST`.

    Args:
        body (ScreenshotRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ScreenshotResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ScreenshotRequest | Unset = UNSET,
) -> ErrorResponse | ScreenshotResponse | None:
    """Screenshot as JSON (base64)

     Captures the whole screen and answers JSON with the base64 image (the published spec's form,
    `ScreenshotResponse`). The published SDK instead calls `GET /desktop/screenshot` and expects raw PNG
    bytes; both are served (see `desktopScreenshotPng`). The body is optional.
    Errors: 401 `UNAUTHORIZED`; 503 `DESKTOP_NOT_AVAILABLE` (`details.missing_dependencies`); 500
    `INTERNAL_ERROR` (the X11 tool failed); 400 `INVALID_REQUEST`.

    Args:
        body (ScreenshotRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ScreenshotResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
