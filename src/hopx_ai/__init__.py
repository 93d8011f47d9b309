"""HopX sandboxes for Python: create cloud (or hopx-local) sandboxes and run code in them.

    from hopx_ai import Sandbox

    with Sandbox.create(template="code-interpreter") as sandbox:
        print(sandbox.run_code("print('Hello')").stdout)

``AsyncSandbox`` is the same API with async/await. Both read the API key from ``api_key=`` or
``HOPX_API_KEY``, and the control-plane URL from ``base_url=``, ``HOPX_BASE_URL`` or
``https://api.hopx.dev``.
"""

from importlib import import_module as _import_module
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

from ._version import __version__

if _TYPE_CHECKING:
    from ._async.cache import (
        AsyncCache,
    )
    from ._async.commands import (
        AsyncCommands,
    )
    from ._async.desktop import (
        AsyncDesktop,
    )
    from ._async.env_vars import (
        AsyncEnvironmentVariables,
    )
    from ._async.files import (
        AsyncFiles,
    )
    from ._async.sandbox import (
        AsyncSandbox,
    )
    from ._async.terminal import (
        AsyncTerminal,
    )
    from ._sync.cache import (
        Cache,
    )
    from ._sync.commands import (
        Commands,
    )
    from ._sync.desktop import (
        Desktop,
    )
    from ._sync.env_vars import (
        EnvironmentVariables,
    )
    from ._sync.files import (
        Files,
    )
    from ._sync.sandbox import (
        Sandbox,
    )
    from ._sync.terminal import (
        Terminal,
    )
    from .errors import (
        AgentError,
        APIError,
        AuthenticationError,
        CodeExecutionError,
        CommandExecutionError,
        DesktopNotAvailableError,
        ErrorCode,
        ExecutionTimeoutError,
        FileNotFoundError,
        FileOperationError,
        HopxError,
        NetworkError,
        NotFoundError,
        RateLimitError,
        ResourceLimitError,
        SandboxErrorMetadata,
        SandboxExpiredError,
        ServerError,
        TemplateBuildError,
        TemplateBuildErrorMetadata,
        TemplateNotFoundError,
        TimeoutError,
        TokenExpiredError,
        ValidationError,
    )
    from .models import (
        AgentInfo,
        AgentMetrics,
        BackgroundExecution,
        CacheStats,
        CommandResult,
        DisplayInfo,
        ElementBounds,
        ExecutionEvent,
        ExecutionResult,
        ExpiryInfo,
        FileChangeEvent,
        FileInfo,
        HealthStatus,
        JupyterSession,
        MetricsSnapshot,
        OperationResult,
        ProcessInfo,
        QueuedExecution,
        RecordingInfo,
        Resources,
        RichOutput,
        SandboxInfo,
        SandboxTemplate,
        SystemProcess,
        TemplateResources,
        TerminalMessage,
        VNCInfo,
        WindowInfo,
    )
    from .template import (
        Template,
        create_template,
        wait_for_command,
        wait_for_file,
        wait_for_port,
        wait_for_process,
        wait_for_url,
    )

