from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.env_vars_response import EnvVarsResponse
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs() -> dict[str, Any]:
    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/env",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EnvVarsResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = EnvVarsResponse.from_dict(response.json())

        return response_200

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


def request() -> _types.ApiRequest[EnvVarsResponse]:
    """The request of `get_env` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="get_env",
        kwargs=_get_kwargs(),
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
) -> Response[EnvVarsResponse | ErrorResponse]:
    """Get the sandbox-wide environment variables

     The variables set through this API (not the agent's own process environment). They apply
    to every later execution and command; precedence: request `env` > these > the sandbox's
    base environment. Values are returned as stored. Note: the public HopX agent may mask
    sensitive values (`***MASKED***`), so never write back values read here — to delete one
    variable use `DELETE /env?key=NAME`.
    Errors: 401 `UNAUTHORIZED`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnvVarsResponse | ErrorResponse]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> EnvVarsResponse | ErrorResponse | None:
    """Get the sandbox-wide environment variables

     The variables set through this API (not the agent's own process environment). They apply
    to every later execution and command; precedence: request `env` > these > the sandbox's
    base environment. Values are returned as stored. Note: the public HopX agent may mask
    sensitive values (`***MASKED***`), so never write back values read here — to delete one
    variable use `DELETE /env?key=NAME`.
    Errors: 401 `UNAUTHORIZED`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnvVarsResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[EnvVarsResponse | ErrorResponse]:
    """Get the sandbox-wide environment variables

     The variables set through this API (not the agent's own process environment). They apply
    to every later execution and command; precedence: request `env` > these > the sandbox's
    base environment. Values are returned as stored. Note: the public HopX agent may mask
    sensitive values (`***MASKED***`), so never write back values read here — to delete one
    variable use `DELETE /env?key=NAME`.
    Errors: 401 `UNAUTHORIZED`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnvVarsResponse | ErrorResponse]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> EnvVarsResponse | ErrorResponse | None:
    """Get the sandbox-wide environment variables

     The variables set through this API (not the agent's own process environment). They apply
    to every later execution and command; precedence: request `env` > these > the sandbox's
    base environment. Values are returned as stored. Note: the public HopX agent may mask
    sensitive values (`***MASKED***`), so never write back values read here — to delete one
    variable use `DELETE /env?key=NAME`.
    Errors: 401 `UNAUTHORIZED`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnvVarsResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
