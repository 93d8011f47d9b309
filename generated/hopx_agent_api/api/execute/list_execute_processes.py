from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.process_list import ProcessList
from ...types import Response


def _get_kwargs() -> dict[str, Any]:
    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/execute/processes",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ProcessList | None:
    if response.status_code == 200:
        response_200 = ProcessList.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: httpx.Response) -> ProcessList:
    if True:
        _body = _types.json_body(response)
        response_200 = ProcessList.from_dict(_body)

        return response_200


def request() -> _types.ApiRequest[ProcessList]:
    """The request of `list_execute_processes` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="list_execute_processes",
        kwargs=_get_kwargs(),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | ProcessList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | ProcessList]:
    """List background processes

     Background executions (`/execute/background`) and background commands
    (`/commands/background`), running and finished (finished ones are kept for 1 hour, at most
    the 100 most recent), newest first.
    Errors: 401 `UNAUTHORIZED`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ProcessList]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | ProcessList | None:
    """List background processes

     Background executions (`/execute/background`) and background commands
    (`/commands/background`), running and finished (finished ones are kept for 1 hour, at most
    the 100 most recent), newest first.
    Errors: 401 `UNAUTHORIZED`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ProcessList
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | ProcessList]:
    """List background processes

     Background executions (`/execute/background`) and background commands
    (`/commands/background`), running and finished (finished ones are kept for 1 hour, at most
    the 100 most recent), newest first.
    Errors: 401 `UNAUTHORIZED`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ProcessList]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | ProcessList | None:
    """List background processes

     Background executions (`/execute/background`) and background commands
    (`/commands/background`), running and finished (finished ones are kept for 1 hour, at most
    the 100 most recent), newest first.
    Errors: 401 `UNAUTHORIZED`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ProcessList
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
