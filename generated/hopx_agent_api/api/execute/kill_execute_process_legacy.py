from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.kill_process_response import KillProcessResponse
from ...types import Response


def _get_kwargs(
    process_id: str,
) -> dict[str, Any]:
    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/execute/kill/{process_id}".format(
            process_id=quote(str(process_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | KillProcessResponse | None:
    if response.status_code == 200:
        response_200 = KillProcessResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: httpx.Response) -> KillProcessResponse:
    if True:
        _body = _types.json_body(response)
        response_200 = KillProcessResponse.from_dict(_body)

        return response_200


def request(
    process_id: str,
) -> _types.ApiRequest[KillProcessResponse]:
    """The request of `kill_execute_process_legacy` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="kill_execute_process_legacy",
        kwargs=_get_kwargs(
            process_id=process_id,
        ),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | KillProcessResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    process_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | KillProcessResponse]:
    """Kill a background process (deprecated alias)

     Deprecated alias of `DELETE /execute/kill?process_id=` kept because the published sync SDK's
    `kill_process()` calls it. No body. Same semantics and answers.
    Errors: 400 `INVALID_REQUEST` (`process_id` longer than the documented maximum); 401
    `UNAUTHORIZED`; 404 `PROCESS_NOT_FOUND`.

    Args:
        process_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | KillProcessResponse]
    """

    kwargs = _get_kwargs(
        process_id=process_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    process_id: str,
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | KillProcessResponse | None:
    """Kill a background process (deprecated alias)

     Deprecated alias of `DELETE /execute/kill?process_id=` kept because the published sync SDK's
    `kill_process()` calls it. No body. Same semantics and answers.
    Errors: 400 `INVALID_REQUEST` (`process_id` longer than the documented maximum); 401
    `UNAUTHORIZED`; 404 `PROCESS_NOT_FOUND`.

    Args:
        process_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | KillProcessResponse
    """

    return sync_detailed(
        process_id=process_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    process_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorResponse | KillProcessResponse]:
    """Kill a background process (deprecated alias)

     Deprecated alias of `DELETE /execute/kill?process_id=` kept because the published sync SDK's
    `kill_process()` calls it. No body. Same semantics and answers.
    Errors: 400 `INVALID_REQUEST` (`process_id` longer than the documented maximum); 401
    `UNAUTHORIZED`; 404 `PROCESS_NOT_FOUND`.

    Args:
        process_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | KillProcessResponse]
    """

    kwargs = _get_kwargs(
        process_id=process_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    process_id: str,
    *,
    client: AuthenticatedClient,
) -> ErrorResponse | KillProcessResponse | None:
    """Kill a background process (deprecated alias)

     Deprecated alias of `DELETE /execute/kill?process_id=` kept because the published sync SDK's
    `kill_process()` calls it. No body. Same semantics and answers.
    Errors: 400 `INVALID_REQUEST` (`process_id` longer than the documented maximum); 401
    `UNAUTHORIZED`; 404 `PROCESS_NOT_FOUND`.

    Args:
        process_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | KillProcessResponse
    """

    return (
        await asyncio_detailed(
            process_id=process_id,
            client=client,
        )
    ).parsed
