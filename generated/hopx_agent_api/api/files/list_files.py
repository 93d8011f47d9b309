from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.file_list_response import FileListResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    path: str | Unset = "/workspace",
) -> dict[str, Any]:
    params: dict[str, Any] = {}

    params["path"] = path

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/files/list",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | FileListResponse | None:
    if response.status_code == 200:
        response_200 = FileListResponse.from_dict(response.json())

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: httpx.Response) -> FileListResponse:
    if True:
        _body = _types.json_body(response)
        response_200 = FileListResponse.from_dict(_body)

        return response_200


def request(
    *,
    path: str | Unset = "/workspace",
) -> _types.ApiRequest[FileListResponse]:
    """The request of `list_files` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="list_files",
        kwargs=_get_kwargs(
            path=path,
        ),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | FileListResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    path: str | Unset = "/workspace",
) -> Response[ErrorResponse | FileListResponse]:
    """List a directory

     Entries of the directory (not recursive), sorted by name; `.` and `..` excluded, hidden
    files included. Symlinks are listed, not followed (`is_symlink: true`; `is_directory` tells
    whether the target is a directory).
    Errors: 400 `INVALID_PATH` (not a directory); 401 `UNAUTHORIZED`; 403 `PATH_NOT_ALLOWED`,
    `PERMISSION_DENIED`; 404 `DIRECTORY_NOT_FOUND`.

    Args:
        path (str | Unset):  Default: '/workspace'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FileListResponse]
    """

    kwargs = _get_kwargs(
        path=path,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    path: str | Unset = "/workspace",
) -> ErrorResponse | FileListResponse | None:
    """List a directory

     Entries of the directory (not recursive), sorted by name; `.` and `..` excluded, hidden
    files included. Symlinks are listed, not followed (`is_symlink: true`; `is_directory` tells
    whether the target is a directory).
    Errors: 400 `INVALID_PATH` (not a directory); 401 `UNAUTHORIZED`; 403 `PATH_NOT_ALLOWED`,
    `PERMISSION_DENIED`; 404 `DIRECTORY_NOT_FOUND`.

    Args:
        path (str | Unset):  Default: '/workspace'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FileListResponse
    """

    return sync_detailed(
        client=client,
        path=path,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    path: str | Unset = "/workspace",
) -> Response[ErrorResponse | FileListResponse]:
    """List a directory

     Entries of the directory (not recursive), sorted by name; `.` and `..` excluded, hidden
    files included. Symlinks are listed, not followed (`is_symlink: true`; `is_directory` tells
    whether the target is a directory).
    Errors: 400 `INVALID_PATH` (not a directory); 401 `UNAUTHORIZED`; 403 `PATH_NOT_ALLOWED`,
    `PERMISSION_DENIED`; 404 `DIRECTORY_NOT_FOUND`.

    Args:
        path (str | Unset):  Default: '/workspace'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FileListResponse]
    """

    kwargs = _get_kwargs(
        path=path,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    path: str | Unset = "/workspace",
) -> ErrorResponse | FileListResponse | None:
    """List a directory

     Entries of the directory (not recursive), sorted by name; `.` and `..` excluded, hidden
    files included. Symlinks are listed, not followed (`is_symlink: true`; `is_directory` tells
    whether the target is a directory).
    Errors: 400 `INVALID_PATH` (not a directory); 401 `UNAUTHORIZED`; 403 `PATH_NOT_ALLOWED`,
    `PERMISSION_DENIED`; 404 `DIRECTORY_NOT_FOUND`.

    Args:
        path (str | Unset):  Default: '/workspace'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FileListResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            path=path,
        )
    ).parsed
