from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.kill_process_response import KillProcessResponse
from ...types import UNSET, Response


def _get_kwargs(
    *,
    process_id: str,
) -> dict[str, Any]:
    params: dict[str, Any] = {}

    params["process_id"] = process_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/execute/kill",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | KillProcessResponse | None:
    if response.status_code == 200:
        response_200 = KillProcessResponse.from_dict(response.json())

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: httpx.Response) -> KillProcessResponse:
    if True:
        _body = _types.json_body(response)
        response_200 = KillProcessResponse.from_dict(_body)

        return response_200


def request(
    *,
    process_id: str,
) -> _types.ApiRequest[KillProcessResponse]:
    """The request of `kill_execute_process` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="kill_execute_process",
        kwargs=_get_kwargs(
            process_id=process_id,
        ),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | KillProcessResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    process_id: str,
) -> Response[ErrorResponse | KillProcessResponse]:
    """Kill a background process

     Canonical kill (the published spec's form). Sends SIGTERM to the process group, then SIGKILL
    after 2 s. `success` is true when the process was running and is now `killed`; killing a
    process that already finished is not an error: 200 with `success: false` and its final
    `status`. The published SDKs call `POST /execute/kill/{process_id}` (sync) and
    `POST /processes/{process_id}/kill` (async); both are kept as deprecated aliases.
    Errors: 400 `MISSING_PARAMETER`; 401 `UNAUTHORIZED`; 404 `PROCESS_NOT_FOUND`.

    Args:
        process_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | KillProcessResponse]
    """

    kwargs = _get_kwargs(
        process_id=process_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    process_id: str,
) -> ErrorResponse | KillProcessResponse | None:
    """Kill a background process

     Canonical kill (the published spec's form). Sends SIGTERM to the process group, then SIGKILL
    after 2 s. `success` is true when the process was running and is now `killed`; killing a
    process that already finished is not an error: 200 with `success: false` and its final
    `status`. The published SDKs call `POST /execute/kill/{process_id}` (sync) and
    `POST /processes/{process_id}/kill` (async); both are kept as deprecated aliases.
    Errors: 400 `MISSING_PARAMETER`; 401 `UNAUTHORIZED`; 404 `PROCESS_NOT_FOUND`.

    Args:
        process_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | KillProcessResponse
    """

    return sync_detailed(
        client=client,
        process_id=process_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    process_id: str,
) -> Response[ErrorResponse | KillProcessResponse]:
    """Kill a background process

     Canonical kill (the published spec's form). Sends SIGTERM to the process group, then SIGKILL
    after 2 s. `success` is true when the process was running and is now `killed`; killing a
    process that already finished is not an error: 200 with `success: false` and its final
    `status`. The published SDKs call `POST /execute/kill/{process_id}` (sync) and
    `POST /processes/{process_id}/kill` (async); both are kept as deprecated aliases.
    Errors: 400 `MISSING_PARAMETER`; 401 `UNAUTHORIZED`; 404 `PROCESS_NOT_FOUND`.

    Args:
        process_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | KillProcessResponse]
    """

    kwargs = _get_kwargs(
        process_id=process_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    process_id: str,
) -> ErrorResponse | KillProcessResponse | None:
    """Kill a background process

     Canonical kill (the published spec's form). Sends SIGTERM to the process group, then SIGKILL
    after 2 s. `success` is true when the process was running and is now `killed`; killing a
    process that already finished is not an error: 200 with `success: false` and its final
    `status`. The published SDKs call `POST /execute/kill/{process_id}` (sync) and
    `POST /processes/{process_id}/kill` (async); both are kept as deprecated aliases.
    Errors: 400 `MISSING_PARAMETER`; 401 `UNAUTHORIZED`; 404 `PROCESS_NOT_FOUND`.

    Args:
        process_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | KillProcessResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            process_id=process_id,
        )
    ).parsed
