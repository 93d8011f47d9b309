from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.build_logs_response import BuildLogsResponse
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    build_id: str,
    *,
    offset: int | Unset = 0,
) -> dict[str, Any]:
    params: dict[str, Any] = {}

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/templates/build/{build_id}/logs".format(
            build_id=quote(str(build_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BuildLogsResponse | Error | None:
    if response.status_code == 200:
        response_200 = BuildLogsResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

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


def _parse_success(response: httpx.Response) -> BuildLogsResponse:
    if True:
        _body = _types.json_body(response)
        response_200 = BuildLogsResponse.from_dict(_body)

        return response_200


def request(
    build_id: str,
    *,
    offset: int | Unset = 0,
) -> _types.ApiRequest[BuildLogsResponse]:
    """The request of `get_template_build_logs` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="get_template_build_logs",
        kwargs=_get_kwargs(
            build_id=build_id,
            offset=offset,
        ),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BuildLogsResponse | Error]:
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
    offset: int | Unset = 0,
) -> Response[BuildLogsResponse | Error]:
    """Get a build's logs

     The build log text from `offset` on. Poll with the returned `offset` to receive only new text;
    stop when `complete` is true.

    Decision: JSON `{logs, offset, status, complete}` with an integer `offset` query parameter,
    not the `text/event-stream` of the published document: the published builder (its only
    client) polls this way, reads JSON and sends `offset`; nothing consumes the SSE form, so it is
    not kept. Decision: the `buildID` value may be a build id or a template id (the published
    builder passes the template id here); a template id means its latest build.

    Args:
        build_id (str):
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BuildLogsResponse | Error]
    """

    kwargs = _get_kwargs(
        build_id=build_id,
        offset=offset,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    build_id: str,
    *,
    client: AuthenticatedClient,
    offset: int | Unset = 0,
) -> BuildLogsResponse | Error | None:
    """Get a build's logs

     The build log text from `offset` on. Poll with the returned `offset` to receive only new text;
    stop when `complete` is true.

    Decision: JSON `{logs, offset, status, complete}` with an integer `offset` query parameter,
    not the `text/event-stream` of the published document: the published builder (its only
    client) polls this way, reads JSON and sends `offset`; nothing consumes the SSE form, so it is
    not kept. Decision: the `buildID` value may be a build id or a template id (the published
    builder passes the template id here); a template id means its latest build.

    Args:
        build_id (str):
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BuildLogsResponse | Error
    """

    return sync_detailed(
        build_id=build_id,
        client=client,
        offset=offset,
    ).parsed


async def asyncio_detailed(
    build_id: str,
    *,
    client: AuthenticatedClient,
    offset: int | Unset = 0,
) -> Response[BuildLogsResponse | Error]:
    """Get a build's logs

     The build log text from `offset` on. Poll with the returned `offset` to receive only new text;
    stop when `complete` is true.

    Decision: JSON `{logs, offset, status, complete}` with an integer `offset` query parameter,
    not the `text/event-stream` of the published document: the published builder (its only
    client) polls this way, reads JSON and sends `offset`; nothing consumes the SSE form, so it is
    not kept. Decision: the `buildID` value may be a build id or a template id (the published
    builder passes the template id here); a template id means its latest build.

    Args:
        build_id (str):
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BuildLogsResponse | Error]
    """

    kwargs = _get_kwargs(
        build_id=build_id,
        offset=offset,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    build_id: str,
    *,
    client: AuthenticatedClient,
    offset: int | Unset = 0,
) -> BuildLogsResponse | Error | None:
    """Get a build's logs

     The build log text from `offset` on. Poll with the returned `offset` to receive only new text;
    stop when `complete` is true.

    Decision: JSON `{logs, offset, status, complete}` with an integer `offset` query parameter,
    not the `text/event-stream` of the published document: the published builder (its only
    client) polls this way, reads JSON and sends `offset`; nothing consumes the SSE form, so it is
    not kept. Decision: the `buildID` value may be a build id or a template id (the published
    builder passes the template id here); a template id means its latest build.

    Args:
        build_id (str):
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BuildLogsResponse | Error
    """

    return (
        await asyncio_detailed(
            build_id=build_id,
            client=client,
            offset=offset,
        )
    ).parsed
