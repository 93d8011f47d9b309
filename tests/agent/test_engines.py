"""Pure-logic parts of the agent: path policy, bounded capture, tokens, env layering."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hopx_local.agent.auth import TokenVerifier, sign
from hopx_local.agent.envstore import EnvStore
from hopx_local.agent.errors import AgentFault
from hopx_local.agent.paths import PathPolicy
from hopx_local.agent.proc import BoundedCapture


@pytest.fixture()
def policy(tmp_path: Path) -> PathPolicy:
    workspace = tmp_path / "ws"
    (workspace / "sub").mkdir(parents=True)
    (tmp_path / "outside").mkdir()
    real = str(workspace)

    def to_real(path: str) -> str:
        return real + path[len("/workspace") :] if path.startswith("/workspace") else path

    return PathPolicy("/workspace", ["/workspace"], to_real)


def test_relative_paths_resolve_under_the_workspace(policy: PathPolicy) -> None:
    resolved = policy.resolve("sub/file.txt")
    assert resolved.shown == "/workspace/sub/file.txt"
    assert resolved.real.name == "file.txt"


@pytest.mark.parametrize(
    "raw",
    ["../etc/passwd", "/etc/passwd", "/workspace/../etc", "sub/../../x", "/", "//etc"],
)
def test_paths_leaving_the_roots_are_refused(policy: PathPolicy, raw: str) -> None:
    with pytest.raises(AgentFault) as caught:
        policy.resolve(raw)
    assert (caught.value.status, caught.value.code) == (403, "PATH_NOT_ALLOWED")


def test_a_symlink_pointing_out_is_refused_but_can_be_removed(policy: PathPolicy) -> None:
    link = Path(policy.to_real("/workspace/link"))
    os.symlink("/etc", link)
    with pytest.raises(AgentFault) as caught:
        policy.resolve("/workspace/link/passwd")
    assert caught.value.code == "PATH_NOT_ALLOWED"
    assert policy.resolve("/workspace/link", follow_final=False).real == link


@pytest.mark.parametrize("raw", ["", "   ", "a\x00b"])
def test_empty_or_nul_paths_are_invalid(policy: PathPolicy, raw: str) -> None:
    with pytest.raises(AgentFault) as caught:
        policy.resolve(raw)
    assert caught.value.code == "INVALID_PATH"


def test_bounded_capture_keeps_head_and_tail() -> None:
    capture = BoundedCapture.split(10)
    capture.add(b"0123456789abcdefghij")
    assert capture.truncated
    assert capture.text() == "01234\n\u2026[truncated 10 bytes]\u2026\nfghij"


def test_bounded_capture_tail_only_keeps_the_last_bytes() -> None:
    capture = BoundedCapture(0, 4)
    for chunk in (b"abc", b"def", b"gh"):
        capture.add(chunk)
    assert capture.text().endswith("efgh")
    assert capture.truncated


def test_capture_under_the_limit_is_untouched() -> None:
    capture = BoundedCapture.split(100)
    capture.add("h\u00e9llo".encode())
    assert (capture.text(), capture.truncated) == ("h\u00e9llo", False)


def test_token_checks() -> None:
    now = 1_000_000.0
    verifier = TokenVerifier(b"k1", "sbx_a", clock=lambda: now)
    good = sign({"sub": "sbx_a", "iat": now, "exp": now + 60}, b"k1")
    verifier.verify_header(f"Bearer {good}")
    rejected = [
        sign({"sub": "sbx_a", "exp": now + 60}, b"other-secret"),
        sign({"sub": "sbx_b", "exp": now + 60}, b"k1"),
        sign({"sub": "sbx_a", "exp": now - 1}, b"k1"),
        sign({"sub": "sbx_a"}, b"k1"),
        sign({"sub": "sbx_a", "exp": float("nan")}, b"k1"),  # NaN > now is never true
        sign({"sub": "sbx_a", "exp": float("inf")}, b"k1"),
        sign({"sub": "sbx_a", "exp": now + 60, "iat": float("nan")}, b"k1"),
        sign({"sub": "sbx_a", "exp": now + 60, "nbf": float("-inf")}, b"k1"),
        sign({"sub": "sbx_a", "exp": "9999999999"}, b"k1"),
        sign({"sub": "sbx_a", "exp": True}, b"k1"),
        good[:-2] + "xx",
        "not-a-jwt",
        "a.b.c",
    ]
    for token in rejected:
        with pytest.raises(AgentFault) as caught:
            verifier.verify(token)
        assert (caught.value.status, caught.value.code) == (401, "UNAUTHORIZED")
    for header in (None, "", "Basic abc", "Bearer "):
        with pytest.raises(AgentFault):
            verifier.verify_header(header)


def test_a_cached_token_still_expires() -> None:
    clock = [100.0]
    verifier = TokenVerifier(b"k", "s", clock=lambda: clock[0])
    token = sign({"sub": "s", "exp": 110}, b"k")
    verifier.verify(token)
    clock[0] = 111.0
    with pytest.raises(AgentFault):
        verifier.verify(token)


def test_env_layers() -> None:
    store = EnvStore(
        {"PATH": "/bin", "HOPX_SECRET": "x", "HOPX_ENV_KEYS": "API", "API": "1"}, home="/h"
    )
    assert store.snapshot() == {"API": "1"}
    env = store.for_process({"CALL": "2"})
    assert env["PATH"] == "/bin" and env["API"] == "1" and env["CALL"] == "2"
    assert "HOPX_SECRET" not in env and env["HOME"] == "/h"
    store.clear()
    assert "API" not in store.for_process() and store.for_process()["PATH"] == "/bin"
