"""After the end: a killed or expired sandbox's id answers 404 saying what happened and when.

Until a day after the end, ``details.reason`` is ``killed`` or ``expired`` and
``details.ended_at`` the time (a hopx-local extension of the 404 body); an id that never
existed still answers "never existed".
"""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest

from tests.integration.control_plane import Sandboxes, error_of, wait_for

pytestmark = pytest.mark.integration


def _ended_at(details: dict[str, object]) -> datetime:
    value = details["ended_at"]
    assert isinstance(value, str) and value.endswith("Z"), value
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def test_a_killed_sandbox_says_it_was_killed_and_when(
    cp: httpx.Client, sandboxes: Sandboxes
) -> None:
    sandbox_id = sandboxes.create()["id"]
    assert cp.delete(f"/v1/sandboxes/{sandbox_id}").status_code == 200
    killed_by = datetime.now(UTC)

    for response in (
        cp.get(f"/v1/sandboxes/{sandbox_id}"),
        cp.post(f"/v1/sandboxes/{sandbox_id}/resume"),
        cp.delete(f"/v1/sandboxes/{sandbox_id}"),
    ):
        assert response.status_code == 404
        error = error_of(response)
        assert error["code"] == "not_found"
        assert f"Sandbox '{sandbox_id}' was killed at " in error["message"]
        assert "never existed" not in error["message"]
        assert error["details"]["reason"] == "killed"
        assert error["details"]["id"] == sandbox_id
        assert abs((_ended_at(error["details"]) - killed_by).total_seconds()) < 5


def test_an_expired_sandbox_says_when_it_expired_and_how_to_extend_one(
    cp: httpx.Client, sandboxes: Sandboxes
) -> None:
    sandbox_id = sandboxes.create(timeout_seconds=1)["id"]

    response = wait_for(
        lambda: (r := cp.get(f"/v1/sandboxes/{sandbox_id}")).status_code == 404 and r,
        timeout=15,
        what="the sandbox to expire",
    )

    error = error_of(response)
    assert error["details"]["reason"] == "expired"
    assert f"Sandbox '{sandbox_id}' expired at " in error["message"]
    assert "set_timeout" in error["message"]
    assert _ended_at(error["details"]) <= datetime.now(UTC)


def test_an_id_that_never_existed_still_says_so(cp: httpx.Client) -> None:
    error = error_of(cp.get("/v1/sandboxes/sbx_0000000000000000"))

    assert "never existed" in error["message"]
    assert "reason" not in error["details"]
