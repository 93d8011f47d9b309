from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.file_exists_response import FileExistsResponse
from ...types import UNSET, Response


def _get_kwargs(
    *,
    path: str,
) -> dict[str, Any]:
    params: dict[str, Any] = {}

    params["path"] = path

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/files/exists",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | FileExistsResponse | None:
    if response.status_code == 200:
        response_200 = FileExistsResponse.from_dict(response.json())

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: httpx.Response) -> FileExistsResponse:
    if True:
        _body = _types.json_body(response)
        response_200 = FileExistsResponse.from_dict(_body)

        return response_200


def request(
    *,
    path: str,
) -> _types.ApiRequest[FileExistsResponse]:
    """The request of `file_exists` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="file_exists",
        kwargs=_get_kwargs(
            path=path,
        ),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | FileExistsResponse]:
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
) -> Response[ErrorResponse | FileExistsResponse]:
    """Check whether a path exists

     Never 404: a missing path is `exists: false`. A path the agent may not look at is 403 (not
    `false`), so that "not allowed" is never mistaken for "absent".
    Errors: 400 `MISSING_PARAMETER`, `INVALID_PATH`; 401 `UNAUTHORIZED`; 403 `PATH_NOT_ALLOWED`.

    Args:
        path (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FileExistsResponse]
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
) -> ErrorResponse | FileExistsResponse | None:
    """Check whether a path exists

     Never 404: a missing path is `exists: false`. A path the agent may not look at is 403 (not
    `false`), so that "not allowed" is never mistaken for "absent".
    Errors: 400 `MISSING_PARAMETER`, `INVALID_PATH`; 401 `UNAUTHORIZED`; 403 `PATH_NOT_ALLOWED`.

    Args:
        path (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FileExistsResponse
    """

    return sync_detailed(
        client=client,
        path=path,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    path: str,
) -> Response[ErrorResponse | FileExistsResponse]:
    """Check whether a path exists

     Never 404: a missing path is `exists: false`. A path the agent may not look at is 403 (not
    `false`), so that "not allowed" is never mistaken for "absent".
    Errors: 400 `MISSING_PARAMETER`, `INVALID_PATH`; 401 `UNAUTHORIZED`; 403 `PATH_NOT_ALLOWED`.

    Args:
        path (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FileExistsResponse]
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
) -> ErrorResponse | FileExistsResponse | None:
    """Check whether a path exists

     Never 404: a missing path is `exists: false`. A path the agent may not look at is 403 (not
    `false`), so that "not allowed" is never mistaken for "absent".
    Errors: 400 `MISSING_PARAMETER`, `INVALID_PATH`; 401 `UNAUTHORIZED`; 403 `PATH_NOT_ALLOWED`.

    Args:
        path (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FileExistsResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            path=path,
        )
    ).parsed
