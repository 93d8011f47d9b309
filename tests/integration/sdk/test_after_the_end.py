"""After the end, as a user meets it: calls on a sandbox after ``kill()``, and after its
``timeout_seconds`` ran out, say what happened (and, for an expiry, how to avoid it)."""

from __future__ import annotations

import time

import pytest

from hopx_ai import NotFoundError, Sandbox, SandboxExpiredError
from tests.integration.sdk.support import TEMPLATE

pytestmark = [pytest.mark.integration, pytest.mark.timeout(120)]


def test_run_code_after_kill_says_the_sandbox_was_killed(
    hopx_environment: dict[str, str],
) -> None:
    sandbox = Sandbox.create(template=TEMPLATE)
    try:
        assert sandbox.run_code("print(1)").stdout.strip() == "1"
        sandbox.kill()
        with pytest.raises(NotFoundError, match="was killed") as raised:
            sandbox.run_code("print(2)")
        assert "Connection refused" not in str(raised.value)
        # another object on the same id hears it from the control plane
        with pytest.raises(NotFoundError, match="was killed"):
            Sandbox.connect(sandbox.sandbox_id)
    finally:
        sandbox.close()


def test_a_call_after_the_timeout_ran_out_raises_sandbox_expired(
    hopx_environment: dict[str, str],
) -> None:
    sandbox = Sandbox.create(template=TEMPLATE, timeout_seconds=2)
    try:
        deadline = time.monotonic() + 30
        while True:  # the control plane deletes it at its deadline; wait for that (bounded)
            time.sleep(1)
            try:
                sandbox.run_code("print(2)")
            except SandboxExpiredError as error:
                assert "set_timeout" in error.message
                assert error.sandbox_id == sandbox.sandbox_id
                break
            assert time.monotonic() < deadline, "the sandbox did not expire within 30 s"
    finally:
        sandbox.close()
