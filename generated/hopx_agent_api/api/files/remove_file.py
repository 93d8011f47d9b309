from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.file_response import FileResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    path: str,
    recursive: bool | Unset = True,
) -> dict[str, Any]:
    params: dict[str, Any] = {}

    params["path"] = path

    params["recursive"] = recursive

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/files/remove",
        "params": params,
    }

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

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

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
    path: str,
    recursive: bool | Unset = True,
) -> _types.ApiRequest[FileResponse]:
    """The request of `remove_file` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="remove_file",
        kwargs=_get_kwargs(
            path=path,
            recursive=recursive,
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
    path: str,
    recursive: bool | Unset = True,
) -> Response[ErrorResponse | FileResponse]:
    """Remove a file or directory

     Removes a file, a symlink (not its target) or a directory. A non-empty directory needs
    `recursive=true` (the default, as the published SDK sends no flag); with `recursive=false` it
    answers 400 `INVALID_REQUEST`. Removing `/`, `/workspace` itself or any path outside the
    writable areas answers 403 `PATH_NOT_ALLOWED`.
    Errors: 400 `MISSING_PARAMETER`, `INVALID_PATH`, `INVALID_REQUEST`; 401 `UNAUTHORIZED`;
    403 `PATH_NOT_ALLOWED`, `PERMISSION_DENIED`; 404 `FILE_NOT_FOUND`.

    Args:
        path (str):
        recursive (bool | Unset):  Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FileResponse]
    """

    kwargs = _get_kwargs(
        path=path,
        recursive=recursive,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    path: str,
    recursive: bool | Unset = True,
) -> ErrorResponse | FileResponse | None:
    """Remove a file or directory

     Removes a file, a symlink (not its target) or a directory. A non-empty directory needs
    `recursive=true` (the default, as the published SDK sends no flag); with `recursive=false` it
    answers 400 `INVALID_REQUEST`. Removing `/`, `/workspace` itself or any path outside the
    writable areas answers 403 `PATH_NOT_ALLOWED`.
    Errors: 400 `MISSING_PARAMETER`, `INVALID_PATH`, `INVALID_REQUEST`; 401 `UNAUTHORIZED`;
    403 `PATH_NOT_ALLOWED`, `PERMISSION_DENIED`; 404 `FILE_NOT_FOUND`.

    Args:
        path (str):
        recursive (bool | Unset):  Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FileResponse
    """

    return sync_detailed(
        client=client,
        path=path,
        recursive=recursive,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    path: str,
    recursive: bool | Unset = True,
) -> Response[ErrorResponse | FileResponse]:
    """Remove a file or directory

     Removes a file, a symlink (not its target) or a directory. A non-empty directory needs
    `recursive=true` (the default, as the published SDK sends no flag); with `recursive=false` it
    answers 400 `INVALID_REQUEST`. Removing `/`, `/workspace` itself or any path outside the
    writable areas answers 403 `PATH_NOT_ALLOWED`.
    Errors: 400 `MISSING_PARAMETER`, `INVALID_PATH`, `INVALID_REQUEST`; 401 `UNAUTHORIZED`;
    403 `PATH_NOT_ALLOWED`, `PERMISSION_DENIED`; 404 `FILE_NOT_FOUND`.

    Args:
        path (str):
        recursive (bool | Unset):  Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FileResponse]
    """

    kwargs = _get_kwargs(
        path=path,
        recursive=recursive,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    path: str,
    recursive: bool | Unset = True,
) -> ErrorResponse | FileResponse | None:
    """Remove a file or directory

     Removes a file, a symlink (not its target) or a directory. A non-empty directory needs
    `recursive=true` (the default, as the published SDK sends no flag); with `recursive=false` it
    answers 400 `INVALID_REQUEST`. Removing `/`, `/workspace` itself or any path outside the
    writable areas answers 403 `PATH_NOT_ALLOWED`.
    Errors: 400 `MISSING_PARAMETER`, `INVALID_PATH`, `INVALID_REQUEST`; 401 `UNAUTHORIZED`;
    403 `PATH_NOT_ALLOWED`, `PERMISSION_DENIED`; 404 `FILE_NOT_FOUND`.

    Args:
        path (str):
        recursive (bool | Unset):  Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FileResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            path=path,
            recursive=recursive,
        )
    ).parsed
