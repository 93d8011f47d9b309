from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.file_response import FileResponse
from ...models.make_directory_request import MakeDirectoryRequest
from ...types import Response


def _get_kwargs(
    *,
    body: MakeDirectoryRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/files/mkdir",
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

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

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
    body: MakeDirectoryRequest,
) -> _types.ApiRequest[FileResponse]:
    """The request of `make_directory` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="make_directory",
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
    body: MakeDirectoryRequest,
) -> Response[ErrorResponse | FileResponse]:
    """Create a directory

     Idempotent: an existing directory answers 200. `parents` (default true) creates missing
    parents (like `mkdir -p`); with `parents: false` a missing parent answers 404
    `DIRECTORY_NOT_FOUND`. Mode 0755.
    Errors: 400 `INVALID_PATH`, `INVALID_REQUEST`, `INVALID_JSON`; 401 `UNAUTHORIZED`;
    403 `PATH_NOT_ALLOWED`, `PERMISSION_DENIED`; 404 `DIRECTORY_NOT_FOUND`;
    409 `FILE_ALREADY_EXISTS` (a non-directory is in the way).

    Args:
        body (MakeDirectoryRequest):

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
    body: MakeDirectoryRequest,
) -> ErrorResponse | FileResponse | None:
    """Create a directory

     Idempotent: an existing directory answers 200. `parents` (default true) creates missing
    parents (like `mkdir -p`); with `parents: false` a missing parent answers 404
    `DIRECTORY_NOT_FOUND`. Mode 0755.
    Errors: 400 `INVALID_PATH`, `INVALID_REQUEST`, `INVALID_JSON`; 401 `UNAUTHORIZED`;
    403 `PATH_NOT_ALLOWED`, `PERMISSION_DENIED`; 404 `DIRECTORY_NOT_FOUND`;
    409 `FILE_ALREADY_EXISTS` (a non-directory is in the way).

    Args:
        body (MakeDirectoryRequest):

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
    body: MakeDirectoryRequest,
) -> Response[ErrorResponse | FileResponse]:
    """Create a directory

     Idempotent: an existing directory answers 200. `parents` (default true) creates missing
    parents (like `mkdir -p`); with `parents: false` a missing parent answers 404
    `DIRECTORY_NOT_FOUND`. Mode 0755.
    Errors: 400 `INVALID_PATH`, `INVALID_REQUEST`, `INVALID_JSON`; 401 `UNAUTHORIZED`;
    403 `PATH_NOT_ALLOWED`, `PERMISSION_DENIED`; 404 `DIRECTORY_NOT_FOUND`;
    409 `FILE_ALREADY_EXISTS` (a non-directory is in the way).

    Args:
        body (MakeDirectoryRequest):

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
    body: MakeDirectoryRequest,
) -> ErrorResponse | FileResponse | None:
    """Create a directory

     Idempotent: an existing directory answers 200. `parents` (default true) creates missing
    parents (like `mkdir -p`); with `parents: false` a missing parent answers 404
    `DIRECTORY_NOT_FOUND`. Mode 0755.
    Errors: 400 `INVALID_PATH`, `INVALID_REQUEST`, `INVALID_JSON`; 401 `UNAUTHORIZED`;
    403 `PATH_NOT_ALLOWED`, `PERMISSION_DENIED`; 404 `DIRECTORY_NOT_FOUND`;
    409 `FILE_ALREADY_EXISTS` (a non-directory is in the way).

    Args:
        body (MakeDirectoryRequest):

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
