from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _types
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.template_build_request import TemplateBuildRequest
from ...models.template_build_response import TemplateBuildResponse
from ...types import Response


def _get_kwargs(
    *,
    body: TemplateBuildRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/templates/build",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | TemplateBuildResponse | None:
    if response.status_code == 201:
        response_201 = TemplateBuildResponse.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

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

    if response.status_code == 501:
        response_501 = Error.from_dict(response.json())

        return response_501

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _parse_success(response: httpx.Response) -> TemplateBuildResponse:
    if True:
        _body = _types.json_body(response)
        response_201 = TemplateBuildResponse.from_dict(_body)

        return response_201


def request(
    *,
    body: TemplateBuildRequest,
) -> _types.ApiRequest[TemplateBuildResponse]:
    """The request of `build_template` and the parser of its successful answer."""
    return _types.ApiRequest(
        operation_id="build_template",
        kwargs=_get_kwargs(
            body=body,
        ),
        parse=_parse_success,
    )


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | TemplateBuildResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TemplateBuildRequest,
) -> Response[Error | TemplateBuildResponse]:
    """Start a template build

     Starts building a template from a base image and steps; poll `getTemplateBuildStatus` until
    `status` is terminal (`active`, `success` or `failed`), then `getTemplate` until the template
    is `active`. COPY steps reference content uploaded beforehand (see
    `createTemplateUploadLink`) by `filesHash`.

    A name that already exists without `update: true` → 409 `conflict`; `update: true` for an
    unknown name → 404 `not_found`; resources outside the server's policy (e.g. too many CPUs,
    too little memory) or an unsupported base image → 400 `validation_error`. Template names
    `build` and `files` are reserved (they would collide with these paths) → 400.

    Decisions: `steps[]` and `readyCmd` are typed (the published document leaves them untyped) as
    the published builder sends them, including its camelCase keys (`filesHash`, `skipCache`,
    `processName`, `startCmd`, `readyCmd`, `diskGB`); `agent_version` is accepted (sent by the
    published builder). hopx-local may not provide the builder and then answers 501.

    Args:
        body (TemplateBuildRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TemplateBuildResponse]
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
    body: TemplateBuildRequest,
) -> Error | TemplateBuildResponse | None:
    """Start a template build

     Starts building a template from a base image and steps; poll `getTemplateBuildStatus` until
    `status` is terminal (`active`, `success` or `failed`), then `getTemplate` until the template
    is `active`. COPY steps reference content uploaded beforehand (see
    `createTemplateUploadLink`) by `filesHash`.

    A name that already exists without `update: true` → 409 `conflict`; `update: true` for an
    unknown name → 404 `not_found`; resources outside the server's policy (e.g. too many CPUs,
    too little memory) or an unsupported base image → 400 `validation_error`. Template names
    `build` and `files` are reserved (they would collide with these paths) → 400.

    Decisions: `steps[]` and `readyCmd` are typed (the published document leaves them untyped) as
    the published builder sends them, including its camelCase keys (`filesHash`, `skipCache`,
    `processName`, `startCmd`, `readyCmd`, `diskGB`); `agent_version` is accepted (sent by the
    published builder). hopx-local may not provide the builder and then answers 501.

    Args:
        body (TemplateBuildRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TemplateBuildResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TemplateBuildRequest,
) -> Response[Error | TemplateBuildResponse]:
    """Start a template build

     Starts building a template from a base image and steps; poll `getTemplateBuildStatus` until
    `status` is terminal (`active`, `success` or `failed`), then `getTemplate` until the template
    is `active`. COPY steps reference content uploaded beforehand (see
    `createTemplateUploadLink`) by `filesHash`.

    A name that already exists without `update: true` → 409 `conflict`; `update: true` for an
    unknown name → 404 `not_found`; resources outside the server's policy (e.g. too many CPUs,
    too little memory) or an unsupported base image → 400 `validation_error`. Template names
    `build` and `files` are reserved (they would collide with these paths) → 400.

    Decisions: `steps[]` and `readyCmd` are typed (the published document leaves them untyped) as
    the published builder sends them, including its camelCase keys (`filesHash`, `skipCache`,
    `processName`, `startCmd`, `readyCmd`, `diskGB`); `agent_version` is accepted (sent by the
    published builder). hopx-local may not provide the builder and then answers 501.

    Args:
        body (TemplateBuildRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | TemplateBuildResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TemplateBuildRequest,
) -> Error | TemplateBuildResponse | None:
    """Start a template build

     Starts building a template from a base image and steps; poll `getTemplateBuildStatus` until
    `status` is terminal (`active`, `success` or `failed`), then `getTemplate` until the template
    is `active`. COPY steps reference content uploaded beforehand (see
    `createTemplateUploadLink`) by `filesHash`.

    A name that already exists without `update: true` → 409 `conflict`; `update: true` for an
    unknown name → 404 `not_found`; resources outside the server's policy (e.g. too many CPUs,
    too little memory) or an unsupported base image → 400 `validation_error`. Template names
    `build` and `files` are reserved (they would collide with these paths) → 400.

    Decisions: `steps[]` and `readyCmd` are typed (the published document leaves them untyped) as
    the published builder sends them, including its camelCase keys (`filesHash`, `skipCache`,
    `processName`, `startCmd`, `readyCmd`, `diskGB`); `agent_version` is accepted (sent by the
    published builder). hopx-local may not provide the builder and then answers 501.

    Args:
        body (TemplateBuildRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | TemplateBuildResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
