from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.execute_async_request import ExecuteAsyncRequest
from ...models.execute_async_response import ExecuteAsyncResponse
from ...types import Response


def _get_kwargs(
    *,
    body: ExecuteAsyncRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/execute/async",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ExecuteAsyncResponse | None:
    if response.status_code == 202:
        response_202 = ExecuteAsyncResponse.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = ErrorResponse.from_dict(response.json())

        return response_413

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: httpx.Response) -> ExecuteAsyncResponse:
    if True:
        _body = _types.json_body(response)
        response_202 = ExecuteAsyncResponse.from_dict(_body)

        return response_202


def request(
    *,
    body: ExecuteAsyncRequest,
) -> _types.ApiRequest[ExecuteAsyncResponse]:
    """The request of `execute_async` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="execute_async",
        kwargs=_get_kwargs(
            body=body,
        ),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | ExecuteAsyncResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ExecuteAsyncRequest,
) -> Response[ErrorResponse | ExecuteAsyncResponse]:
    """Execute code and POST the result to a callback URL

     Queues `code` (answer **202**) and, when it finishes, POSTs an `AsyncExecutionCallback` JSON
    body (the `ExecuteResponse` fields plus `execution_id`, `status` and `error`) to
    `callback_url`. For long work (default `timeout` 1800 s, max 86400 s).

    Callback request headers: `Content-Type: application/json`, every entry of
    `callback_headers`, `X-HopX-Timestamp: <unix seconds>` and, when
    `callback_signature_secret` is set,
    `X-HopX-Signature: sha256=<lowercase hex HMAC-SHA256(secret, raw request body bytes)>`
    (header names are case-insensitive; the published SDK documents them as `X-HOPX-*`).
    Delivery: up to 3 attempts (1 s, 2 s backoff) on a network error or 5xx, 10 s timeout each;
    any 2xx ends delivery; the outcome is logged by the agent, not reported to the caller.
    The callback POST goes out from the sandbox, so it needs network access to `callback_url`.

    Errors: 400 `INVALID_REQUEST` (missing/invalid `callback_url`: http or https only),
    `INVALID_JSON`; 401 `UNAUTHORIZED`; 404 `DIRECTORY_NOT_FOUND` (`workdir`);
    413 `PAYLOAD_TOO_LARGE` (body over 8 MiB); 500 `INTERNAL_ERROR`.

    Args:
        body (ExecuteAsyncRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ExecuteAsyncResponse]
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
    body: ExecuteAsyncRequest,
) -> ErrorResponse | ExecuteAsyncResponse | None:
    """Execute code and POST the result to a callback URL

     Queues `code` (answer **202**) and, when it finishes, POSTs an `AsyncExecutionCallback` JSON
    body (the `ExecuteResponse` fields plus `execution_id`, `status` and `error`) to
    `callback_url`. For long work (default `timeout` 1800 s, max 86400 s).

    Callback request headers: `Content-Type: application/json`, every entry of
    `callback_headers`, `X-HopX-Timestamp: <unix seconds>` and, when
    `callback_signature_secret` is set,
    `X-HopX-Signature: sha256=<lowercase hex HMAC-SHA256(secret, raw request body bytes)>`
    (header names are case-insensitive; the published SDK documents them as `X-HOPX-*`).
    Delivery: up to 3 attempts (1 s, 2 s backoff) on a network error or 5xx, 10 s timeout each;
    any 2xx ends delivery; the outcome is logged by the agent, not reported to the caller.
    The callback POST goes out from the sandbox, so it needs network access to `callback_url`.

    Errors: 400 `INVALID_REQUEST` (missing/invalid `callback_url`: http or https only),
    `INVALID_JSON`; 401 `UNAUTHORIZED`; 404 `DIRECTORY_NOT_FOUND` (`workdir`);
    413 `PAYLOAD_TOO_LARGE` (body over 8 MiB); 500 `INTERNAL_ERROR`.

    Args:
        body (ExecuteAsyncRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ExecuteAsyncResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ExecuteAsyncRequest,
) -> Response[ErrorResponse | ExecuteAsyncResponse]:
    """Execute code and POST the result to a callback URL

     Queues `code` (answer **202**) and, when it finishes, POSTs an `AsyncExecutionCallback` JSON
    body (the `ExecuteResponse` fields plus `execution_id`, `status` and `error`) to
    `callback_url`. For long work (default `timeout` 1800 s, max 86400 s).

    Callback request headers: `Content-Type: application/json`, every entry of
    `callback_headers`, `X-HopX-Timestamp: <unix seconds>` and, when
    `callback_signature_secret` is set,
    `X-HopX-Signature: sha256=<lowercase hex HMAC-SHA256(secret, raw request body bytes)>`
    (header names are case-insensitive; the published SDK documents them as `X-HOPX-*`).
    Delivery: up to 3 attempts (1 s, 2 s backoff) on a network error or 5xx, 10 s timeout each;
    any 2xx ends delivery; the outcome is logged by the agent, not reported to the caller.
    The callback POST goes out from the sandbox, so it needs network access to `callback_url`.

    Errors: 400 `INVALID_REQUEST` (missing/invalid `callback_url`: http or https only),
    `INVALID_JSON`; 401 `UNAUTHORIZED`; 404 `DIRECTORY_NOT_FOUND` (`workdir`);
    413 `PAYLOAD_TOO_LARGE` (body over 8 MiB); 500 `INTERNAL_ERROR`.

    Args:
        body (ExecuteAsyncRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ExecuteAsyncResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ExecuteAsyncRequest,
) -> ErrorResponse | ExecuteAsyncResponse | None:
    """Execute code and POST the result to a callback URL

     Queues `code` (answer **202**) and, when it finishes, POSTs an `AsyncExecutionCallback` JSON
    body (the `ExecuteResponse` fields plus `execution_id`, `status` and `error`) to
    `callback_url`. For long work (default `timeout` 1800 s, max 86400 s).

    Callback request headers: `Content-Type: application/json`, every entry of
    `callback_headers`, `X-HopX-Timestamp: <unix seconds>` and, when
    `callback_signature_secret` is set,
    `X-HopX-Signature: sha256=<lowercase hex HMAC-SHA256(secret, raw request body bytes)>`
    (header names are case-insensitive; the published SDK documents them as `X-HOPX-*`).
    Delivery: up to 3 attempts (1 s, 2 s backoff) on a network error or 5xx, 10 s timeout each;
    any 2xx ends delivery; the outcome is logged by the agent, not reported to the caller.
    The callback POST goes out from the sandbox, so it needs network access to `callback_url`.

    Errors: 400 `INVALID_REQUEST` (missing/invalid `callback_url`: http or https only),
    `INVALID_JSON`; 401 `UNAUTHORIZED`; 404 `DIRECTORY_NOT_FOUND` (`workdir`);
    413 `PAYLOAD_TOO_LARGE` (body over 8 MiB); 500 `INTERNAL_ERROR`.

    Args:
        body (ExecuteAsyncRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ExecuteAsyncResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
