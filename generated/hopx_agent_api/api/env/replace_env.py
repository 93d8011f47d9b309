from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.env_vars_response import EnvVarsResponse
from ...models.env_vars_set_request import EnvVarsSetRequest
from ...models.error_response import ErrorResponse
from ...types import Response


def _get_kwargs(
    *,
    body: EnvVarsSetRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/env",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
    body: EnvVarsSetRequest,
) -> _types.ApiRequest[EnvVarsResponse]:
    """The request of `replace_env` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="replace_env",
        kwargs=_get_kwargs(
            body=body,
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
    body: EnvVarsSetRequest,
) -> Response[EnvVarsResponse | ErrorResponse]:
    """Replace all environment variables

     Replaces the whole set with `env_vars` (`merge` is ignored here). Answers the resulting set
    (200 with a body; the published SDK also copes with 204 but we always send the body).
    Names must match `^[A-Za-z_][A-Za-z0-9_]*$`, values must not contain NUL; otherwise 400
    `INVALID_REQUEST` naming the variable.
    Errors: 400 `INVALID_REQUEST`/`INVALID_JSON`; 401 `UNAUTHORIZED`.

    Args:
        body (EnvVarsSetRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnvVarsResponse | ErrorResponse]
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
    body: EnvVarsSetRequest,
) -> EnvVarsResponse | ErrorResponse | None:
    """Replace all environment variables

     Replaces the whole set with `env_vars` (`merge` is ignored here). Answers the resulting set
    (200 with a body; the published SDK also copes with 204 but we always send the body).
    Names must match `^[A-Za-z_][A-Za-z0-9_]*$`, values must not contain NUL; otherwise 400
    `INVALID_REQUEST` naming the variable.
    Errors: 400 `INVALID_REQUEST`/`INVALID_JSON`; 401 `UNAUTHORIZED`.

    Args:
        body (EnvVarsSetRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnvVarsResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: EnvVarsSetRequest,
) -> Response[EnvVarsResponse | ErrorResponse]:
    """Replace all environment variables

     Replaces the whole set with `env_vars` (`merge` is ignored here). Answers the resulting set
    (200 with a body; the published SDK also copes with 204 but we always send the body).
    Names must match `^[A-Za-z_][A-Za-z0-9_]*$`, values must not contain NUL; otherwise 400
    `INVALID_REQUEST` naming the variable.
    Errors: 400 `INVALID_REQUEST`/`INVALID_JSON`; 401 `UNAUTHORIZED`.

    Args:
        body (EnvVarsSetRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnvVarsResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: EnvVarsSetRequest,
) -> EnvVarsResponse | ErrorResponse | None:
    """Replace all environment variables

     Replaces the whole set with `env_vars` (`merge` is ignored here). Answers the resulting set
    (200 with a body; the published SDK also copes with 204 but we always send the body).
    Names must match `^[A-Za-z_][A-Za-z0-9_]*$`, values must not contain NUL; otherwise 400
    `INVALID_REQUEST` naming the variable.
    Errors: 400 `INVALID_REQUEST`/`INVALID_JSON`; 401 `UNAUTHORIZED`.

    Args:
        body (EnvVarsSetRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnvVarsResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
