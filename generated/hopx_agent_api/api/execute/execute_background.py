from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.background_execution_response import BackgroundExecutionResponse
from ...models.error_response import ErrorResponse
from ...models.execute_background_request import ExecuteBackgroundRequest
from ...types import Response


def _get_kwargs(
    *,
    body: ExecuteBackgroundRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/execute/background",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BackgroundExecutionResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = BackgroundExecutionResponse.from_dict(response.json())

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


def _parse_success(response: httpx.Response) -> BackgroundExecutionResponse:
    if True:
        _body = _types.json_body(response)
        response_200 = BackgroundExecutionResponse.from_dict(_body)

        return response_200


def request(
    *,
    body: ExecuteBackgroundRequest,
) -> _types.ApiRequest[BackgroundExecutionResponse]:
    """The request of `execute_background` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="execute_background",
        kwargs=_get_kwargs(
            body=body,
        ),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BackgroundExecutionResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ExecuteBackgroundRequest,
) -> Response[BackgroundExecutionResponse | ErrorResponse]:
    """Start code in the background

     Starts `code` as a background process and answers at once with its `process_id`. Follow it
    with `GET /execute/processes` (status, exit code, captured output) and stop it with
    `DELETE /execute/kill?process_id=`. `timeout` (seconds, 1..86400, default 300) kills the
    process when exceeded (final status `timeout`). Output is captured (last 1 MiB of each
    stream) and returned in the process list. Background code always runs as a separate process
    (never in the Jupyter kernel). `workdir` is accepted although the published spec lacks it
    (default `/workspace`).
    Errors: 400 `INVALID_REQUEST`/`INVALID_JSON`; 401 `UNAUTHORIZED`; 404 `DIRECTORY_NOT_FOUND`;
    413 `PAYLOAD_TOO_LARGE` (body over 8 MiB); 500 `EXECUTION_FAILED` (could not start) /
    `INTERNAL_ERROR`.

    Args:
        body (ExecuteBackgroundRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BackgroundExecutionResponse | ErrorResponse]
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
    body: ExecuteBackgroundRequest,
) -> BackgroundExecutionResponse | ErrorResponse | None:
    """Start code in the background

     Starts `code` as a background process and answers at once with its `process_id`. Follow it
    with `GET /execute/processes` (status, exit code, captured output) and stop it with
    `DELETE /execute/kill?process_id=`. `timeout` (seconds, 1..86400, default 300) kills the
    process when exceeded (final status `timeout`). Output is captured (last 1 MiB of each
    stream) and returned in the process list. Background code always runs as a separate process
    (never in the Jupyter kernel). `workdir` is accepted although the published spec lacks it
    (default `/workspace`).
    Errors: 400 `INVALID_REQUEST`/`INVALID_JSON`; 401 `UNAUTHORIZED`; 404 `DIRECTORY_NOT_FOUND`;
    413 `PAYLOAD_TOO_LARGE` (body over 8 MiB); 500 `EXECUTION_FAILED` (could not start) /
    `INTERNAL_ERROR`.

    Args:
        body (ExecuteBackgroundRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BackgroundExecutionResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ExecuteBackgroundRequest,
) -> Response[BackgroundExecutionResponse | ErrorResponse]:
    """Start code in the background

     Starts `code` as a background process and answers at once with its `process_id`. Follow it
    with `GET /execute/processes` (status, exit code, captured output) and stop it with
    `DELETE /execute/kill?process_id=`. `timeout` (seconds, 1..86400, default 300) kills the
    process when exceeded (final status `timeout`). Output is captured (last 1 MiB of each
    stream) and returned in the process list. Background code always runs as a separate process
    (never in the Jupyter kernel). `workdir` is accepted although the published spec lacks it
    (default `/workspace`).
    Errors: 400 `INVALID_REQUEST`/`INVALID_JSON`; 401 `UNAUTHORIZED`; 404 `DIRECTORY_NOT_FOUND`;
    413 `PAYLOAD_TOO_LARGE` (body over 8 MiB); 500 `EXECUTION_FAILED` (could not start) /
    `INTERNAL_ERROR`.

    Args:
        body (ExecuteBackgroundRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BackgroundExecutionResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ExecuteBackgroundRequest,
) -> BackgroundExecutionResponse | ErrorResponse | None:
    """Start code in the background

     Starts `code` as a background process and answers at once with its `process_id`. Follow it
    with `GET /execute/processes` (status, exit code, captured output) and stop it with
    `DELETE /execute/kill?process_id=`. `timeout` (seconds, 1..86400, default 300) kills the
    process when exceeded (final status `timeout`). Output is captured (last 1 MiB of each
    stream) and returned in the process list. Background code always runs as a separate process
    (never in the Jupyter kernel). `workdir` is accepted although the published spec lacks it
    (default `/workspace`).
    Errors: 400 `INVALID_REQUEST`/`INVALID_JSON`; 401 `UNAUTHORIZED`; 404 `DIRECTORY_NOT_FOUND`;
    413 `PAYLOAD_TOO_LARGE` (body over 8 MiB); 500 `EXECUTION_FAILED` (could not start) /
    `INTERNAL_ERROR`.

    Args:
        body (ExecuteBackgroundRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BackgroundExecutionResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
