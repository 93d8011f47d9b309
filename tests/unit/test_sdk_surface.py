"""The public surface: blocking and async twins agree, and published 0.5.0 calls still work."""

from __future__ import annotations

import ast
import importlib
import inspect
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import hopx_ai
from hopx_ai import (
    AsyncCache,
    AsyncCommands,
    AsyncDesktop,
    AsyncEnvironmentVariables,
    AsyncFiles,
    AsyncSandbox,
    AsyncTerminal,
    Cache,
    Commands,
    Desktop,
    EnvironmentVariables,
    Files,
    Sandbox,
    Terminal,
)

from .sdk_published_surface import PUBLISHED_0_5_0, PUBLISHED_MODULE_EXPORTS_0_5_0

ROOT = Path(__file__).resolve().parents[2]

PAIRS = [
    (Sandbox, AsyncSandbox),
    (Files, AsyncFiles),
    (Commands, AsyncCommands),
    (EnvironmentVariables, AsyncEnvironmentVariables),
    (Cache, AsyncCache),
    (Desktop, AsyncDesktop),
    (Terminal, AsyncTerminal),
]

# Published parameters deliberately handled differently (all stay callable the published way).
ALLOWED = {
    # alias of `timeout`: None means "use timeout" (whose default is the published 120)
    ("AsyncSandbox", "run_code", "timeout_seconds"),
    ("AsyncCommands", "run", "timeout_seconds"),
    # the published async env API named the positional parameter `name`, the sync one `key`
    ("AsyncEnvironmentVariables", "delete", "name"),
    ("AsyncEnvironmentVariables", "get", "name"),
    ("AsyncEnvironmentVariables", "set", "name"),
}


# The published blocking Terminal documented coroutines (`ws = await sandbox.terminal.connect()`):
# they stay coroutines on both classes; the blocking way is `Terminal.open()`.
PUBLISHED_ASYNC_ON_BOTH = {
    ("Terminal", name) for name in ("connect", "send_input", "resize", "iter_output")
}


def public_names(cls: type) -> set[str]:
    return {name for name in dir(cls) if not name.startswith("_")}


def comparable(signature: inspect.Signature) -> list[tuple[str, Any, Any]]:
    return [(p.name, p.kind, p.default) for p in signature.parameters.values()]


@pytest.mark.parametrize(("sync_cls", "async_cls"), PAIRS, ids=lambda c: c.__name__)
def test_sync_and_async_classes_have_the_same_public_surface(
    sync_cls: type, async_cls: type
) -> None:
    assert public_names(sync_cls) == public_names(async_cls)
    for name in sorted(public_names(async_cls)):
        async_attr = inspect.getattr_static(async_cls, name)
        sync_attr = inspect.getattr_static(sync_cls, name)
        assert type(async_attr) is type(sync_attr), name
        if isinstance(async_attr, property):
            continue
        async_member = getattr(async_cls, name)
        sync_member = getattr(sync_cls, name)
        assert comparable(inspect.signature(sync_member)) == comparable(
            inspect.signature(async_member)
        ), name
        if (sync_cls.__name__, name) in PUBLISHED_ASYNC_ON_BOTH:
            assert inspect.iscoroutinefunction(sync_member) or inspect.isasyncgenfunction(
                sync_member
            ), name
        elif inspect.iscoroutinefunction(async_member) or inspect.isasyncgenfunction(async_member):
            assert not inspect.iscoroutinefunction(sync_member), name
            assert not inspect.isasyncgenfunction(sync_member), name


def test_instance_and_class_kill_have_matching_signatures() -> None:
    sync_sb = Sandbox("sbx_x", api_key="k")
    async_sb = AsyncSandbox("sbx_x", api_key="k")
    no_arguments_but_request_timeout = [("request_timeout", inspect.Parameter.KEYWORD_ONLY, None)]
    assert comparable(inspect.signature(sync_sb.kill)) == no_arguments_but_request_timeout
    assert comparable(inspect.signature(async_sb.kill)) == no_arguments_but_request_timeout
    assert comparable(inspect.signature(Sandbox.kill)) == comparable(
        inspect.signature(AsyncSandbox.kill)
    )
    assert [p.name for p in inspect.signature(Sandbox.kill).parameters.values()] == [
        "sandbox_id",
        "api_key",
        "base_url",
        "http_client",
        "transport",
        "request_timeout",
    ]


def _ours(class_name: str) -> type:
    return getattr(hopx_ai, class_name)  # type: ignore[no-any-return]


