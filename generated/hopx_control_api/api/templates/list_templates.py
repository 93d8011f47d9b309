from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.template_list import TemplateList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    category: str | Unset = UNSET,
    language: str | Unset = UNSET,
) -> dict[str, Any]:
    params: dict[str, Any] = {}

    params["category"] = category

    params["language"] = language

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/templates",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | TemplateList | None:
    if response.status_code == 200:
        response_200 = TemplateList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

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


def _parse_success(response: httpx.Response) -> TemplateList:
    if True:
        _body = _types.json_body(response)
        response_200 = TemplateList.from_dict(_body)

        return response_200


def request(
    *,
    category: str | Unset = UNSET,
    language: str | Unset = UNSET,
) -> _types.ApiRequest[TemplateList]:
    """The request of `list_templates` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="list_templates",
        kwargs=_get_kwargs(
            category=category,
            language=language,
        ),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | TemplateList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    category: str | Unset = UNSET,
    language: str | Unset = UNSET,
) -> Response[Error | TemplateList]:
    """List templates

     Public templates and the organization's own, by popularity.

    Decision: `category` and `language` filters are part of the contract (the published SDK's
    `list_templates(category=, language=)` sends them; the published document lacks them).
    Matching is exact and case-insensitive; no match → an empty `data` list, not an error.

    Args:
        category (str | Unset):
        language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TemplateList]
    """

    kwargs = _get_kwargs(
        category=category,
        language=language,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    category: str | Unset = UNSET,
    language: str | Unset = UNSET,
) -> Error | TemplateList | None:
    """List templates

     Public templates and the organization's own, by popularity.

    Decision: `category` and `language` filters are part of the contract (the published SDK's
    `list_templates(category=, language=)` sends them; the published document lacks them).
    Matching is exact and case-insensitive; no match → an empty `data` list, not an error.

    Args:
        category (str | Unset):
        language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TemplateList
    """

    return sync_detailed(
        client=client,
        category=category,
        language=language,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    category: str | Unset = UNSET,
    language: str | Unset = UNSET,
) -> Response[Error | TemplateList]:
    """List templates

     Public templates and the organization's own, by popularity.

    Decision: `category` and `language` filters are part of the contract (the published SDK's
    `list_templates(category=, language=)` sends them; the published document lacks them).
    Matching is exact and case-insensitive; no match → an empty `data` list, not an error.

    Args:
        category (str | Unset):
        language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TemplateList]
    """

    kwargs = _get_kwargs(
        category=category,
        language=language,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    category: str | Unset = UNSET,
    language: str | Unset = UNSET,
) -> Error | TemplateList | None:
    """List templates

     Public templates and the organization's own, by popularity.

    Decision: `category` and `language` filters are part of the contract (the published SDK's
    `list_templates(category=, language=)` sends them; the published document lacks them).
    Matching is exact and case-insensitive; no match → an empty `data` list, not an error.

    Args:
        category (str | Unset):
        language (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TemplateList
    """

    return (
        await asyncio_detailed(
            client=client,
            category=category,
            language=language,
        )
    ).parsed
