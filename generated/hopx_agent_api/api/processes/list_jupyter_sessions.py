from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.jupyter_session_list import JupyterSessionList
from ...types import Response


def _get_kwargs() -> dict[str, Any]:
    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/jupyter/sessions",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | JupyterSessionList | None:
    if response.status_code == 200:
        response_200 = JupyterSessionList.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: httpx.Response) -> JupyterSessionList:
    if True:
        _body = _types.json_body(response)
        response_200 = JupyterSessionList.from_dict(_body)

        return response_200


def request() -> _types.ApiRequest[JupyterSessionList]:
    """The request of `list_jupyter_sessions` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="list_jupyter_sessions",
        kwargs=_get_kwargs(),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | JupyterSessionList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | JupyterSessionList]:
    """List Jupyter kernel sessions

     Kernels the agent runs for stateful Python execution (code-interpreter template). An agent
    without Jupyter answers an empty list with `available: false`.
    Errors: 401 `UNAUTHORIZED`, 500 `INTERNAL_ERROR`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | JupyterSessionList]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | JupyterSessionList | None:
    """List Jupyter kernel sessions

     Kernels the agent runs for stateful Python execution (code-interpreter template). An agent
    without Jupyter answers an empty list with `available: false`.
    Errors: 401 `UNAUTHORIZED`, 500 `INTERNAL_ERROR`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | JupyterSessionList
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | JupyterSessionList]:
    """List Jupyter kernel sessions

     Kernels the agent runs for stateful Python execution (code-interpreter template). An agent
    without Jupyter answers an empty list with `available: false`.
    Errors: 401 `UNAUTHORIZED`, 500 `INTERNAL_ERROR`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | JupyterSessionList]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | JupyterSessionList | None:
    """List Jupyter kernel sessions

     Kernels the agent runs for stateful Python execution (code-interpreter template). An agent
    without Jupyter answers an empty list with `available: false`.
    Errors: 401 `UNAUTHORIZED`, 500 `INTERNAL_ERROR`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | JupyterSessionList
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
