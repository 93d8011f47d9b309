"""Listing sandboxes: filters, newest-first order, cursor pagination."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.integration.control_plane import Sandboxes

pytestmark = pytest.mark.integration


def _all_pages(cp: httpx.Client, **query: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    cursor = None
    for _ in range(1000):
        params = {**query, **({"cursor": cursor} if cursor else {})}
        body = cp.get("/v1/sandboxes", params=params).json()
        found += body["data"]
        assert (body["next_cursor"] is not None) == body["has_more"]
        if not body["has_more"]:
            return found
        cursor = body["next_cursor"]
    pytest.fail("pagination did not end")


def test_list_shows_sandboxes_newest_first(cp: httpx.Client, sandboxes: Sandboxes) -> None:
    created = [sandboxes.create()["id"] for _ in range(3)]

    body = cp.get("/v1/sandboxes").json()

    assert body["object"] == "list"
    assert body["url"] == "/v1/sandboxes"
    assert body["request_id"]
    listed = [s["id"] for s in body["data"] if s["id"] in created]
    assert listed == list(reversed(created))
    assert all("auth_token" not in s for s in body["data"])


def test_pages_of_one_visit_every_sandbox_once_in_order(
    cp: httpx.Client, sandboxes: Sandboxes
) -> None:
    created = [sandboxes.create()["id"] for _ in range(3)]
    everything = [s["id"] for s in cp.get("/v1/sandboxes").json()["data"]]

    paged = [s["id"] for s in _all_pages(cp, limit=1)]

    assert paged == everything
    assert [i for i in paged if i in created] == list(reversed(created))


def test_a_page_stops_at_the_limit_and_says_more_follow(
    cp: httpx.Client, sandboxes: Sandboxes
) -> None:
    for _ in range(3):
        sandboxes.create()

    body = cp.get("/v1/sandboxes", params={"limit": 2}).json()

    assert len(body["data"]) == 2
    assert body["has_more"] is True
    assert body["next_cursor"]
    following = cp.get("/v1/sandboxes", params={"limit": 2, "cursor": body["next_cursor"]})
    assert following.status_code == 200
    first_ids = {s["id"] for s in body["data"]}
    assert not first_ids & {s["id"] for s in following.json()["data"]}


def test_status_filter(cp: httpx.Client, sandboxes: Sandboxes) -> None:
    running = sandboxes.create()
    paused = sandboxes.create()
    assert cp.post(f"/v1/sandboxes/{paused['id']}/pause").status_code == 200

    only_paused = {s["id"] for s in _all_pages(cp, status="paused")}
    only_running = {s["id"] for s in _all_pages(cp, status="running")}

    assert paused["id"] in only_paused and running["id"] not in only_paused
    assert running["id"] in only_running and paused["id"] not in only_running
    assert all(s["status"] == "paused" for s in _all_pages(cp, status="paused"))


def test_status_filter_pages_with_the_same_filter(cp: httpx.Client, sandboxes: Sandboxes) -> None:
    stopped = []
    for _ in range(3):
        sandbox = sandboxes.create()
        assert cp.post(f"/v1/sandboxes/{sandbox['id']}/stop").status_code == 200
        stopped.append(sandbox["id"])
    sandboxes.create()

    paged = _all_pages(cp, status="stopped", limit=1)

    assert {s["status"] for s in paged} == {"stopped"}
    assert [s["id"] for s in paged if s["id"] in stopped] == list(reversed(stopped))


def test_region_filter(cp: httpx.Client, sandboxes: Sandboxes) -> None:
    sandbox = sandboxes.create()

    local = {s["id"] for s in _all_pages(cp, region="local")}
    elsewhere = _all_pages(cp, region="us-east")

    assert sandbox["id"] in local
    assert elsewhere == []


def test_deleted_sandboxes_are_not_listed(cp: httpx.Client, sandboxes: Sandboxes) -> None:
    sandbox = sandboxes.create()
    assert cp.delete(f"/v1/sandboxes/{sandbox['id']}").status_code == 200

    assert sandbox["id"] not in {s["id"] for s in _all_pages(cp)}
