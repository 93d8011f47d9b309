from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.build_status_response import BuildStatusResponse
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    build_id: str,
) -> dict[str, Any]:
    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/templates/build/{build_id}/status".format(
            build_id=quote(str(build_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BuildStatusResponse | Error | None:
    if response.status_code == 200:
        response_200 = BuildStatusResponse.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

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


def _parse_success(response: httpx.Response) -> BuildStatusResponse:
    if True:
        _body = _types.json_body(response)
        response_200 = BuildStatusResponse.from_dict(_body)

        return response_200


def request(
    build_id: str,
) -> _types.ApiRequest[BuildStatusResponse]:
    """The request of `get_template_build_status` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="get_template_build_status",
        kwargs=_get_kwargs(
            build_id=build_id,
        ),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BuildStatusResponse | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    build_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[BuildStatusResponse | Error]:
    """Get a build's status

     Progress of a build. Terminal statuses: `active` or `success` (built) and `failed`
    (`error_message` says why).

    Decision: the response is closed (`additionalProperties: false`) and has no
    `estimated_completion`, although the published document lists it: the published builder
    does `BuildStatusResponse(**json)` and raises `TypeError` on any key it does not know.

    Args:
        build_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BuildStatusResponse | Error]
    """

    kwargs = _get_kwargs(
        build_id=build_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    build_id: str,
    *,
    client: AuthenticatedClient,
) -> BuildStatusResponse | Error | None:
    """Get a build's status

     Progress of a build. Terminal statuses: `active` or `success` (built) and `failed`
    (`error_message` says why).

    Decision: the response is closed (`additionalProperties: false`) and has no
    `estimated_completion`, although the published document lists it: the published builder
    does `BuildStatusResponse(**json)` and raises `TypeError` on any key it does not know.

    Args:
        build_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BuildStatusResponse | Error
    """

    return sync_detailed(
        build_id=build_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    build_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[BuildStatusResponse | Error]:
    """Get a build's status

     Progress of a build. Terminal statuses: `active` or `success` (built) and `failed`
    (`error_message` says why).

    Decision: the response is closed (`additionalProperties: false`) and has no
    `estimated_completion`, although the published document lists it: the published builder
    does `BuildStatusResponse(**json)` and raises `TypeError` on any key it does not know.

    Args:
        build_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BuildStatusResponse | Error]
    """

    kwargs = _get_kwargs(
        build_id=build_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    build_id: str,
    *,
    client: AuthenticatedClient,
) -> BuildStatusResponse | Error | None:
    """Get a build's status

     Progress of a build. Terminal statuses: `active` or `success` (built) and `failed`
    (`error_message` says why).

    Decision: the response is closed (`additionalProperties: false`) and has no
    `estimated_completion`, although the published document lists it: the published builder
    does `BuildStatusResponse(**json)` and raises `TypeError` on any key it does not know.

    Args:
        build_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BuildStatusResponse | Error
    """

    return (
        await asyncio_detailed(
            build_id=build_id,
            client=client,
        )
    ).parsed
