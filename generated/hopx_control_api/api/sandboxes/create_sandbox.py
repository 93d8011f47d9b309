from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.create_sandbox_request import CreateSandboxRequest
from ...models.error import Error
from ...models.sandbox import Sandbox
from ...types import Response


def _get_kwargs(
    *,
    body: CreateSandboxRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/sandboxes",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Sandbox | None:
    if response.status_code == 201:
        response_201 = Sandbox.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = Error.from_dict(response.json())

        return response_402

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
        response_201 = Sandbox.from_dict(_body)

        return response_201


def request(
    *,
    body: CreateSandboxRequest,
) -> _types.ApiRequest[Sandbox]:
    """The request of `create_sandbox` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="create_sandbox",
        kwargs=_get_kwargs(
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
    *,
    client: AuthenticatedClient,
    body: CreateSandboxRequest,
) -> Response[Error | Sandbox]:
    """Create a sandbox

     Creates a sandbox from a template given by `template_id` or `template_name` (at least one is
    required → otherwise 400 `validation_error` with `details.field` = `template_id`; if both are
    given, `template_id` wins, as in the published SDK). The sandbox starts in `creating` and
    becomes `running`; hopx-local answers once it is `running`.

    Decision: 201 with the full `Sandbox` (published document and service), including
    `auth_token` + `token_expires_at` (the agent JWT, which the published SDK caches from this
    response) and `public_host`. An unknown template → 404 `not_found` (the published SDK turns
    that 404 into `TemplateNotFoundError` with a suggestion).

    Decision: `vcpu`, `memory_mb`, `disk_gb` stay as deprecated, ignored properties: the
    published document still lists them and old clients send them; resources always come from
    the template.

    Not idempotent: clients must not retry it blindly after a timeout (a retry may create a
    second sandbox).

    Args:
        body (CreateSandboxRequest): Give `template_id` or `template_name` (if both, `template_id`
            wins). Unknown fields are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Sandbox]
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
    body: CreateSandboxRequest,
) -> Error | Sandbox | None:
    """Create a sandbox

     Creates a sandbox from a template given by `template_id` or `template_name` (at least one is
    required → otherwise 400 `validation_error` with `details.field` = `template_id`; if both are
    given, `template_id` wins, as in the published SDK). The sandbox starts in `creating` and
    becomes `running`; hopx-local answers once it is `running`.

    Decision: 201 with the full `Sandbox` (published document and service), including
    `auth_token` + `token_expires_at` (the agent JWT, which the published SDK caches from this
    response) and `public_host`. An unknown template → 404 `not_found` (the published SDK turns
    that 404 into `TemplateNotFoundError` with a suggestion).

    Decision: `vcpu`, `memory_mb`, `disk_gb` stay as deprecated, ignored properties: the
    published document still lists them and old clients send them; resources always come from
    the template.

    Not idempotent: clients must not retry it blindly after a timeout (a retry may create a
    second sandbox).

    Args:
        body (CreateSandboxRequest): Give `template_id` or `template_name` (if both, `template_id`
            wins). Unknown fields are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Sandbox
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateSandboxRequest,
) -> Response[Error | Sandbox]:
    """Create a sandbox

     Creates a sandbox from a template given by `template_id` or `template_name` (at least one is
    required → otherwise 400 `validation_error` with `details.field` = `template_id`; if both are
    given, `template_id` wins, as in the published SDK). The sandbox starts in `creating` and
    becomes `running`; hopx-local answers once it is `running`.

    Decision: 201 with the full `Sandbox` (published document and service), including
    `auth_token` + `token_expires_at` (the agent JWT, which the published SDK caches from this
    response) and `public_host`. An unknown template → 404 `not_found` (the published SDK turns
    that 404 into `TemplateNotFoundError` with a suggestion).

    Decision: `vcpu`, `memory_mb`, `disk_gb` stay as deprecated, ignored properties: the
    published document still lists them and old clients send them; resources always come from
    the template.

    Not idempotent: clients must not retry it blindly after a timeout (a retry may create a
    second sandbox).

    Args:
        body (CreateSandboxRequest): Give `template_id` or `template_name` (if both, `template_id`
            wins). Unknown fields are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Sandbox]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateSandboxRequest,
) -> Error | Sandbox | None:
    """Create a sandbox

     Creates a sandbox from a template given by `template_id` or `template_name` (at least one is
    required → otherwise 400 `validation_error` with `details.field` = `template_id`; if both are
    given, `template_id` wins, as in the published SDK). The sandbox starts in `creating` and
    becomes `running`; hopx-local answers once it is `running`.

    Decision: 201 with the full `Sandbox` (published document and service), including
    `auth_token` + `token_expires_at` (the agent JWT, which the published SDK caches from this
    response) and `public_host`. An unknown template → 404 `not_found` (the published SDK turns
    that 404 into `TemplateNotFoundError` with a suggestion).

    Decision: `vcpu`, `memory_mb`, `disk_gb` stay as deprecated, ignored properties: the
    published document still lists them and old clients send them; resources always come from
    the template.

    Not idempotent: clients must not retry it blindly after a timeout (a retry may create a
    second sandbox).

    Args:
        body (CreateSandboxRequest): Give `template_id` or `template_name` (if both, `template_id`
            wins). Unknown fields are ignored.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Sandbox
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
