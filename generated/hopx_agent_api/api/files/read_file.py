from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.file_content_response import FileContentResponse
from ...models.file_encoding import FileEncoding
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    path: str,
    encoding: FileEncoding | Unset = FileEncoding.UTF_8,
) -> dict[str, Any]:
    params: dict[str, Any] = {}

    params["path"] = path

    json_encoding: str | Unset = UNSET
    if not isinstance(encoding, Unset):
        json_encoding = encoding.value

    params["encoding"] = json_encoding

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/files/read",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | FileContentResponse | None:
    if response.status_code == 200:
        response_200 = FileContentResponse.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = ErrorResponse.from_dict(response.json())

        return response_413

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: httpx.Response) -> FileContentResponse:
    if True:
        _body = _types.json_body(response)
        response_200 = FileContentResponse.from_dict(_body)

        return response_200


def request(
    *,
    path: str,
    encoding: FileEncoding | Unset = FileEncoding.UTF_8,
) -> _types.ApiRequest[FileContentResponse]:
    """The request of `read_file` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="read_file",
        kwargs=_get_kwargs(
            path=path,
            encoding=encoding,
        ),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | FileContentResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    path: str,
    encoding: FileEncoding | Unset = FileEncoding.UTF_8,
) -> Response[ErrorResponse | FileContentResponse]:
    """Read a file as text (or base64)

     Returns the file's content in JSON. `encoding=utf-8` (default) requires valid UTF-8: a file
    that is not answers 400 `INVALID_REQUEST` (use `encoding=base64` or `/files/download`) — the
    agent never guesses, so no content is silently altered. Files over 64 MiB (67108864 bytes)
    answer 413 `PAYLOAD_TOO_LARGE` (use `/files/download`).
    Errors: 400 `MISSING_PARAMETER`, `INVALID_PATH` (empty, NUL byte, a directory),
    `INVALID_REQUEST` (not UTF-8); 401 `UNAUTHORIZED`; 403 `PATH_NOT_ALLOWED`,
    `PERMISSION_DENIED`; 404 `FILE_NOT_FOUND`; 413 `PAYLOAD_TOO_LARGE`.

    Args:
        path (str):
        encoding (FileEncoding | Unset):  Default: FileEncoding.UTF_8.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FileContentResponse]
    """

    kwargs = _get_kwargs(
        path=path,
        encoding=encoding,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    path: str,
    encoding: FileEncoding | Unset = FileEncoding.UTF_8,
) -> ErrorResponse | FileContentResponse | None:
    """Read a file as text (or base64)

     Returns the file's content in JSON. `encoding=utf-8` (default) requires valid UTF-8: a file
    that is not answers 400 `INVALID_REQUEST` (use `encoding=base64` or `/files/download`) — the
    agent never guesses, so no content is silently altered. Files over 64 MiB (67108864 bytes)
    answer 413 `PAYLOAD_TOO_LARGE` (use `/files/download`).
    Errors: 400 `MISSING_PARAMETER`, `INVALID_PATH` (empty, NUL byte, a directory),
    `INVALID_REQUEST` (not UTF-8); 401 `UNAUTHORIZED`; 403 `PATH_NOT_ALLOWED`,
    `PERMISSION_DENIED`; 404 `FILE_NOT_FOUND`; 413 `PAYLOAD_TOO_LARGE`.

    Args:
        path (str):
        encoding (FileEncoding | Unset):  Default: FileEncoding.UTF_8.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FileContentResponse
    """

    return sync_detailed(
        client=client,
        path=path,
        encoding=encoding,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    path: str,
    encoding: FileEncoding | Unset = FileEncoding.UTF_8,
) -> Response[ErrorResponse | FileContentResponse]:
    """Read a file as text (or base64)

     Returns the file's content in JSON. `encoding=utf-8` (default) requires valid UTF-8: a file
    that is not answers 400 `INVALID_REQUEST` (use `encoding=base64` or `/files/download`) — the
    agent never guesses, so no content is silently altered. Files over 64 MiB (67108864 bytes)
    answer 413 `PAYLOAD_TOO_LARGE` (use `/files/download`).
    Errors: 400 `MISSING_PARAMETER`, `INVALID_PATH` (empty, NUL byte, a directory),
    `INVALID_REQUEST` (not UTF-8); 401 `UNAUTHORIZED`; 403 `PATH_NOT_ALLOWED`,
    `PERMISSION_DENIED`; 404 `FILE_NOT_FOUND`; 413 `PAYLOAD_TOO_LARGE`.

    Args:
        path (str):
        encoding (FileEncoding | Unset):  Default: FileEncoding.UTF_8.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FileContentResponse]
    """

    kwargs = _get_kwargs(
        path=path,
        encoding=encoding,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    path: str,
    encoding: FileEncoding | Unset = FileEncoding.UTF_8,
) -> ErrorResponse | FileContentResponse | None:
    """Read a file as text (or base64)

     Returns the file's content in JSON. `encoding=utf-8` (default) requires valid UTF-8: a file
    that is not answers 400 `INVALID_REQUEST` (use `encoding=base64` or `/files/download`) — the
    agent never guesses, so no content is silently altered. Files over 64 MiB (67108864 bytes)
    answer 413 `PAYLOAD_TOO_LARGE` (use `/files/download`).
    Errors: 400 `MISSING_PARAMETER`, `INVALID_PATH` (empty, NUL byte, a directory),
    `INVALID_REQUEST` (not UTF-8); 401 `UNAUTHORIZED`; 403 `PATH_NOT_ALLOWED`,
    `PERMISSION_DENIED`; 404 `FILE_NOT_FOUND`; 413 `PAYLOAD_TOO_LARGE`.

    Args:
        path (str):
        encoding (FileEncoding | Unset):  Default: FileEncoding.UTF_8.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FileContentResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            path=path,
            encoding=encoding,
        )
    ).parsed
