from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.find_element_response import FindElementResponse
from ...models.wait_for_request import WaitForRequest
from ...types import Response


def _get_kwargs(
    *,
    body: WaitForRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/desktop/x11/wait_for",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | FindElementResponse | None:
    if response.status_code == 200:
        response_200 = FindElementResponse.from_dict(response.json())

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


def _parse_success(response: httpx.Response) -> FindElementResponse:
    if True:
        _body = _types.json_body(response)
        response_200 = FindElementResponse.from_dict(_body)

        return response_200


def request(
    *,
    body: WaitForRequest,
) -> _types.ApiRequest[FindElementResponse]:
    """The request of `desktop_wait_for` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="desktop_wait_for",
        kwargs=_get_kwargs(
            body=body,
        ),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | FindElementResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: WaitForRequest,
) -> Response[ErrorResponse | FindElementResponse]:
    """Wait for on-screen text

     Polls like `find_element` until `text` appears or `timeout` seconds pass. Not in the published spec;
    the published SDK calls it. **Decision:** the timeout is not an HTTP error: 200 with `found: false`
    (the published SDK reads `element` and returns `{}` when absent). Clients set their HTTP timeout
    above `timeout` (the published SDK uses +30 s).
    Errors: 401 `UNAUTHORIZED`; 503 `DESKTOP_NOT_AVAILABLE` (`details.missing_dependencies`); 500
    `INTERNAL_ERROR` (the X11 tool failed); 400 `INVALID_REQUEST`.

    Args:
        body (WaitForRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FindElementResponse]
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
    body: WaitForRequest,
) -> ErrorResponse | FindElementResponse | None:
    """Wait for on-screen text

     Polls like `find_element` until `text` appears or `timeout` seconds pass. Not in the published spec;
    the published SDK calls it. **Decision:** the timeout is not an HTTP error: 200 with `found: false`
    (the published SDK reads `element` and returns `{}` when absent). Clients set their HTTP timeout
    above `timeout` (the published SDK uses +30 s).
    Errors: 401 `UNAUTHORIZED`; 503 `DESKTOP_NOT_AVAILABLE` (`details.missing_dependencies`); 500
    `INTERNAL_ERROR` (the X11 tool failed); 400 `INVALID_REQUEST`.

    Args:
        body (WaitForRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FindElementResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: WaitForRequest,
) -> Response[ErrorResponse | FindElementResponse]:
    """Wait for on-screen text

     Polls like `find_element` until `text` appears or `timeout` seconds pass. Not in the published spec;
    the published SDK calls it. **Decision:** the timeout is not an HTTP error: 200 with `found: false`
    (the published SDK reads `element` and returns `{}` when absent). Clients set their HTTP timeout
    above `timeout` (the published SDK uses +30 s).
    Errors: 401 `UNAUTHORIZED`; 503 `DESKTOP_NOT_AVAILABLE` (`details.missing_dependencies`); 500
    `INTERNAL_ERROR` (the X11 tool failed); 400 `INVALID_REQUEST`.

    Args:
        body (WaitForRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FindElementResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: WaitForRequest,
) -> ErrorResponse | FindElementResponse | None:
    """Wait for on-screen text

     Polls like `find_element` until `text` appears or `timeout` seconds pass. Not in the published spec;
    the published SDK calls it. **Decision:** the timeout is not an HTTP error: 200 with `found: false`
    (the published SDK reads `element` and returns `{}` when absent). Clients set their HTTP timeout
    above `timeout` (the published SDK uses +30 s).
    Errors: 401 `UNAUTHORIZED`; 503 `DESKTOP_NOT_AVAILABLE` (`details.missing_dependencies`); 500
    `INTERNAL_ERROR` (the X11 tool failed); 400 `INVALID_REQUEST`.

    Args:
        body (WaitForRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FindElementResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