# Public names load on first use (PEP 562): ``import hopx_ai`` stays cheap (no httpx, no model
# classes) and each name costs what its module costs when it is first touched.
# As in the published 0.5.0, ``hopx_ai.Template`` is the template *builder*; the template model
# returned by ``Sandbox.get_template`` is ``SandboxTemplate`` (``hopx_ai.models.Template``).
_MODULE_OF = {
    "APIError": ".errors",
    "AgentError": ".errors",
    "AgentInfo": ".models",
    "AgentMetrics": ".models",
    "AsyncCache": "._async.cache",
    "AsyncCommands": "._async.commands",
    "AsyncDesktop": "._async.desktop",
    "AsyncEnvironmentVariables": "._async.env_vars",
    "AsyncFiles": "._async.files",
    "AsyncSandbox": "._async.sandbox",
    "AsyncTerminal": "._async.terminal",
    "AuthenticationError": ".errors",
    "BackgroundExecution": ".models",
    "Cache": "._sync.cache",
    "CacheStats": ".models",
    "CodeExecutionError": ".errors",
    "CommandExecutionError": ".errors",
    "CommandResult": ".models",
    "Commands": "._sync.commands",
    "Desktop": "._sync.desktop",
    "DesktopNotAvailableError": ".errors",
    "DisplayInfo": ".models",
    "ElementBounds": ".models",
    "EnvironmentVariables": "._sync.env_vars",
    "ErrorCode": ".errors",
    "ExecutionEvent": ".models",
    "ExecutionResult": ".models",
    "ExecutionTimeoutError": ".errors",
    "ExpiryInfo": ".models",
    "FileChangeEvent": ".models",
    "FileInfo": ".models",
    "FileNotFoundError": ".errors",
    "FileOperationError": ".errors",
    "Files": "._sync.files",
    "HealthStatus": ".models",
    "HopxError": ".errors",
    "JupyterSession": ".models",
    "MetricsSnapshot": ".models",
    "NetworkError": ".errors",
    "NotFoundError": ".errors",
    "OperationResult": ".models",
    "ProcessInfo": ".models",
    "QueuedExecution": ".models",
    "RateLimitError": ".errors",
    "RecordingInfo": ".models",
    "ResourceLimitError": ".errors",
    "Resources": ".models",
    "RichOutput": ".models",
    "Sandbox": "._sync.sandbox",
    "SandboxErrorMetadata": ".errors",
    "SandboxExpiredError": ".errors",
    "SandboxInfo": ".models",
    "SandboxTemplate": ".models",
    "ServerError": ".errors",
    "SystemProcess": ".models",
    "Template": ".template",
    "TemplateBuildError": ".errors",
    "TemplateBuildErrorMetadata": ".errors",
    "TemplateNotFoundError": ".errors",
    "TemplateResources": ".models",
    "Terminal": "._sync.terminal",
    "TerminalMessage": ".models",
    "TimeoutError": ".errors",
    "TokenExpiredError": ".errors",
    "VNCInfo": ".models",
    "ValidationError": ".errors",
    "WindowInfo": ".models",
    "create_template": ".template",
    "wait_for_command": ".template",
    "wait_for_file": ".template",
    "wait_for_port": ".template",
    "wait_for_process": ".template",
    "wait_for_url": ".template",
}


def __getattr__(name: str) -> _Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "APIError",
    "AgentError",
    "AgentInfo",
    "AgentMetrics",
    "AsyncCache",
    "AsyncCommands",
    "AsyncDesktop",
    "AsyncEnvironmentVariables",
    "AsyncFiles",
    "AsyncSandbox",
    "AsyncTerminal",
    "AuthenticationError",
    "BackgroundExecution",
    "Cache",
    "CacheStats",
    "CodeExecutionError",
    "CommandExecutionError",
    "CommandResult",
    "Commands",
    "Desktop",
    "DesktopNotAvailableError",
    "DisplayInfo",
    "ElementBounds",
    "EnvironmentVariables",
    "ErrorCode",
    "ExecutionEvent",
    "ExecutionResult",
    "ExecutionTimeoutError",
    "ExpiryInfo",
    "FileChangeEvent",
    "FileInfo",
    "FileNotFoundError",
    "FileOperationError",
    "Files",
    "HealthStatus",
    "HopxError",
    "JupyterSession",
    "MetricsSnapshot",
    "NetworkError",
    "NotFoundError",
    "OperationResult",
    "ProcessInfo",
    "QueuedExecution",
    "RateLimitError",
    "RecordingInfo",
    "ResourceLimitError",
    "Resources",
    "RichOutput",
    "Sandbox",
    "SandboxErrorMetadata",
    "SandboxExpiredError",
    "SandboxInfo",
    "SandboxTemplate",
    "ServerError",
    "SystemProcess",
    "Template",
    "TemplateBuildError",
    "TemplateBuildErrorMetadata",
    "TemplateNotFoundError",
    "TemplateResources",
    "Terminal",
    "TerminalMessage",
    "TimeoutError",
    "TokenExpiredError",
    "VNCInfo",
    "ValidationError",
    "WindowInfo",
    "__version__",
    "create_template",
    "wait_for_command",
    "wait_for_file",
    "wait_for_port",
    "wait_for_process",
    "wait_for_url",
]