def _member_signature(cls: type, name: str) -> inspect.Signature:
    if name == "__init__":
        return inspect.signature(cls)
    if "Sandbox" in cls.__name__:
        instance = cls("sbx_x", api_key="k")
        return inspect.signature(getattr(instance, name))
    member = inspect.getattr_static(cls, name)
    if isinstance(member, staticmethod | classmethod):
        return inspect.signature(getattr(cls, name))
    return inspect.signature(getattr(cls, name)).replace(
        parameters=list(inspect.signature(getattr(cls, name)).parameters.values())[1:]
    )


PUBLISHED_METHODS = [
    (cls_name, name, spec)
    for cls_name, members in PUBLISHED_0_5_0.items()
    for name, spec in members.items()
]


@pytest.mark.parametrize(
    ("cls_name", "name", "spec"),
    PUBLISHED_METHODS,
    ids=[f"{c}.{n}" for c, n, _ in PUBLISHED_METHODS],
)
def test_published_calls_still_work(cls_name: str, name: str, spec: Any) -> None:
    cls = _ours(cls_name)
    assert hasattr(cls, name), f"{cls_name}.{name} is missing"
    if spec == "property":
        assert isinstance(inspect.getattr_static(cls, name), property)
        return
    ours = list(_member_signature(cls, name).parameters.values())
    positional = [
        p
        for p in ours
        if p.kind in (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    ]
    by_name = {p.name: p for p in ours}
    published_positional = 0
    for param_name, kind, default in spec:
        allowed = (cls_name, name, param_name) in ALLOWED
        if kind == "pos":
            assert published_positional < len(positional), f"{param_name}: too few positionals"
            mine = positional[published_positional]
            published_positional += 1
            if not allowed:
                assert mine.name == param_name
        else:
            assert param_name in by_name, f"{cls_name}.{name}: no keyword {param_name}"
            mine = by_name[param_name]
            assert mine.kind in (
                inspect.Parameter.KEYWORD_ONLY,
                inspect.Parameter.POSITIONAL_OR_KEYWORD,
            )
        if allowed:
            continue
        if default is None:
            assert mine.default is inspect.Parameter.empty, f"{param_name} became optional"
        else:
            assert mine.default == ast.literal_eval(default), param_name
    # anything we added must be optional, so published calls stay valid
    extra = [p for p in ours if p.name not in {s[0] for s in spec}]
    for param in extra:
        if param.kind in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD):
            continue
        if (cls_name, name) in {("AsyncEnvironmentVariables", m) for m in ("delete", "get", "set")}:
            continue
        assert param.default is not inspect.Parameter.empty, f"new required {param.name}"


def test_reference_defaults() -> None:
    run_code = inspect.signature(Sandbox.run_code).parameters
    assert run_code["timeout"].default == 120  # latest published (0.3.4+); the 0.3.0 page says 60
    assert run_code["language"].default == "python"
    assert run_code["working_dir"].default == "/workspace"
    assert inspect.signature(Sandbox.get_preview_url).parameters["port"].default == 7777
    create = inspect.signature(Sandbox.create).parameters
    assert create["base_url"].default == "https://api.hopx.dev"
    assert inspect.signature(Sandbox.list).parameters["limit"].default == 100
    background = inspect.signature(Sandbox.run_code_background).parameters
    assert background["timeout"].default == 300
    assert background["working_dir"].default == "/workspace"
    assert inspect.signature(Commands.run).parameters["timeout"].default == 120


@pytest.mark.parametrize("module_name", sorted(PUBLISHED_MODULE_EXPORTS_0_5_0))
def test_every_published_export_is_importable_from_the_same_module(module_name: str) -> None:
    module = importlib.import_module(module_name)
    missing = [n for n in PUBLISHED_MODULE_EXPORTS_0_5_0[module_name] if not hasattr(module, n)]
    assert missing == []


def test_published_names_are_the_same_objects_everywhere() -> None:
    from hopx_ai import async_sandbox, errors, models, sandbox

    assert sandbox.Sandbox is hopx_ai.Sandbox and async_sandbox.AsyncSandbox is hopx_ai.AsyncSandbox
    assert errors.ErrorCode is models.ErrorCode is hopx_ai.ErrorCode
    assert hopx_ai.SandboxTemplate is models.Template
    assert hopx_ai.TemplateResources is models.TemplateResources


def test_template_is_the_builder_as_in_0_5_0() -> None:
    from hopx_ai import models, template

    # as in 0.5.0: hopx_ai.Template is the builder, the template *model* is SandboxTemplate
    assert hopx_ai.Template is template.Template
    assert hopx_ai.SandboxTemplate is models.Template
    assert hopx_ai.TemplateResources is models.TemplateResources


def test_generated_sync_code_is_current() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "unasync_sdk.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_import_does_not_load_the_agent_client_or_websockets() -> None:
    code = (
        "import sys, hopx_ai; "
        "bad = [m for m in sys.modules if m.split('.')[0] in "
        "('hopx_agent_api', 'websockets', 'anyio')]; print(bad)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
