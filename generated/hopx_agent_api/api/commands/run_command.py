from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.command_request import CommandRequest
from ...models.command_response import CommandResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: CommandRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/commands/run",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CommandResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = CommandResponse.from_dict(response.json())

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

    if response.status_code == 408:
        response_408 = ErrorResponse.from_dict(response.json())

        return response_408

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


def _parse_success(response: httpx.Response) -> CommandResponse:
    if True:
        _body = _types.json_body(response)
        response_200 = CommandResponse.from_dict(_body)

        return response_200


def request(
    *,
    body: CommandRequest,
) -> _types.ApiRequest[CommandResponse]:
    """The request of `run_command` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="run_command",
        kwargs=_get_kwargs(
            body=body,
        ),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CommandResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CommandRequest,
) -> Response[CommandResponse | ErrorResponse]:
    """Run a shell command and wait for the result

     **Decision on `command`/`args`:** the published SDK sends `{command: "bash", args: ["-c", <cmd>]}`,
    other clients send a plain shell string. When `args` is present (even empty), `command` is the
    program and `args` its arguments, executed directly (no shell; `command` is looked up in
    `PATH`). When `args` is absent, `command` is a shell command line run as `bash -c <command>`.
    Both forms therefore give the same result for the published SDK. A program that does not
    exist or cannot be executed fails as it does in a shell, in both forms: 200 with `exit_code`
    127 (not found) or 126 (not executable) and `<program>: command not found` /
    `Permission denied` on stderr — a mistyped program is the caller's error, not a 500 (which
    the published SDK would retry).

    `timeout` seconds (1..3600, default 120, the published SDK's default). A non-zero exit code is
    200 with `success: false`. On timeout the process group is killed and the answer is **408**
    `EXECUTION_TIMEOUT` with `details: {timeout, stdout, stderr}` (partial output), as for
    `/execute`. stdout and stderr are each capped at 10 MiB (the middle is dropped and replaced by
    a line `…[truncated N bytes]…`).
    Errors: 400 `INVALID_REQUEST`/`INVALID_JSON`; 401 `UNAUTHORIZED`; 404 `DIRECTORY_NOT_FOUND`
    (`workdir`); 408 `EXECUTION_TIMEOUT`; 413 `PAYLOAD_TOO_LARGE` (body over 8 MiB);
    500 `COMMAND_FAILED` (the agent could not start any process) / `INTERNAL_ERROR`.

    Args:
        body (CommandRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommandResponse | ErrorResponse]
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
    body: CommandRequest,
) -> CommandResponse | ErrorResponse | None:
    """Run a shell command and wait for the result

     **Decision on `command`/`args`:** the published SDK sends `{command: "bash", args: ["-c", <cmd>]}`,
    other clients send a plain shell string. When `args` is present (even empty), `command` is the
    program and `args` its arguments, executed directly (no shell; `command` is looked up in
    `PATH`). When `args` is absent, `command` is a shell command line run as `bash -c <command>`.
    Both forms therefore give the same result for the published SDK. A program that does not
    exist or cannot be executed fails as it does in a shell, in both forms: 200 with `exit_code`
    127 (not found) or 126 (not executable) and `<program>: command not found` /
    `Permission denied` on stderr — a mistyped program is the caller's error, not a 500 (which
    the published SDK would retry).

    `timeout` seconds (1..3600, default 120, the published SDK's default). A non-zero exit code is
    200 with `success: false`. On timeout the process group is killed and the answer is **408**
    `EXECUTION_TIMEOUT` with `details: {timeout, stdout, stderr}` (partial output), as for
    `/execute`. stdout and stderr are each capped at 10 MiB (the middle is dropped and replaced by
    a line `…[truncated N bytes]…`).
    Errors: 400 `INVALID_REQUEST`/`INVALID_JSON`; 401 `UNAUTHORIZED`; 404 `DIRECTORY_NOT_FOUND`
    (`workdir`); 408 `EXECUTION_TIMEOUT`; 413 `PAYLOAD_TOO_LARGE` (body over 8 MiB);
    500 `COMMAND_FAILED` (the agent could not start any process) / `INTERNAL_ERROR`.

    Args:
        body (CommandRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommandResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CommandRequest,
) -> Response[CommandResponse | ErrorResponse]:
    """Run a shell command and wait for the result

     **Decision on `command`/`args`:** the published SDK sends `{command: "bash", args: ["-c", <cmd>]}`,
    other clients send a plain shell string. When `args` is present (even empty), `command` is the
    program and `args` its arguments, executed directly (no shell; `command` is looked up in
    `PATH`). When `args` is absent, `command` is a shell command line run as `bash -c <command>`.
    Both forms therefore give the same result for the published SDK. A program that does not
    exist or cannot be executed fails as it does in a shell, in both forms: 200 with `exit_code`
    127 (not found) or 126 (not executable) and `<program>: command not found` /
    `Permission denied` on stderr — a mistyped program is the caller's error, not a 500 (which
    the published SDK would retry).

    `timeout` seconds (1..3600, default 120, the published SDK's default). A non-zero exit code is
    200 with `success: false`. On timeout the process group is killed and the answer is **408**
    `EXECUTION_TIMEOUT` with `details: {timeout, stdout, stderr}` (partial output), as for
    `/execute`. stdout and stderr are each capped at 10 MiB (the middle is dropped and replaced by
    a line `…[truncated N bytes]…`).
    Errors: 400 `INVALID_REQUEST`/`INVALID_JSON`; 401 `UNAUTHORIZED`; 404 `DIRECTORY_NOT_FOUND`
    (`workdir`); 408 `EXECUTION_TIMEOUT`; 413 `PAYLOAD_TOO_LARGE` (body over 8 MiB);
    500 `COMMAND_FAILED` (the agent could not start any process) / `INTERNAL_ERROR`.

    Args:
        body (CommandRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommandResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CommandRequest,
) -> CommandResponse | ErrorResponse | None:
    """Run a shell command and wait for the result

     **Decision on `command`/`args`:** the published SDK sends `{command: "bash", args: ["-c", <cmd>]}`,
    other clients send a plain shell string. When `args` is present (even empty), `command` is the
    program and `args` its arguments, executed directly (no shell; `command` is looked up in
    `PATH`). When `args` is absent, `command` is a shell command line run as `bash -c <command>`.
    Both forms therefore give the same result for the published SDK. A program that does not
    exist or cannot be executed fails as it does in a shell, in both forms: 200 with `exit_code`
    127 (not found) or 126 (not executable) and `<program>: command not found` /
    `Permission denied` on stderr — a mistyped program is the caller's error, not a 500 (which
    the published SDK would retry).

    `timeout` seconds (1..3600, default 120, the published SDK's default). A non-zero exit code is
    200 with `success: false`. On timeout the process group is killed and the answer is **408**
    `EXECUTION_TIMEOUT` with `details: {timeout, stdout, stderr}` (partial output), as for
    `/execute`. stdout and stderr are each capped at 10 MiB (the middle is dropped and replaced by
    a line `…[truncated N bytes]…`).
    Errors: 400 `INVALID_REQUEST`/`INVALID_JSON`; 401 `UNAUTHORIZED`; 404 `DIRECTORY_NOT_FOUND`
    (`workdir`); 408 `EXECUTION_TIMEOUT`; 413 `PAYLOAD_TOO_LARGE` (body over 8 MiB);
    500 `COMMAND_FAILED` (the agent could not start any process) / `INTERNAL_ERROR`.

    Args:
        body (CommandRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommandResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
