"""Templates through the control plane: list, filters, get by name or id, delete, builder."""

from __future__ import annotations

import httpx
import pytest

from hopx_local.launcher import free_port
from tests.integration.control_plane import error_of

pytestmark = pytest.mark.integration


def test_list_has_the_builtin_templates_with_their_metadata(cp: httpx.Client) -> None:
    response = cp.get("/v1/templates")

    assert response.status_code == 200
    body = response.json()
    assert body["object"] == "list"
    assert body["has_more"] is False
    by_name = {template["name"]: template for template in body["data"]}
    assert {"code-interpreter", "base", "desktop"} <= set(by_name)
    interpreter = by_name["code-interpreter"]
    assert interpreter["display_name"] == "Code Interpreter"
    assert interpreter["language"] == "python"
    assert interpreter["status"] == "active"
    assert interpreter["is_active"] is True
    assert interpreter["is_public"] is True
    assert interpreter["object"] == "template"
    assert interpreter["resources"] == interpreter["default_resources"]
    assert interpreter["default_resources"]["vcpu"] == 2
    assert interpreter["default_resources"]["memory_mb"] == 2048
    assert "jupyter" in interpreter["features"]
    assert interpreter["description"]
    assert by_name["base"]["default_resources"]["memory_mb"] == 512


def test_list_is_ordered_by_popularity(cp: httpx.Client) -> None:
    scores = [t["popularity_score"] for t in cp.get("/v1/templates").json()["data"]]

    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"language": "python"}, {"code-interpreter", "desktop"}),
        ({"language": "PYTHON"}, {"code-interpreter", "desktop"}),
        ({"language": "bash"}, {"base"}),
        ({"category": "development"}, {"code-interpreter", "base"}),
        ({"category": "Desktop"}, {"desktop"}),
        ({"category": "development", "language": "python"}, {"code-interpreter"}),
        ({"category": "no-such-category"}, set()),
    ],
)
def test_list_filters_by_category_and_language(
    cp: httpx.Client, query: dict[str, str], expected: set[str]
) -> None:
    response = cp.get("/v1/templates", params=query)

    assert response.status_code == 200
    assert {t["name"] for t in response.json()["data"]} == expected


def test_get_by_name_and_by_id_returns_the_same_template(cp: httpx.Client) -> None:
    by_name = cp.get("/v1/templates/code-interpreter")
    by_id = cp.get(f"/v1/templates/{by_name.json()['id']}")

    assert by_name.status_code == by_id.status_code == 200
    assert by_name.json()["name"] == by_id.json()["name"] == "code-interpreter"
    assert by_name.json()["request_id"] == by_name.headers["x-request-id"]


def test_get_unknown_template_is_404_listing_the_available_ones(cp: httpx.Client) -> None:
    response = cp.get("/v1/templates/no-such-template")

    assert response.status_code == 404
    error = error_of(response)
    assert error["code"] == "not_found"
    assert "no-such-template" in error["message"]
    assert "code-interpreter" in error["message"]
    assert "base" in error["details"]["available_templates"]


def test_builtin_templates_cannot_be_deleted(cp: httpx.Client) -> None:
    response = cp.delete("/v1/templates/base")

    assert response.status_code == 403
    assert error_of(response)["code"] == "forbidden"
    assert cp.get("/v1/templates/base").status_code == 200


def test_delete_unknown_template_is_404(cp: httpx.Client) -> None:
    assert cp.delete("/v1/templates/no-such-template").status_code == 404


def test_build_from_an_unreachable_registry_is_400_naming_from_image(cp: httpx.Client) -> None:
    response = cp.post(
        "/v1/templates/build",
        json={
            "name": "mine",
            "from_image": f"127.0.0.1:{free_port()}/team/app:1",
            "cpu": 1,
            "memory": 512,
            "diskGB": 1,
        },
    )

    assert response.status_code == 400, response.text
    error = error_of(response)
    assert error["details"]["field"] == "from_image"
    assert "cannot be reached" in error["message"]
    assert cp.get("/v1/templates/mine").status_code == 404


@pytest.mark.parametrize(
    "path", ["/v1/templates/build/9999/status", "/v1/templates/build/9999/logs"]
)
def test_unknown_build_is_404(cp: httpx.Client, path: str) -> None:
    response = cp.get(path)

    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


def test_upload_link_of_new_content_is_a_url_of_this_server(cp: httpx.Client) -> None:
    response = cp.post(
        "/v1/templates/files/upload-link", json={"files_hash": "a" * 64, "content_length": 10}
    )

    assert response.status_code == 200
    body = response.json()
    assert body["present"] is False
    assert body["upload_url"].startswith(str(cp.base_url).rstrip("/") + "/")
