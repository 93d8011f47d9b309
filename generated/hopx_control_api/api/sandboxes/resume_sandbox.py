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
        "url": "/v1/sandboxes/{id}/resume".format(
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

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())

        return response_503

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
    """The request of `resume_sandbox` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="resume_sandbox",
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
    """Resume a paused sandbox

     Thaws a paused sandbox, `paused` → `running`. Idempotent: a sandbox that is already
    `running` answers 200 as it is, unchanged (clients call it right after `Sandbox.connect`,
    which resumes a paused sandbox already). hopx-local extension: a transition that cannot
    happen (from `stopped`, say) answers 409 `conflict` (`details.allowed_from` =
    `["paused"]`).

    Decision: 200 with the updated `Sandbox` (not 204; see `pauseSandbox`). No request body.

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
    """Resume a paused sandbox

     Thaws a paused sandbox, `paused` → `running`. Idempotent: a sandbox that is already
    `running` answers 200 as it is, unchanged (clients call it right after `Sandbox.connect`,
    which resumes a paused sandbox already). hopx-local extension: a transition that cannot
    happen (from `stopped`, say) answers 409 `conflict` (`details.allowed_from` =
    `["paused"]`).

    Decision: 200 with the updated `Sandbox` (not 204; see `pauseSandbox`). No request body.

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
    """Resume a paused sandbox

     Thaws a paused sandbox, `paused` → `running`. Idempotent: a sandbox that is already
    `running` answers 200 as it is, unchanged (clients call it right after `Sandbox.connect`,
    which resumes a paused sandbox already). hopx-local extension: a transition that cannot
    happen (from `stopped`, say) answers 409 `conflict` (`details.allowed_from` =
    `["paused"]`).

    Decision: 200 with the updated `Sandbox` (not 204; see `pauseSandbox`). No request body.

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
    """Resume a paused sandbox

     Thaws a paused sandbox, `paused` → `running`. Idempotent: a sandbox that is already
    `running` answers 200 as it is, unchanged (clients call it right after `Sandbox.connect`,
    which resumes a paused sandbox already). hopx-local extension: a transition that cannot
    happen (from `stopped`, say) answers 409 `conflict` (`details.allowed_from` =
    `["paused"]`).

    Decision: 200 with the updated `Sandbox` (not 204; see `pauseSandbox`). No request body.

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
