"""HopX sandboxes for Python: create cloud (or hopx-local) sandboxes and run code in them.

    from hopx_ai import Sandbox

    with Sandbox.create(template="code-interpreter") as sandbox:
        print(sandbox.run_code("print('Hello')").stdout)

``AsyncSandbox`` is the same API with async/await. Both read the API key from ``api_key=`` or
``HOPX_API_KEY``, and the control-plane URL from ``base_url=``, ``HOPX_BASE_URL`` or
``https://api.hopx.dev``.
"""

import logging as _logging
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

from ._async.cache import AsyncCache
from ._async.commands import AsyncCommands
from ._async.desktop import AsyncDesktop
from ._async.env_vars import AsyncEnvironmentVariables
from ._async.files import AsyncFiles
from ._async.sandbox import AsyncSandbox
from ._async.terminal import AsyncTerminal
from ._sync.cache import Cache
from ._sync.commands import Commands
from ._sync.desktop import Desktop
from ._sync.env_vars import EnvironmentVariables
from ._sync.files import Files
from ._sync.sandbox import Sandbox
from ._sync.terminal import Terminal
from ._version import __version__
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

if _TYPE_CHECKING:
    from .template import (
        Template,
        create_template,
        wait_for_command,
        wait_for_file,
        wait_for_port,
        wait_for_process,
        wait_for_url,
    )

_logging.getLogger("hopx_ai").addHandler(_logging.NullHandler())

# As in the published 0.5.0, ``hopx_ai.Template`` is the template *builder*; the template model
# returned by ``Sandbox.get_template`` is ``SandboxTemplate`` (``hopx_ai.models.Template``).
# The builder is imported on first use, keeping ``import hopx_ai`` light.
_BUILDER_EXPORTS = frozenset(
    {
        "Template",
        "create_template",
        "wait_for_command",
        "wait_for_file",
        "wait_for_port",
        "wait_for_process",
        "wait_for_url",
    }
)


def __getattr__(name: str) -> _Any:
    if name in _BUILDER_EXPORTS:
        from . import template

        value = getattr(template, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
