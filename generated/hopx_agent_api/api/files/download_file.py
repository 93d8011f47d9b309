from http import HTTPStatus
from io import BytesIO
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...types import UNSET, File, Response


def _get_kwargs(
    *,
    path: str,
) -> dict[str, Any]:
    params: dict[str, Any] = {}

    params["path"] = path

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/files/download",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | File | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

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


def _parse_success(response: httpx.Response) -> File:
    if True:
        _body: Any = response.content
        response_200 = File(payload=BytesIO(_body))

        return response_200


def request(
    *,
    path: str,
) -> _types.ApiRequest[File]:
    """The request of `download_file` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="download_file",
        kwargs=_get_kwargs(
            path=path,
        ),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | File]:
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
) -> Response[ErrorResponse | File]:
    """Download a file's raw bytes

     The body is exactly the file's bytes (`application/octet-stream`, never base64, never
    re-encoded), with `Content-Length` and
    `Content-Disposition: attachment; filename="<basename>"`. Limit 1 GiB (1073741824 bytes);
    larger files answer 413. Clients must not "detect" base64 in the body (a published SDK
    defect).
    Errors (JSON bodies): 400 `MISSING_PARAMETER`, `INVALID_PATH` (a directory); 401 `UNAUTHORIZED`;
    403 `PATH_NOT_ALLOWED`, `PERMISSION_DENIED`; 404 `FILE_NOT_FOUND`; 413 `PAYLOAD_TOO_LARGE`.

    Args:
        path (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | File]
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
    path: str,
) -> ErrorResponse | File | None:
    """Download a file's raw bytes

     The body is exactly the file's bytes (`application/octet-stream`, never base64, never
    re-encoded), with `Content-Length` and
    `Content-Disposition: attachment; filename="<basename>"`. Limit 1 GiB (1073741824 bytes);
    larger files answer 413. Clients must not "detect" base64 in the body (a published SDK
    defect).
    Errors (JSON bodies): 400 `MISSING_PARAMETER`, `INVALID_PATH` (a directory); 401 `UNAUTHORIZED`;
    403 `PATH_NOT_ALLOWED`, `PERMISSION_DENIED`; 404 `FILE_NOT_FOUND`; 413 `PAYLOAD_TOO_LARGE`.

    Args:
        path (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | File
    """

    return sync_detailed(
        client=client,
        path=path,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    path: str,
) -> Response[ErrorResponse | File]:
    """Download a file's raw bytes

     The body is exactly the file's bytes (`application/octet-stream`, never base64, never
    re-encoded), with `Content-Length` and
    `Content-Disposition: attachment; filename="<basename>"`. Limit 1 GiB (1073741824 bytes);
    larger files answer 413. Clients must not "detect" base64 in the body (a published SDK
    defect).
    Errors (JSON bodies): 400 `MISSING_PARAMETER`, `INVALID_PATH` (a directory); 401 `UNAUTHORIZED`;
    403 `PATH_NOT_ALLOWED`, `PERMISSION_DENIED`; 404 `FILE_NOT_FOUND`; 413 `PAYLOAD_TOO_LARGE`.

    Args:
        path (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | File]
    """

    kwargs = _get_kwargs(
        path=path,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    path: str,
) -> ErrorResponse | File | None:
    """Download a file's raw bytes

     The body is exactly the file's bytes (`application/octet-stream`, never base64, never
    re-encoded), with `Content-Length` and
    `Content-Disposition: attachment; filename="<basename>"`. Limit 1 GiB (1073741824 bytes);
    larger files answer 413. Clients must not "detect" base64 in the body (a published SDK
    defect).
    Errors (JSON bodies): 400 `MISSING_PARAMETER`, `INVALID_PATH` (a directory); 401 `UNAUTHORIZED`;
    403 `PATH_NOT_ALLOWED`, `PERMISSION_DENIED`; 404 `FILE_NOT_FOUND`; 413 `PAYLOAD_TOO_LARGE`.

    Args:
        path (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | File
    """

    return (
        await asyncio_detailed(
            client=client,
            path=path,
        )
    ).parsed
