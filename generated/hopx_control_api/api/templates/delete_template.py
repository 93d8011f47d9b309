from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.template_deleted import TemplateDeleted
from ...types import Response


def _get_kwargs(
    name: str,
) -> dict[str, Any]:
    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/templates/{name}".format(
            name=quote(str(name), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | TemplateDeleted | None:
    if response.status_code == 200:
        response_200 = TemplateDeleted.from_dict(response.json())

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


def _parse_success(response: httpx.Response) -> TemplateDeleted:
    if True:
        _body = _types.json_body(response)
        response_200 = TemplateDeleted.from_dict(_body)

        return response_200


def request(
    name: str,
) -> _types.ApiRequest[TemplateDeleted]:
    """The request of `delete_template` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="delete_template",
        kwargs=_get_kwargs(
            name=name,
        ),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | TemplateDeleted]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    name: str,
    *,
    client: AuthenticatedClient,
) -> Response[Error | TemplateDeleted]:
    """Delete a template

     Deletes one of the organization's own templates (by name or id, see `getTemplate`). Public
    templates → 403 `forbidden`; a template that is still building → 409 `conflict`. Existing
    sandboxes made from it keep running.

    Decision: 200 with a small JSON confirmation (the published document answers 200 with an
    object; the published SDK returns the parsed body, so it must be JSON).

    Args:
        name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TemplateDeleted]
    """

    kwargs = _get_kwargs(
        name=name,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    name: str,
    *,
    client: AuthenticatedClient,
) -> Error | TemplateDeleted | None:
    """Delete a template

     Deletes one of the organization's own templates (by name or id, see `getTemplate`). Public
    templates → 403 `forbidden`; a template that is still building → 409 `conflict`. Existing
    sandboxes made from it keep running.

    Decision: 200 with a small JSON confirmation (the published document answers 200 with an
    object; the published SDK returns the parsed body, so it must be JSON).

    Args:
        name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TemplateDeleted
    """

    return sync_detailed(
        name=name,
        client=client,
    ).parsed


async def asyncio_detailed(
    name: str,
    *,
    client: AuthenticatedClient,
) -> Response[Error | TemplateDeleted]:
    """Delete a template

     Deletes one of the organization's own templates (by name or id, see `getTemplate`). Public
    templates → 403 `forbidden`; a template that is still building → 409 `conflict`. Existing
    sandboxes made from it keep running.

    Decision: 200 with a small JSON confirmation (the published document answers 200 with an
    object; the published SDK returns the parsed body, so it must be JSON).

    Args:
        name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TemplateDeleted]
    """

    kwargs = _get_kwargs(
        name=name,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    name: str,
    *,
    client: AuthenticatedClient,
) -> Error | TemplateDeleted | None:
    """Delete a template

     Deletes one of the organization's own templates (by name or id, see `getTemplate`). Public
    templates → 403 `forbidden`; a template that is still building → 409 `conflict`. Existing
    sandboxes made from it keep running.

    Decision: 200 with a small JSON confirmation (the published document answers 200 with an
    object; the published SDK returns the parsed body, so it must be JSON).

    Args:
        name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TemplateDeleted
    """

    return (
        await asyncio_detailed(
            name=name,
            client=client,
        )
    ).parsed
