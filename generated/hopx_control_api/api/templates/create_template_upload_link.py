from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.upload_link_request import UploadLinkRequest
from ...models.upload_link_response import UploadLinkResponse
from ...types import Response


def _get_kwargs(
    *,
    body: UploadLinkRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/templates/files/upload-link",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | UploadLinkResponse | None:
    if response.status_code == 200:
        response_200 = UploadLinkResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())

        return response_415

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if response.status_code == 501:
        response_501 = Error.from_dict(response.json())

        return response_501

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: httpx.Response) -> UploadLinkResponse:
    if True:
        _body = _types.json_body(response)
        response_200 = UploadLinkResponse.from_dict(_body)

        return response_200


def request(
    *,
    body: UploadLinkRequest,
) -> _types.ApiRequest[UploadLinkResponse]:
    """The request of `create_template_upload_link` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="create_template_upload_link",
        kwargs=_get_kwargs(
            body=body,
        ),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | UploadLinkResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: UploadLinkRequest,
) -> Response[Error | UploadLinkResponse]:
    """Get an upload link for COPY content

     For the content of a COPY step, identified by its SHA-256 `files_hash`: if the server already
    has it, `present` is true and nothing needs uploading; otherwise `upload_url` is a pre-signed
    URL that accepts one `PUT` of the gzip tarball (`Content-Type: application/gzip`, exactly
    `content_length` bytes) until `expires_at`.

    Decision: 200 (published document); the response is closed (`additionalProperties: false`)
    because the published builder does `UploadLinkResponse(**json)`.

    Args:
        body (UploadLinkRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UploadLinkResponse]
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
    body: UploadLinkRequest,
) -> Error | UploadLinkResponse | None:
    """Get an upload link for COPY content

     For the content of a COPY step, identified by its SHA-256 `files_hash`: if the server already
    has it, `present` is true and nothing needs uploading; otherwise `upload_url` is a pre-signed
    URL that accepts one `PUT` of the gzip tarball (`Content-Type: application/gzip`, exactly
    `content_length` bytes) until `expires_at`.

    Decision: 200 (published document); the response is closed (`additionalProperties: false`)
    because the published builder does `UploadLinkResponse(**json)`.

    Args:
        body (UploadLinkRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UploadLinkResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: UploadLinkRequest,
) -> Response[Error | UploadLinkResponse]:
    """Get an upload link for COPY content

     For the content of a COPY step, identified by its SHA-256 `files_hash`: if the server already
    has it, `present` is true and nothing needs uploading; otherwise `upload_url` is a pre-signed
    URL that accepts one `PUT` of the gzip tarball (`Content-Type: application/gzip`, exactly
    `content_length` bytes) until `expires_at`.

    Decision: 200 (published document); the response is closed (`additionalProperties: false`)
    because the published builder does `UploadLinkResponse(**json)`.

    Args:
        body (UploadLinkRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UploadLinkResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: UploadLinkRequest,
) -> Error | UploadLinkResponse | None:
    """Get an upload link for COPY content

     For the content of a COPY step, identified by its SHA-256 `files_hash`: if the server already
    has it, `present` is true and nothing needs uploading; otherwise `upload_url` is a pre-signed
    URL that accepts one `PUT` of the gzip tarball (`Content-Type: application/gzip`, exactly
    `content_length` bytes) until `expires_at`.

    Decision: 200 (published document); the response is closed (`additionalProperties: false`)
    because the published builder does `UploadLinkResponse(**json)`.

    Args:
        body (UploadLinkRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UploadLinkResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
