from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.command_background_request import CommandBackgroundRequest
from ...models.command_background_response import CommandBackgroundResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: CommandBackgroundRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/commands/background",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CommandBackgroundResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = CommandBackgroundResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = ErrorResponse.from_dict(response.json())

        return response_413

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: httpx.Response) -> CommandBackgroundResponse:
    if True:
        _body = _types.json_body(response)
        response_200 = CommandBackgroundResponse.from_dict(_body)

        return response_200


def request(
    *,
    body: CommandBackgroundRequest,
) -> _types.ApiRequest[CommandBackgroundResponse]:
    """The request of `run_command_background` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="run_command_background",
        kwargs=_get_kwargs(
            body=body,
        ),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CommandBackgroundResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CommandBackgroundRequest,
) -> Response[CommandBackgroundResponse | ErrorResponse]:
    """Start a shell command in the background

     Same request as `/commands/run` (same `command`/`args` rule); answers at once. The process
    joins the background process list (`GET /execute/processes`, `kind: command`) and is killed
    with `DELETE /execute/kill?process_id=`. `timeout` default 120 here too (the published SDK
    sends the same payload for both); max 86400. A program that cannot be run ends at once with
    status `failed` and exit code 127/126, as in `/commands/run`.
    Errors: 400 `INVALID_REQUEST`/`INVALID_JSON`; 401 `UNAUTHORIZED`; 404 `DIRECTORY_NOT_FOUND`;
    413 `PAYLOAD_TOO_LARGE` (body over 8 MiB); 500 `COMMAND_FAILED` / `INTERNAL_ERROR`.

    Args:
        body (CommandBackgroundRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommandBackgroundResponse | ErrorResponse]
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
    body: CommandBackgroundRequest,
) -> CommandBackgroundResponse | ErrorResponse | None:
    """Start a shell command in the background

     Same request as `/commands/run` (same `command`/`args` rule); answers at once. The process
    joins the background process list (`GET /execute/processes`, `kind: command`) and is killed
    with `DELETE /execute/kill?process_id=`. `timeout` default 120 here too (the published SDK
    sends the same payload for both); max 86400. A program that cannot be run ends at once with
    status `failed` and exit code 127/126, as in `/commands/run`.
    Errors: 400 `INVALID_REQUEST`/`INVALID_JSON`; 401 `UNAUTHORIZED`; 404 `DIRECTORY_NOT_FOUND`;
    413 `PAYLOAD_TOO_LARGE` (body over 8 MiB); 500 `COMMAND_FAILED` / `INTERNAL_ERROR`.

    Args:
        body (CommandBackgroundRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommandBackgroundResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CommandBackgroundRequest,
) -> Response[CommandBackgroundResponse | ErrorResponse]:
    """Start a shell command in the background

     Same request as `/commands/run` (same `command`/`args` rule); answers at once. The process
    joins the background process list (`GET /execute/processes`, `kind: command`) and is killed
    with `DELETE /execute/kill?process_id=`. `timeout` default 120 here too (the published SDK
    sends the same payload for both); max 86400. A program that cannot be run ends at once with
    status `failed` and exit code 127/126, as in `/commands/run`.
    Errors: 400 `INVALID_REQUEST`/`INVALID_JSON`; 401 `UNAUTHORIZED`; 404 `DIRECTORY_NOT_FOUND`;
    413 `PAYLOAD_TOO_LARGE` (body over 8 MiB); 500 `COMMAND_FAILED` / `INTERNAL_ERROR`.

    Args:
        body (CommandBackgroundRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommandBackgroundResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CommandBackgroundRequest,
) -> CommandBackgroundResponse | ErrorResponse | None:
    """Start a shell command in the background

     Same request as `/commands/run` (same `command`/`args` rule); answers at once. The process
    joins the background process list (`GET /execute/processes`, `kind: command`) and is killed
    with `DELETE /execute/kill?process_id=`. `timeout` default 120 here too (the published SDK
    sends the same payload for both); max 86400. A program that cannot be run ends at once with
    status `failed` and exit code 127/126, as in `/commands/run`.
    Errors: 400 `INVALID_REQUEST`/`INVALID_JSON`; 401 `UNAUTHORIZED`; 404 `DIRECTORY_NOT_FOUND`;
    413 `PAYLOAD_TOO_LARGE` (body over 8 MiB); 500 `COMMAND_FAILED` / `INTERNAL_ERROR`.

    Args:
        body (CommandBackgroundRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommandBackgroundResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
