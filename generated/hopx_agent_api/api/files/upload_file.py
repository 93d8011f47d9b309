from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.file_response import FileResponse
from ...models.file_upload_form import FileUploadForm
from ...types import Response


def _get_kwargs(
    *,
    body: FileUploadForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/files/upload",
    }

    _kwargs["files"] = body.to_multipart()

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
    body: FileUploadForm,
) -> _types.ApiRequest[FileResponse]:
    """The request of `upload_file` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="upload_file",
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
    body: FileUploadForm,
) -> Response[ErrorResponse | FileResponse]:
    """Upload a file (multipart)

     `multipart/form-data` with the part `file` (required, once; its bytes are stored unchanged) and
    the text field `path` (destination file path; default `/workspace/<uploaded filename>`). If
    `path` names an existing directory, the file goes inside it under its uploaded filename. A
    `file` part without a filename (RFC 7578 makes it optional) is accepted as UTF-8 text of at
    most 1 MiB and needs `path`; send binary content as a file part with a filename.
    Existing files are replaced; parents are created. Limit 1 GiB for the file (413 beyond;
    request body limit 1 GiB + 1 MiB for the multipart framing); the agent streams the part to disk.
    Errors: 400 `MISSING_PARAMETER` (no `file` part), `INVALID_REQUEST` (malformed multipart, a
    repeated part, no `path` for a part without filename), `INVALID_PATH`;
    401 `UNAUTHORIZED`; 403 `PATH_NOT_ALLOWED`, `PERMISSION_DENIED`; 409 `FILE_ALREADY_EXISTS`
    (`path` names a directory and the part has no filename to put inside it); 413
    `PAYLOAD_TOO_LARGE`.

    Args:
        body (FileUploadForm):

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
    body: FileUploadForm,
) -> ErrorResponse | FileResponse | None:
    """Upload a file (multipart)

     `multipart/form-data` with the part `file` (required, once; its bytes are stored unchanged) and
    the text field `path` (destination file path; default `/workspace/<uploaded filename>`). If
    `path` names an existing directory, the file goes inside it under its uploaded filename. A
    `file` part without a filename (RFC 7578 makes it optional) is accepted as UTF-8 text of at
    most 1 MiB and needs `path`; send binary content as a file part with a filename.
    Existing files are replaced; parents are created. Limit 1 GiB for the file (413 beyond;
    request body limit 1 GiB + 1 MiB for the multipart framing); the agent streams the part to disk.
    Errors: 400 `MISSING_PARAMETER` (no `file` part), `INVALID_REQUEST` (malformed multipart, a
    repeated part, no `path` for a part without filename), `INVALID_PATH`;
    401 `UNAUTHORIZED`; 403 `PATH_NOT_ALLOWED`, `PERMISSION_DENIED`; 409 `FILE_ALREADY_EXISTS`
    (`path` names a directory and the part has no filename to put inside it); 413
    `PAYLOAD_TOO_LARGE`.

    Args:
        body (FileUploadForm):

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
    body: FileUploadForm,
) -> Response[ErrorResponse | FileResponse]:
    """Upload a file (multipart)

     `multipart/form-data` with the part `file` (required, once; its bytes are stored unchanged) and
    the text field `path` (destination file path; default `/workspace/<uploaded filename>`). If
    `path` names an existing directory, the file goes inside it under its uploaded filename. A
    `file` part without a filename (RFC 7578 makes it optional) is accepted as UTF-8 text of at
    most 1 MiB and needs `path`; send binary content as a file part with a filename.
    Existing files are replaced; parents are created. Limit 1 GiB for the file (413 beyond;
    request body limit 1 GiB + 1 MiB for the multipart framing); the agent streams the part to disk.
    Errors: 400 `MISSING_PARAMETER` (no `file` part), `INVALID_REQUEST` (malformed multipart, a
    repeated part, no `path` for a part without filename), `INVALID_PATH`;
    401 `UNAUTHORIZED`; 403 `PATH_NOT_ALLOWED`, `PERMISSION_DENIED`; 409 `FILE_ALREADY_EXISTS`
    (`path` names a directory and the part has no filename to put inside it); 413
    `PAYLOAD_TOO_LARGE`.

    Args:
        body (FileUploadForm):

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
    body: FileUploadForm,
) -> ErrorResponse | FileResponse | None:
    """Upload a file (multipart)

     `multipart/form-data` with the part `file` (required, once; its bytes are stored unchanged) and
    the text field `path` (destination file path; default `/workspace/<uploaded filename>`). If
    `path` names an existing directory, the file goes inside it under its uploaded filename. A
    `file` part without a filename (RFC 7578 makes it optional) is accepted as UTF-8 text of at
    most 1 MiB and needs `path`; send binary content as a file part with a filename.
    Existing files are replaced; parents are created. Limit 1 GiB for the file (413 beyond;
    request body limit 1 GiB + 1 MiB for the multipart framing); the agent streams the part to disk.
    Errors: 400 `MISSING_PARAMETER` (no `file` part), `INVALID_REQUEST` (malformed multipart, a
    repeated part, no `path` for a part without filename), `INVALID_PATH`;
    401 `UNAUTHORIZED`; 403 `PATH_NOT_ALLOWED`, `PERMISSION_DENIED`; 409 `FILE_ALREADY_EXISTS`
    (`path` names a directory and the part has no filename to put inside it); 413
    `PAYLOAD_TOO_LARGE`.

    Args:
        body (FileUploadForm):

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
