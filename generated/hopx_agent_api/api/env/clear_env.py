from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.env_vars_response import EnvVarsResponse
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    key: str | Unset = UNSET,
) -> dict[str, Any]:
    params: dict[str, Any] = {}

    params["key"] = key

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/env",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EnvVarsResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = EnvVarsResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: httpx.Response) -> EnvVarsResponse:
    if True:
        _body = _types.json_body(response)
        response_200 = EnvVarsResponse.from_dict(_body)

        return response_200


def request(
    *,
    key: str | Unset = UNSET,
) -> _types.ApiRequest[EnvVarsResponse]:
    """The request of `clear_env` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="clear_env",
        kwargs=_get_kwargs(
            key=key,
        ),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EnvVarsResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    key: str | Unset = UNSET,
) -> Response[EnvVarsResponse | ErrorResponse]:
    """Delete one or all environment variables

     Without `key`: removes every variable (the published spec's behaviour). With `key=NAME`:
    removes only that variable; deleting an absent key is not an error (idempotent). This
    replaces the published SDK's `env.delete()`, which rewrote the whole set from a possibly
    masked `GET /env`; our SDK calls `DELETE /env?key=NAME`. Answers the resulting set.
    Errors: 400 `INVALID_REQUEST` (bad key name); 401 `UNAUTHORIZED`.

    Args:
        key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnvVarsResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        key=key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    key: str | Unset = UNSET,
) -> EnvVarsResponse | ErrorResponse | None:
    """Delete one or all environment variables

     Without `key`: removes every variable (the published spec's behaviour). With `key=NAME`:
    removes only that variable; deleting an absent key is not an error (idempotent). This
    replaces the published SDK's `env.delete()`, which rewrote the whole set from a possibly
    masked `GET /env`; our SDK calls `DELETE /env?key=NAME`. Answers the resulting set.
    Errors: 400 `INVALID_REQUEST` (bad key name); 401 `UNAUTHORIZED`.

    Args:
        key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnvVarsResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
        key=key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    key: str | Unset = UNSET,
) -> Response[EnvVarsResponse | ErrorResponse]:
    """Delete one or all environment variables

     Without `key`: removes every variable (the published spec's behaviour). With `key=NAME`:
    removes only that variable; deleting an absent key is not an error (idempotent). This
    replaces the published SDK's `env.delete()`, which rewrote the whole set from a possibly
    masked `GET /env`; our SDK calls `DELETE /env?key=NAME`. Answers the resulting set.
    Errors: 400 `INVALID_REQUEST` (bad key name); 401 `UNAUTHORIZED`.

    Args:
        key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnvVarsResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        key=key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    key: str | Unset = UNSET,
) -> EnvVarsResponse | ErrorResponse | None:
    """Delete one or all environment variables

     Without `key`: removes every variable (the published spec's behaviour). With `key=NAME`:
    removes only that variable; deleting an absent key is not an error (idempotent). This
    replaces the published SDK's `env.delete()`, which rewrote the whole set from a possibly
    masked `GET /env`; our SDK calls `DELETE /env?key=NAME`. Answers the resulting set.
    Errors: 400 `INVALID_REQUEST` (bad key name); 401 `UNAUTHORIZED`.

    Args:
        key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnvVarsResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            key=key,
        )
    ).parsed
