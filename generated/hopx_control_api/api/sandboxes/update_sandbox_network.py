from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.network_policy import NetworkPolicy
from ...models.sandbox import Sandbox
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    body: NetworkPolicy | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/sandboxes/{id}/network".format(
            id=quote(str(id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Sandbox | None:
    if response.status_code == 200:
        response_200 = Sandbox.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: httpx.Response) -> Sandbox:
    if True:
        _body = _types.json_body(response)
        response_200 = Sandbox.from_dict(_body)

        return response_200


def request(
    id: str,
    *,
    body: NetworkPolicy | Unset = UNSET,
) -> _types.ApiRequest[Sandbox]:
    """The request of `update_sandbox_network` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="update_sandbox_network",
        kwargs=_get_kwargs(
            id=id,
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
    id: str,
    *,
    client: AuthenticatedClient,
    body: NetworkPolicy | Unset = UNSET,
) -> Response[Error | Sandbox]:
    """Replace the egress policy

     hopx-local extension (E2B's `update_network`): replaces the sandbox's `allow_out` and
    `deny_out` (an omitted list becomes empty; `{}` restores the default, public addresses
    only). A running or paused sandbox gets it at once, for its open connections too; a
    stopped one at its next start. Allowed in every status but `creating`/`error` (→ 409).
    A bad entry → 400 `validation_error` naming it (`details.field`, e.g. `deny_out.0`).
    200 with the updated `Sandbox`, whose `network` is the policy now in force.

    Args:
        id (str):
        body (NetworkPolicy | Unset): hopx-local extension: the sandbox's egress policy (names as
            E2B's `network` option). On a
            `Sandbox`, the policy in force. Entries are IPv4/IPv6 addresses or CIDRs
            (`203.0.113.0/24`, `198.51.100.7`) or domain patterns: an exact name (`api.example.com`)
            or `*.suffix` (every name below `suffix`, at any depth, not `suffix` itself).

            Order, first match wins: (1) the host's own addresses and loopback are never reachable,
            even when named; (2) `deny_out` is refused (deny beats allow); (3) CIDRs in `allow_out`
            are reachable, private ranges included: naming a private address or range (a database
            on the LAN) is the only way to reach one; (4) other private, link-local, CGNAT and
            multicast addresses are refused; (5) addresses answered for a name in `allow_out`
            (public ones only: a name never opens a private address) are reachable; (6) the rest:
            public addresses are reachable, unless `allow_out` is non-empty (or `deny_out` holds
            `0.0.0.0/0`, E2B's ALL_TRAFFIC, which sets the default instead of overriding `allow_out`),
            then nothing else is.

            Domain rules by "resolve and pin": the sandbox's resolver is hopx-local's forwarder; the
            addresses it answers for an allowed name become reachable (any protocol: HTTPS, plain
            TCP, UDP), a denied name answers NXDOMAIN and its addresses are refused. Addresses are
            judged, not names: a name sharing an address with a denied one is refused too, and while
            the default is open a denied name's address can still be used directly; use `allow_out`
            for a guarantee. A refused connection fails at once (TCP reset, or ICMP unreachable).
            No IPv6 leaves a sandbox. Up to 256 entries per list; a bad entry → 400
            `validation_error` naming it (e.g. `network.allow_out.2`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Sandbox]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    body: NetworkPolicy | Unset = UNSET,
) -> Error | Sandbox | None:
    """Replace the egress policy

     hopx-local extension (E2B's `update_network`): replaces the sandbox's `allow_out` and
    `deny_out` (an omitted list becomes empty; `{}` restores the default, public addresses
    only). A running or paused sandbox gets it at once, for its open connections too; a
    stopped one at its next start. Allowed in every status but `creating`/`error` (→ 409).
    A bad entry → 400 `validation_error` naming it (`details.field`, e.g. `deny_out.0`).
    200 with the updated `Sandbox`, whose `network` is the policy now in force.

    Args:
        id (str):
        body (NetworkPolicy | Unset): hopx-local extension: the sandbox's egress policy (names as
            E2B's `network` option). On a
            `Sandbox`, the policy in force. Entries are IPv4/IPv6 addresses or CIDRs
            (`203.0.113.0/24`, `198.51.100.7`) or domain patterns: an exact name (`api.example.com`)
            or `*.suffix` (every name below `suffix`, at any depth, not `suffix` itself).

            Order, first match wins: (1) the host's own addresses and loopback are never reachable,
            even when named; (2) `deny_out` is refused (deny beats allow); (3) CIDRs in `allow_out`
            are reachable, private ranges included: naming a private address or range (a database
            on the LAN) is the only way to reach one; (4) other private, link-local, CGNAT and
            multicast addresses are refused; (5) addresses answered for a name in `allow_out`
            (public ones only: a name never opens a private address) are reachable; (6) the rest:
            public addresses are reachable, unless `allow_out` is non-empty (or `deny_out` holds
            `0.0.0.0/0`, E2B's ALL_TRAFFIC, which sets the default instead of overriding `allow_out`),
            then nothing else is.

            Domain rules by "resolve and pin": the sandbox's resolver is hopx-local's forwarder; the
            addresses it answers for an allowed name become reachable (any protocol: HTTPS, plain
            TCP, UDP), a denied name answers NXDOMAIN and its addresses are refused. Addresses are
            judged, not names: a name sharing an address with a denied one is refused too, and while
            the default is open a denied name's address can still be used directly; use `allow_out`
            for a guarantee. A refused connection fails at once (TCP reset, or ICMP unreachable).
            No IPv6 leaves a sandbox. Up to 256 entries per list; a bad entry → 400
            `validation_error` naming it (e.g. `network.allow_out.2`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Sandbox
    """

    return sync_detailed(
        id=id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    body: NetworkPolicy | Unset = UNSET,
) -> Response[Error | Sandbox]:
    """Replace the egress policy

     hopx-local extension (E2B's `update_network`): replaces the sandbox's `allow_out` and
    `deny_out` (an omitted list becomes empty; `{}` restores the default, public addresses
    only). A running or paused sandbox gets it at once, for its open connections too; a
    stopped one at its next start. Allowed in every status but `creating`/`error` (→ 409).
    A bad entry → 400 `validation_error` naming it (`details.field`, e.g. `deny_out.0`).
    200 with the updated `Sandbox`, whose `network` is the policy now in force.

    Args:
        id (str):
        body (NetworkPolicy | Unset): hopx-local extension: the sandbox's egress policy (names as
            E2B's `network` option). On a
            `Sandbox`, the policy in force. Entries are IPv4/IPv6 addresses or CIDRs
            (`203.0.113.0/24`, `198.51.100.7`) or domain patterns: an exact name (`api.example.com`)
            or `*.suffix` (every name below `suffix`, at any depth, not `suffix` itself).

            Order, first match wins: (1) the host's own addresses and loopback are never reachable,
            even when named; (2) `deny_out` is refused (deny beats allow); (3) CIDRs in `allow_out`
            are reachable, private ranges included: naming a private address or range (a database
            on the LAN) is the only way to reach one; (4) other private, link-local, CGNAT and
            multicast addresses are refused; (5) addresses answered for a name in `allow_out`
            (public ones only: a name never opens a private address) are reachable; (6) the rest:
            public addresses are reachable, unless `allow_out` is non-empty (or `deny_out` holds
            `0.0.0.0/0`, E2B's ALL_TRAFFIC, which sets the default instead of overriding `allow_out`),
            then nothing else is.

            Domain rules by "resolve and pin": the sandbox's resolver is hopx-local's forwarder; the
            addresses it answers for an allowed name become reachable (any protocol: HTTPS, plain
            TCP, UDP), a denied name answers NXDOMAIN and its addresses are refused. Addresses are
            judged, not names: a name sharing an address with a denied one is refused too, and while
            the default is open a denied name's address can still be used directly; use `allow_out`
            for a guarantee. A refused connection fails at once (TCP reset, or ICMP unreachable).
            No IPv6 leaves a sandbox. Up to 256 entries per list; a bad entry → 400
            `validation_error` naming it (e.g. `network.allow_out.2`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Sandbox]
    """

    kwargs = _get_kwargs(
        id=id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    body: NetworkPolicy | Unset = UNSET,
) -> Error | Sandbox | None:
    """Replace the egress policy

     hopx-local extension (E2B's `update_network`): replaces the sandbox's `allow_out` and
    `deny_out` (an omitted list becomes empty; `{}` restores the default, public addresses
    only). A running or paused sandbox gets it at once, for its open connections too; a
    stopped one at its next start. Allowed in every status but `creating`/`error` (→ 409).
    A bad entry → 400 `validation_error` naming it (`details.field`, e.g. `deny_out.0`).
    200 with the updated `Sandbox`, whose `network` is the policy now in force.

    Args:
        id (str):
        body (NetworkPolicy | Unset): hopx-local extension: the sandbox's egress policy (names as
            E2B's `network` option). On a
            `Sandbox`, the policy in force. Entries are IPv4/IPv6 addresses or CIDRs
            (`203.0.113.0/24`, `198.51.100.7`) or domain patterns: an exact name (`api.example.com`)
            or `*.suffix` (every name below `suffix`, at any depth, not `suffix` itself).

            Order, first match wins: (1) the host's own addresses and loopback are never reachable,
            even when named; (2) `deny_out` is refused (deny beats allow); (3) CIDRs in `allow_out`
            are reachable, private ranges included: naming a private address or range (a database
            on the LAN) is the only way to reach one; (4) other private, link-local, CGNAT and
            multicast addresses are refused; (5) addresses answered for a name in `allow_out`
            (public ones only: a name never opens a private address) are reachable; (6) the rest:
            public addresses are reachable, unless `allow_out` is non-empty (or `deny_out` holds
            `0.0.0.0/0`, E2B's ALL_TRAFFIC, which sets the default instead of overriding `allow_out`),
            then nothing else is.

            Domain rules by "resolve and pin": the sandbox's resolver is hopx-local's forwarder; the
            addresses it answers for an allowed name become reachable (any protocol: HTTPS, plain
            TCP, UDP), a denied name answers NXDOMAIN and its addresses are refused. Addresses are
            judged, not names: a name sharing an address with a denied one is refused too, and while
            the default is open a denied name's address can still be used directly; use `allow_out`
            for a guarantee. A refused connection fails at once (TCP reset, or ICMP unreachable).
            No IPv6 leaves a sandbox. Up to 256 entries per list; a bad entry → 400
            `validation_error` naming it (e.g. `network.allow_out.2`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Sandbox
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            body=body,
        )
    ).parsed
