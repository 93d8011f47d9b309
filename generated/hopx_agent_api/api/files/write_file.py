from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.file_response import FileResponse
from ...models.file_write_request import FileWriteRequest
from ...types import Response


def _get_kwargs(
    *,
    body: FileWriteRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/files/write",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | FileResponse | None:
    if response.status_code == 200:
        response_200 = FileResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ErrorResponse.from_dict(response.json())

        return response_413

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: httpx.Response) -> FileResponse:
    if True:
        _body = _types.json_body(response)
        response_200 = FileResponse.from_dict(_body)

        return response_200


def request(
    *,
    body: FileWriteRequest,
) -> _types.ApiRequest[FileResponse]:
    """The request of `write_file` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="write_file",
        kwargs=_get_kwargs(
            body=body,
        ),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | FileResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: FileWriteRequest,
) -> Response[ErrorResponse | FileResponse]:
    """Write a file

     Creates or replaces `path` with `content` (`encoding: utf-8` text, or `base64` for binary;
    the decoded content is at most 64 MiB and the JSON body at most 96 MiB, otherwise 413; use
    `/files/upload` for more). Missing
    parent directories are created (mode 0755). `mode` is applied to the file. With
    `overwrite: false` an existing file answers 409 `FILE_ALREADY_EXISTS`. The write is atomic
    (temporary file + rename in the same directory).
    Errors: 400 `INVALID_REQUEST` (bad base64, bad mode), `INVALID_PATH` (empty, NUL byte),
    `INVALID_JSON`; 401 `UNAUTHORIZED`; 403 `PATH_NOT_ALLOWED`, `PERMISSION_DENIED`
    (e.g. read-only `/usr`); 409 `FILE_ALREADY_EXISTS` (an existing file with
    `overwrite: false`, or a directory at `path`); 413 `PAYLOAD_TOO_LARGE`.

    Args:
        body (FileWriteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FileResponse]
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
    body: FileWriteRequest,
) -> ErrorResponse | FileResponse | None:
    """Write a file

     Creates or replaces `path` with `content` (`encoding: utf-8` text, or `base64` for binary;
    the decoded content is at most 64 MiB and the JSON body at most 96 MiB, otherwise 413; use
    `/files/upload` for more). Missing
    parent directories are created (mode 0755). `mode` is applied to the file. With
    `overwrite: false` an existing file answers 409 `FILE_ALREADY_EXISTS`. The write is atomic
    (temporary file + rename in the same directory).
    Errors: 400 `INVALID_REQUEST` (bad base64, bad mode), `INVALID_PATH` (empty, NUL byte),
    `INVALID_JSON`; 401 `UNAUTHORIZED`; 403 `PATH_NOT_ALLOWED`, `PERMISSION_DENIED`
    (e.g. read-only `/usr`); 409 `FILE_ALREADY_EXISTS` (an existing file with
    `overwrite: false`, or a directory at `path`); 413 `PAYLOAD_TOO_LARGE`.

    Args:
        body (FileWriteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FileResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: FileWriteRequest,
) -> Response[ErrorResponse | FileResponse]:
    """Write a file

     Creates or replaces `path` with `content` (`encoding: utf-8` text, or `base64` for binary;
    the decoded content is at most 64 MiB and the JSON body at most 96 MiB, otherwise 413; use
    `/files/upload` for more). Missing
    parent directories are created (mode 0755). `mode` is applied to the file. With
    `overwrite: false` an existing file answers 409 `FILE_ALREADY_EXISTS`. The write is atomic
    (temporary file + rename in the same directory).
    Errors: 400 `INVALID_REQUEST` (bad base64, bad mode), `INVALID_PATH` (empty, NUL byte),
    `INVALID_JSON`; 401 `UNAUTHORIZED`; 403 `PATH_NOT_ALLOWED`, `PERMISSION_DENIED`
    (e.g. read-only `/usr`); 409 `FILE_ALREADY_EXISTS` (an existing file with
    `overwrite: false`, or a directory at `path`); 413 `PAYLOAD_TOO_LARGE`.

    Args:
        body (FileWriteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FileResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: FileWriteRequest,
) -> ErrorResponse | FileResponse | None:
    """Write a file

     Creates or replaces `path` with `content` (`encoding: utf-8` text, or `base64` for binary;
    the decoded content is at most 64 MiB and the JSON body at most 96 MiB, otherwise 413; use
    `/files/upload` for more). Missing
    parent directories are created (mode 0755). `mode` is applied to the file. With
    `overwrite: false` an existing file answers 409 `FILE_ALREADY_EXISTS`. The write is atomic
    (temporary file + rename in the same directory).
    Errors: 400 `INVALID_REQUEST` (bad base64, bad mode), `INVALID_PATH` (empty, NUL byte),
    `INVALID_JSON`; 401 `UNAUTHORIZED`; 403 `PATH_NOT_ALLOWED`, `PERMISSION_DENIED`
    (e.g. read-only `/usr`); 409 `FILE_ALREADY_EXISTS` (an existing file with
    `overwrite: false`, or a directory at `path`); 413 `PAYLOAD_TOO_LARGE`.

    Args:
        body (FileWriteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FileResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
