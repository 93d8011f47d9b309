"""API key authentication of the control plane."""

from __future__ import annotations

import httpx
import pytest

from hopx_local.launcher import RunningServer
from tests.integration.control_plane import error_of

pytestmark = pytest.mark.integration


def test_health_needs_no_key(anonymous: httpx.Client) -> None:
    response = anonymous.get("/health")

    assert response.status_code == 200
    assert response.json()["status"] == "healthy"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/v1/sandboxes"),
        ("POST", "/v1/sandboxes"),
        ("GET", "/v1/sandboxes/sbx_0123456789abcdef"),
        ("DELETE", "/v1/sandboxes/sbx_0123456789abcdef"),
        ("POST", "/v1/sandboxes/sbx_0123456789abcdef/token/refresh"),
        ("GET", "/v1/templates"),
    ],
)
def test_missing_key_is_401_saying_how_to_send_one(
    anonymous: httpx.Client, method: str, path: str
) -> None:
    response = anonymous.request(method, path)

    assert response.status_code == 401
    error = error_of(response)
    assert error["code"] == "unauthorized"
    assert "X-API-Key" in error["message"]
    assert "Authorization: Bearer" in error["message"]


def test_wrong_key_is_401(anonymous: httpx.Client) -> None:
    response = anonymous.get("/v1/sandboxes", headers={"X-API-Key": "hopx_local_wrong"})

    assert response.status_code == 401
    assert error_of(response)["code"] == "unauthorized"


def test_wrong_bearer_key_is_401(anonymous: httpx.Client) -> None:
    response = anonymous.get("/v1/templates", headers={"Authorization": "Bearer nope"})

    assert response.status_code == 401


def test_key_as_x_api_key_header_is_accepted(
    anonymous: httpx.Client, hopx_server: RunningServer
) -> None:
    response = anonymous.get("/v1/templates", headers={"X-API-Key": hopx_server.api_key})

    assert response.status_code == 200


def test_key_as_bearer_token_is_accepted(
    anonymous: httpx.Client, hopx_server: RunningServer
) -> None:
    response = anonymous.get(
        "/v1/templates", headers={"Authorization": f"Bearer {hopx_server.api_key}"}
    )

    assert response.status_code == 200


def test_key_is_checked_before_the_body(anonymous: httpx.Client) -> None:
    response = anonymous.post("/v1/sandboxes", json={"timeout_seconds": "not a number"})

    assert response.status_code == 401
