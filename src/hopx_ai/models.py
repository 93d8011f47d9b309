"""The SDK's result types, under the names of the published SDK.

Every result is a generated model of ``openapi/*.yaml`` (``hopx_control_api.models`` /
``hopx_agent_api.models``): typed attributes read tolerantly from the answer, and a ``dict`` of
the JSON itself, so ``result["process_id"]``, ``json.dumps(result)`` and ``isinstance(result,
dict)`` work as with the published SDK's dicts. Where the SDK adds behaviour (Jupyter display
hooks, ``SandboxInfo.sandbox_id``...) the class is a thin subclass (``hopx_ai._results``).
Names load on first use (PEP 562).
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hopx_agent_api.models.background_execution_response import (
        BackgroundExecutionResponse as BackgroundExecution,
    )
    from hopx_agent_api.models.cache_clear_response import CacheClearResponse
    from hopx_agent_api.models.cache_stats_response import CacheStatsResponse as CacheStats
    from hopx_agent_api.models.desktop_action_response import DesktopActionResponse
    from hopx_agent_api.models.element_bounds import ElementBounds
    from hopx_agent_api.models.error_code import ErrorCode
    from hopx_agent_api.models.error_response import ErrorResponse
    from hopx_agent_api.models.execute_async_response import (
        ExecuteAsyncResponse as QueuedExecution,
    )
    from hopx_agent_api.models.file_content_response import FileContentResponse
    from hopx_agent_api.models.file_list_response import FileListResponse
    from hopx_agent_api.models.file_response import FileResponse
    from hopx_agent_api.models.file_write_request import FileWriteRequest
    from hopx_agent_api.models.health_response import HealthResponse
    from hopx_agent_api.models.info_response import InfoResponse as AgentInfo
    from hopx_agent_api.models.jupyter_session import JupyterSession
    from hopx_agent_api.models.kill_process_response import KillProcessResponse
    from hopx_agent_api.models.language import Language
    from hopx_agent_api.models.metrics_snapshot import MetricsSnapshot
    from hopx_agent_api.models.metrics_snapshot import MetricsSnapshot as AgentMetrics
    from hopx_agent_api.models.process_info import ProcessInfo
    from hopx_agent_api.models.screenshot_response import ScreenshotResponse
    from hopx_agent_api.models.system_info import SystemInfo as SystemMetrics
    from hopx_agent_api.models.system_process import SystemProcess
    from hopx_agent_api.models.vnc_info import VncInfo as VNCInfo
    from hopx_agent_api.models.window_info import WindowInfo
    from hopx_control_api.models.resources import Resources
    from hopx_control_api.models.template_deleted import TemplateDeleted
    from hopx_control_api.models.template_resources import TemplateResources

    from ._events import ExecutionEvent, ExpiryInfo, FileChangeEvent, TerminalMessage
    from ._results import (
        CommandResult,
        DisplayInfo,
        ExecutionResult,
        FileInfo,
        HealthStatus,
        RecordingInfo,
        RichOutput,
        SandboxInfo,
        Template,
    )
    from ._results import Template as SandboxTemplate

    # The acknowledgement of an action (kill a process, clear the cache, delete a template...).
    OperationResult = (
        KillProcessResponse | CacheClearResponse | TemplateDeleted | DesktopActionResponse
    )

_AGENT = "hopx_agent_api.models."
_CONTROL = "hopx_control_api.models."

# public name -> (module, name in it)
_SOURCE = {
    "AgentInfo": (_AGENT + "info_response", "InfoResponse"),
    "AgentMetrics": (_AGENT + "metrics_snapshot", "MetricsSnapshot"),
    "BackgroundExecution": (
        _AGENT + "background_execution_response",
        "BackgroundExecutionResponse",
    ),
    "CacheStats": (_AGENT + "cache_stats_response", "CacheStatsResponse"),
    "CommandResult": ("hopx_ai._results", "CommandResult"),
    "DisplayInfo": ("hopx_ai._results", "DisplayInfo"),
    "ElementBounds": (_AGENT + "element_bounds", "ElementBounds"),
    "ErrorCode": (_AGENT + "error_code", "ErrorCode"),
    "ErrorResponse": (_AGENT + "error_response", "ErrorResponse"),
    "ExecutionEvent": ("hopx_ai._events", "runtime_types"),
    "ExecutionResult": ("hopx_ai._results", "ExecutionResult"),
    "ExpiryInfo": ("hopx_ai._events", "ExpiryInfo"),
    "FileChangeEvent": ("hopx_ai._events", "runtime_types"),
    "FileContentResponse": (_AGENT + "file_content_response", "FileContentResponse"),
    "FileInfo": ("hopx_ai._results", "FileInfo"),
    "FileListResponse": (_AGENT + "file_list_response", "FileListResponse"),
    "FileResponse": (_AGENT + "file_response", "FileResponse"),
    "FileWriteRequest": (_AGENT + "file_write_request", "FileWriteRequest"),
    "HealthResponse": (_AGENT + "health_response", "HealthResponse"),
    "HealthStatus": ("hopx_ai._results", "HealthStatus"),
    "JupyterSession": (_AGENT + "jupyter_session", "JupyterSession"),
    "Language": (_AGENT + "language", "Language"),
    "MetricsSnapshot": (_AGENT + "metrics_snapshot", "MetricsSnapshot"),
    "OperationResult": ("hopx_ai._results", "OperationResult"),
    "ProcessInfo": (_AGENT + "process_info", "ProcessInfo"),
    "QueuedExecution": (_AGENT + "execute_async_response", "ExecuteAsyncResponse"),
    "RecordingInfo": ("hopx_ai._results", "RecordingInfo"),
    "Resources": (_CONTROL + "resources", "Resources"),
    "RichOutput": ("hopx_ai._results", "RichOutput"),
    "SandboxInfo": ("hopx_ai._results", "SandboxInfo"),
    "SandboxTemplate": ("hopx_ai._results", "Template"),
    "ScreenshotResponse": (_AGENT + "screenshot_response", "ScreenshotResponse"),
    "SystemMetrics": (_AGENT + "system_info", "SystemInfo"),
    "SystemProcess": (_AGENT + "system_process", "SystemProcess"),
    "Template": ("hopx_ai._results", "Template"),
    "TemplateResources": (_CONTROL + "template_resources", "TemplateResources"),
    "TerminalMessage": ("hopx_ai._events", "runtime_types"),
    "VNCInfo": (_AGENT + "vnc_info", "VncInfo"),
    "WindowInfo": (_AGENT + "window_info", "WindowInfo"),
}

__all__ = [
    "AgentInfo",
    "AgentMetrics",
    "BackgroundExecution",
    "CacheStats",
    "CommandResult",
    "DisplayInfo",
    "ElementBounds",
    "ErrorCode",
    "ErrorResponse",
    "ExecutionEvent",
    "ExecutionResult",
    "ExpiryInfo",
    "FileChangeEvent",
    "FileContentResponse",
    "FileInfo",
    "FileListResponse",
    "FileResponse",
    "FileWriteRequest",
    "HealthResponse",
    "HealthStatus",
    "JupyterSession",
    "Language",
    "MetricsSnapshot",
    "OperationResult",
    "ProcessInfo",
    "QueuedExecution",
    "RecordingInfo",
    "Resources",
    "RichOutput",
    "SandboxInfo",
    "SandboxTemplate",
    "ScreenshotResponse",
    "SystemMetrics",
    "SystemProcess",
    "Template",
    "TemplateResources",
    "TerminalMessage",
    "VNCInfo",
    "WindowInfo",
]


def __getattr__(name: str) -> Any:
    source = _SOURCE.get(name)
    if source is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(source[0]), source[1])
    if source[1] == "runtime_types":  # a union of generated message models
        value = value()[name]
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
