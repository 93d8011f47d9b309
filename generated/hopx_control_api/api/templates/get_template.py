from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.template import Template
from ...types import Response


def _get_kwargs(
    name: str,
) -> dict[str, Any]:
    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/templates/{name}".format(
            name=quote(str(name), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Template | None:
    if response.status_code == 200:
        response_200 = Template.from_dict(response.json())

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: httpx.Response) -> Template:
    if True:
        _body = _types.json_body(response)
        response_200 = Template.from_dict(_body)

        return response_200


def request(
    name: str,
) -> _types.ApiRequest[Template]:
    """The request of `get_template` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="get_template",
        kwargs=_get_kwargs(
            name=name,
        ),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | Template]:
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
) -> Response[Error | Template]:
    """Get a template

     Decision: one path template for get and delete whose value is a template **name or id**.
    The published document names the parameter `name` for GET and `templateID` for DELETE, but
    both are the same path; the published SDK polls `GET /v1/templates/{template_id}` with an id
    while waiting for a build to activate, and `get_template(name)` with a name. The server looks
    the value up as an id first, then as a name.

    Args:
        name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Template]
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
) -> Error | Template | None:
    """Get a template

     Decision: one path template for get and delete whose value is a template **name or id**.
    The published document names the parameter `name` for GET and `templateID` for DELETE, but
    both are the same path; the published SDK polls `GET /v1/templates/{template_id}` with an id
    while waiting for a build to activate, and `get_template(name)` with a name. The server looks
    the value up as an id first, then as a name.

    Args:
        name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Template
    """

    return sync_detailed(
        name=name,
        client=client,
    ).parsed


async def asyncio_detailed(
    name: str,
    *,
    client: AuthenticatedClient,
) -> Response[Error | Template]:
    """Get a template

     Decision: one path template for get and delete whose value is a template **name or id**.
    The published document names the parameter `name` for GET and `templateID` for DELETE, but
    both are the same path; the published SDK polls `GET /v1/templates/{template_id}` with an id
    while waiting for a build to activate, and `get_template(name)` with a name. The server looks
    the value up as an id first, then as a name.

    Args:
        name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Template]
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
) -> Error | Template | None:
    """Get a template

     Decision: one path template for get and delete whose value is a template **name or id**.
    The published document names the parameter `name` for GET and `templateID` for DELETE, but
    both are the same path; the published SDK polls `GET /v1/templates/{template_id}` with an id
    while waiting for a build to activate, and `get_template(name)` with a name. The server looks
    the value up as an id first, then as a name.

    Args:
        name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Template
    """

    return (
        await asyncio_detailed(
            name=name,
            client=client,
        )
    ).parsed
