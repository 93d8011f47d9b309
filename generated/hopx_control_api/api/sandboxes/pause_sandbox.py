from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.sandbox import Sandbox
from ...types import Response


def _get_kwargs(
    id: str,
) -> dict[str, Any]:
    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/sandboxes/{id}/pause".format(
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Sandbox | None:
    if response.status_code == 200:
        response_200 = Sandbox.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: httpx.Response) -> Sandbox:
    if True:
        _body = _types.json_body(response)
        response_200 = Sandbox.from_dict(_body)

        return response_200


def request(
    id: str,
) -> _types.ApiRequest[Sandbox]:
    """The request of `pause_sandbox` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="pause_sandbox",
        kwargs=_get_kwargs(
            id=id,
        ),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | Sandbox]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Error | Sandbox]:
    """Pause a sandbox

     Freezes every process of the sandbox (memory and files are kept; billing drops to the paused
    rate), `running` → `paused`. Idempotent, as on the public service: a sandbox that is
    already `paused` answers 200 as it is, unchanged. hopx-local extension (the published
    document lists no 409): a transition that cannot happen (from `stopped`, `creating`,
    `error`) answers 409 `conflict` with `details.status` (current), `details.allowed_from`
    (`["running"]`) and a hint in the message ("Start it first.").

    Decision: 200 with the updated `Sandbox` (the published client parses JSON from every
    response; an empty 204 breaks it). No request body.

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Sandbox]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
) -> Error | Sandbox | None:
    """Pause a sandbox

     Freezes every process of the sandbox (memory and files are kept; billing drops to the paused
    rate), `running` → `paused`. Idempotent, as on the public service: a sandbox that is
    already `paused` answers 200 as it is, unchanged. hopx-local extension (the published
    document lists no 409): a transition that cannot happen (from `stopped`, `creating`,
    `error`) answers 409 `conflict` with `details.status` (current), `details.allowed_from`
    (`["running"]`) and a hint in the message ("Start it first.").

    Decision: 200 with the updated `Sandbox` (the published client parses JSON from every
    response; an empty 204 breaks it). No request body.

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Sandbox
    """

    return sync_detailed(
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Error | Sandbox]:
    """Pause a sandbox

     Freezes every process of the sandbox (memory and files are kept; billing drops to the paused
    rate), `running` → `paused`. Idempotent, as on the public service: a sandbox that is
    already `paused` answers 200 as it is, unchanged. hopx-local extension (the published
    document lists no 409): a transition that cannot happen (from `stopped`, `creating`,
    `error`) answers 409 `conflict` with `details.status` (current), `details.allowed_from`
    (`["running"]`) and a hint in the message ("Start it first.").

    Decision: 200 with the updated `Sandbox` (the published client parses JSON from every
    response; an empty 204 breaks it). No request body.

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Sandbox]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
) -> Error | Sandbox | None:
    """Pause a sandbox

     Freezes every process of the sandbox (memory and files are kept; billing drops to the paused
    rate), `running` → `paused`. Idempotent, as on the public service: a sandbox that is
    already `paused` answers 200 as it is, unchanged. hopx-local extension (the published
    document lists no 409): a transition that cannot happen (from `stopped`, `creating`,
    `error`) answers 409 `conflict` with `details.status` (current), `details.allowed_from`
    (`["running"]`) and a hint in the message ("Start it first.").

    Decision: 200 with the updated `Sandbox` (the published client parses JSON from every
    response; an empty 204 breaks it). No request body.

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Sandbox
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed
