from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.sandbox import Sandbox
from ...models.set_timeout_request import SetTimeoutRequest
from ...types import Response


def _get_kwargs(
    id: str,
    *,
    body: SetTimeoutRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/sandboxes/{id}/timeout".format(
            id=quote(str(id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Sandbox | None:
    if response.status_code == 200:
        response_200 = Sandbox.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

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
    *,
    body: SetTimeoutRequest,
) -> _types.ApiRequest[Sandbox]:
    """The request of `set_sandbox_timeout` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="set_sandbox_timeout",
        kwargs=_get_kwargs(
            id=id,
            body=body,
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
    body: SetTimeoutRequest,
) -> Response[Error | Sandbox]:
    """Set the auto-kill timeout

     Sets `expires_at` = now + `timeout_seconds`; when it passes, the control plane deletes the
    sandbox (it then answers 404). Replaces any earlier timeout; allowed in every status.

    Decision: `timeout_seconds` is 1..86400 (24 h). The published document gives no bound; a cap
    catches unit mistakes loudly (template ready checks are in milliseconds, so `3600000` meant as
    "one hour" would otherwise keep a sandbox alive for 41 days) and keeps `expires_at` far from
    overflow. Larger values → 400 `validation_error`.

    Decision: 200 with the updated `Sandbox` (the published document answers 200 with an object;
    the published client parses JSON from every response).

    Args:
        id (str):
        body (SetTimeoutRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Sandbox]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    body: SetTimeoutRequest,
) -> Error | Sandbox | None:
    """Set the auto-kill timeout

     Sets `expires_at` = now + `timeout_seconds`; when it passes, the control plane deletes the
    sandbox (it then answers 404). Replaces any earlier timeout; allowed in every status.

    Decision: `timeout_seconds` is 1..86400 (24 h). The published document gives no bound; a cap
    catches unit mistakes loudly (template ready checks are in milliseconds, so `3600000` meant as
    "one hour" would otherwise keep a sandbox alive for 41 days) and keeps `expires_at` far from
    overflow. Larger values → 400 `validation_error`.

    Decision: 200 with the updated `Sandbox` (the published document answers 200 with an object;
    the published client parses JSON from every response).

    Args:
        id (str):
        body (SetTimeoutRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Sandbox
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: SetTimeoutRequest,
) -> Response[Error | Sandbox]:
    """Set the auto-kill timeout

     Sets `expires_at` = now + `timeout_seconds`; when it passes, the control plane deletes the
    sandbox (it then answers 404). Replaces any earlier timeout; allowed in every status.

    Decision: `timeout_seconds` is 1..86400 (24 h). The published document gives no bound; a cap
    catches unit mistakes loudly (template ready checks are in milliseconds, so `3600000` meant as
    "one hour" would otherwise keep a sandbox alive for 41 days) and keeps `expires_at` far from
    overflow. Larger values → 400 `validation_error`.

    Decision: 200 with the updated `Sandbox` (the published document answers 200 with an object;
    the published client parses JSON from every response).

    Args:
        id (str):
        body (SetTimeoutRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Sandbox]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    body: SetTimeoutRequest,
) -> Error | Sandbox | None:
    """Set the auto-kill timeout

     Sets `expires_at` = now + `timeout_seconds`; when it passes, the control plane deletes the
    sandbox (it then answers 404). Replaces any earlier timeout; allowed in every status.

    Decision: `timeout_seconds` is 1..86400 (24 h). The published document gives no bound; a cap
    catches unit mistakes loudly (template ready checks are in milliseconds, so `3600000` meant as
    "one hour" would otherwise keep a sandbox alive for 41 days) and keeps `expires_at` far from
    overflow. Larger values → 400 `validation_error`.

    Decision: 200 with the updated `Sandbox` (the published document answers 200 with an object;
    the published client parses JSON from every response).

    Args:
        id (str):
        body (SetTimeoutRequest):

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
            body=body,
        )
    ).parsed
