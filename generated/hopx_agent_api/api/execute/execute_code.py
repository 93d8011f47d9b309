from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.execute_request import ExecuteRequest
from ...models.execute_response import ExecuteResponse
from ...types import Response


def _get_kwargs(
    *,
    body: ExecuteRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/execute",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ExecuteResponse | None:
    if response.status_code == 200:
        response_200 = ExecuteResponse.from_dict(response.json())

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


def _parse_success(response: httpx.Response) -> ExecuteResponse:
    if True:
        _body = _types.json_body(response)
        response_200 = ExecuteResponse.from_dict(_body)

        return response_200


def request(
    *,
    body: ExecuteRequest,
) -> _types.ApiRequest[ExecuteResponse]:
    """The request of `execute_code` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="execute_code",
        kwargs=_get_kwargs(
            body=body,
        ),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | ExecuteResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ExecuteRequest,
) -> Response[ErrorResponse | ExecuteResponse]:
    """Execute code and wait for the result

     Runs `code` with the interpreter of `language` in `workdir` and answers when it finishes.

    * Python in the `code-interpreter` template runs in a persistent Jupyter kernel (state is kept
      between calls) and the answer carries rich outputs: the flat fields `png`, `html`, `svg`,
      `json`, `markdown`, `result` (text/plain of the last expression; these hold the *last*
      display of each type) and the `rich_outputs` list (every display, in order). For other
      languages and templates, those fields are absent and `rich_outputs` is empty.
    * Other languages run as a fresh process: `python`/`python3` → `/usr/bin/python3`,
      `javascript`/`js`/`node`/`nodejs` → `node`, `bash` → `bash`, `sh`/`shell` → `sh`,
      `go` → `go run`.
    * A non-zero exit code or an exception in the code is **not** an HTTP error: 200 with
      `success: false`, the exit code and stderr (`error` holds the exception text for kernels).
    * `timeout` (seconds, 1..3600, default 60): 60 matches the published stream default and keeps
      a synchronous HTTP request short; 3600 is the upper bound so the request stays below common
      proxy/idle limits — longer work belongs in `/execute/background` or `/execute/async`.
      Clients should set their HTTP timeout to `timeout` + a margin (the published SDK uses +30 s).
    * **Timeout decision:** when the code exceeds `timeout`, the process (or kernel execution) is
      killed and the agent answers **408** with code `EXECUTION_TIMEOUT` and
      `details: {timeout, stdout, stderr}` carrying the partial output, so nothing printed is lost.
      The published SDK treats `EXECUTION_TIMEOUT` as an error (`CodeExecutionError`), hence an
      error status rather than 200; 408 is not in any retry list, so a timed-out execution is
      never re-run by a client retry.
    * stdout and stderr are each capped at 10 MiB; beyond that the middle is dropped and replaced
      by a line `…[truncated N bytes]…`.

    Errors: 400 `INVALID_REQUEST` (unknown language, bad field, `code` over 1 MiB),
    `INVALID_JSON`; 401 `UNAUTHORIZED`; 404 `DIRECTORY_NOT_FOUND` (`workdir` missing);
    408 `EXECUTION_TIMEOUT`; 413 `PAYLOAD_TOO_LARGE` (body over 8 MiB); 500 `EXECUTION_FAILED`
    (the interpreter could not be started) or `INTERNAL_ERROR`.

    Args:
        body (ExecuteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ExecuteResponse]
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
    body: ExecuteRequest,
) -> ErrorResponse | ExecuteResponse | None:
    """Execute code and wait for the result

     Runs `code` with the interpreter of `language` in `workdir` and answers when it finishes.

    * Python in the `code-interpreter` template runs in a persistent Jupyter kernel (state is kept
      between calls) and the answer carries rich outputs: the flat fields `png`, `html`, `svg`,
      `json`, `markdown`, `result` (text/plain of the last expression; these hold the *last*
      display of each type) and the `rich_outputs` list (every display, in order). For other
      languages and templates, those fields are absent and `rich_outputs` is empty.
    * Other languages run as a fresh process: `python`/`python3` → `/usr/bin/python3`,
      `javascript`/`js`/`node`/`nodejs` → `node`, `bash` → `bash`, `sh`/`shell` → `sh`,
      `go` → `go run`.
    * A non-zero exit code or an exception in the code is **not** an HTTP error: 200 with
      `success: false`, the exit code and stderr (`error` holds the exception text for kernels).
    * `timeout` (seconds, 1..3600, default 60): 60 matches the published stream default and keeps
      a synchronous HTTP request short; 3600 is the upper bound so the request stays below common
      proxy/idle limits — longer work belongs in `/execute/background` or `/execute/async`.
      Clients should set their HTTP timeout to `timeout` + a margin (the published SDK uses +30 s).
    * **Timeout decision:** when the code exceeds `timeout`, the process (or kernel execution) is
      killed and the agent answers **408** with code `EXECUTION_TIMEOUT` and
      `details: {timeout, stdout, stderr}` carrying the partial output, so nothing printed is lost.
      The published SDK treats `EXECUTION_TIMEOUT` as an error (`CodeExecutionError`), hence an
      error status rather than 200; 408 is not in any retry list, so a timed-out execution is
      never re-run by a client retry.
    * stdout and stderr are each capped at 10 MiB; beyond that the middle is dropped and replaced
      by a line `…[truncated N bytes]…`.

    Errors: 400 `INVALID_REQUEST` (unknown language, bad field, `code` over 1 MiB),
    `INVALID_JSON`; 401 `UNAUTHORIZED`; 404 `DIRECTORY_NOT_FOUND` (`workdir` missing);
    408 `EXECUTION_TIMEOUT`; 413 `PAYLOAD_TOO_LARGE` (body over 8 MiB); 500 `EXECUTION_FAILED`
    (the interpreter could not be started) or `INTERNAL_ERROR`.

    Args:
        body (ExecuteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ExecuteResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ExecuteRequest,
) -> Response[ErrorResponse | ExecuteResponse]:
    """Execute code and wait for the result

     Runs `code` with the interpreter of `language` in `workdir` and answers when it finishes.

    * Python in the `code-interpreter` template runs in a persistent Jupyter kernel (state is kept
      between calls) and the answer carries rich outputs: the flat fields `png`, `html`, `svg`,
      `json`, `markdown`, `result` (text/plain of the last expression; these hold the *last*
      display of each type) and the `rich_outputs` list (every display, in order). For other
      languages and templates, those fields are absent and `rich_outputs` is empty.
    * Other languages run as a fresh process: `python`/`python3` → `/usr/bin/python3`,
      `javascript`/`js`/`node`/`nodejs` → `node`, `bash` → `bash`, `sh`/`shell` → `sh`,
      `go` → `go run`.
    * A non-zero exit code or an exception in the code is **not** an HTTP error: 200 with
      `success: false`, the exit code and stderr (`error` holds the exception text for kernels).
    * `timeout` (seconds, 1..3600, default 60): 60 matches the published stream default and keeps
      a synchronous HTTP request short; 3600 is the upper bound so the request stays below common
      proxy/idle limits — longer work belongs in `/execute/background` or `/execute/async`.
      Clients should set their HTTP timeout to `timeout` + a margin (the published SDK uses +30 s).
    * **Timeout decision:** when the code exceeds `timeout`, the process (or kernel execution) is
      killed and the agent answers **408** with code `EXECUTION_TIMEOUT` and
      `details: {timeout, stdout, stderr}` carrying the partial output, so nothing printed is lost.
      The published SDK treats `EXECUTION_TIMEOUT` as an error (`CodeExecutionError`), hence an
      error status rather than 200; 408 is not in any retry list, so a timed-out execution is
      never re-run by a client retry.
    * stdout and stderr are each capped at 10 MiB; beyond that the middle is dropped and replaced
      by a line `…[truncated N bytes]…`.

    Errors: 400 `INVALID_REQUEST` (unknown language, bad field, `code` over 1 MiB),
    `INVALID_JSON`; 401 `UNAUTHORIZED`; 404 `DIRECTORY_NOT_FOUND` (`workdir` missing);
    408 `EXECUTION_TIMEOUT`; 413 `PAYLOAD_TOO_LARGE` (body over 8 MiB); 500 `EXECUTION_FAILED`
    (the interpreter could not be started) or `INTERNAL_ERROR`.

    Args:
        body (ExecuteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ExecuteResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ExecuteRequest,
) -> ErrorResponse | ExecuteResponse | None:
    """Execute code and wait for the result

     Runs `code` with the interpreter of `language` in `workdir` and answers when it finishes.

    * Python in the `code-interpreter` template runs in a persistent Jupyter kernel (state is kept
      between calls) and the answer carries rich outputs: the flat fields `png`, `html`, `svg`,
      `json`, `markdown`, `result` (text/plain of the last expression; these hold the *last*
      display of each type) and the `rich_outputs` list (every display, in order). For other
      languages and templates, those fields are absent and `rich_outputs` is empty.
    * Other languages run as a fresh process: `python`/`python3` → `/usr/bin/python3`,
      `javascript`/`js`/`node`/`nodejs` → `node`, `bash` → `bash`, `sh`/`shell` → `sh`,
      `go` → `go run`.
    * A non-zero exit code or an exception in the code is **not** an HTTP error: 200 with
      `success: false`, the exit code and stderr (`error` holds the exception text for kernels).
    * `timeout` (seconds, 1..3600, default 60): 60 matches the published stream default and keeps
      a synchronous HTTP request short; 3600 is the upper bound so the request stays below common
      proxy/idle limits — longer work belongs in `/execute/background` or `/execute/async`.
      Clients should set their HTTP timeout to `timeout` + a margin (the published SDK uses +30 s).
    * **Timeout decision:** when the code exceeds `timeout`, the process (or kernel execution) is
      killed and the agent answers **408** with code `EXECUTION_TIMEOUT` and
      `details: {timeout, stdout, stderr}` carrying the partial output, so nothing printed is lost.
      The published SDK treats `EXECUTION_TIMEOUT` as an error (`CodeExecutionError`), hence an
      error status rather than 200; 408 is not in any retry list, so a timed-out execution is
      never re-run by a client retry.
    * stdout and stderr are each capped at 10 MiB; beyond that the middle is dropped and replaced
      by a line `…[truncated N bytes]…`.

    Errors: 400 `INVALID_REQUEST` (unknown language, bad field, `code` over 1 MiB),
    `INVALID_JSON`; 401 `UNAUTHORIZED`; 404 `DIRECTORY_NOT_FOUND` (`workdir` missing);
    408 `EXECUTION_TIMEOUT`; 413 `PAYLOAD_TOO_LARGE` (body over 8 MiB); 500 `EXECUTION_FAILED`
    (the interpreter could not be started) or `INTERNAL_ERROR`.

    Args:
        body (ExecuteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ExecuteResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
