"""Contains all the data models used in inputs/outputs.

hopx: models load on first use (PEP 562), so importing one endpoint does not import every model.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .agent_event_data import AgentEventData
    from .agent_event_data_stream import AgentEventDataStream
    from .agent_event_kind import AgentEventKind
    from .agent_features import AgentFeatures
    from .agent_root_response import AgentRootResponse
    from .async_execution_callback import AsyncExecutionCallback
    from .async_execution_callback_json_type_0 import AsyncExecutionCallbackJsonType0
    from .async_execution_callback_status import AsyncExecutionCallbackStatus
    from .background_execution_response import BackgroundExecutionResponse
    from .cache_clear_response import CacheClearResponse
    from .cache_info import CacheInfo
    from .cache_stats_response import CacheStatsResponse
    from .clipboard_content import ClipboardContent
    from .clipboard_history import ClipboardHistory
    from .clipboard_set_request import ClipboardSetRequest
    from .command_background_request import CommandBackgroundRequest
    from .command_background_request_env import CommandBackgroundRequestEnv
    from .command_background_response import CommandBackgroundResponse
    from .command_request import CommandRequest
    from .command_request_env import CommandRequestEnv
    from .command_response import CommandResponse
    from .cpu_usage import CpuUsage
    from .desktop_action_response import DesktopActionResponse
    from .desktop_debug_logs import DesktopDebugLogs
    from .desktop_empty_request import DesktopEmptyRequest
    from .disk_stats import DiskStats
    from .display import Display
    from .display_info import DisplayInfo
    from .display_resolution_list import DisplayResolutionList
    from .display_set_request import DisplaySetRequest
    from .drag_drop_request import DragDropRequest
    from .element_bounds import ElementBounds
    from .env_vars_response import EnvVarsResponse
    from .env_vars_response_env_vars import EnvVarsResponseEnvVars
    from .env_vars_set_request import EnvVarsSetRequest
    from .env_vars_set_request_env_vars import EnvVarsSetRequestEnvVars
    from .error_code import ErrorCode
    from .error_details import ErrorDetails
    from .error_details_location import ErrorDetailsLocation
    from .error_response import ErrorResponse
    from .execute_async_request import ExecuteAsyncRequest
    from .execute_async_request_callback_headers import ExecuteAsyncRequestCallbackHeaders
    from .execute_async_request_env import ExecuteAsyncRequestEnv
    from .execute_async_response import ExecuteAsyncResponse
    from .execute_async_response_status import ExecuteAsyncResponseStatus
    from .execute_background_request import ExecuteBackgroundRequest
    from .execute_background_request_env import ExecuteBackgroundRequestEnv
    from .execute_request import ExecuteRequest
    from .execute_request_env import ExecuteRequestEnv
    from .execute_response import ExecuteResponse
    from .execute_response_json_type_0 import ExecuteResponseJsonType0
    from .execution_exception import ExecutionException
    from .file_content_response import FileContentResponse
    from .file_encoding import FileEncoding
    from .file_exists_response import FileExistsResponse
    from .file_info import FileInfo
    from .file_list_response import FileListResponse
    from .file_response import FileResponse
    from .file_upload_form import FileUploadForm
    from .file_write_request import FileWriteRequest
    from .find_element_request import FindElementRequest
    from .find_element_response import FindElementResponse
    from .health_response import HealthResponse
    from .health_response_status import HealthResponseStatus
    from .image_format import ImageFormat
    from .info_response import InfoResponse
    from .jupyter_session import JupyterSession
    from .jupyter_session_list import JupyterSessionList
    from .jupyter_session_status import JupyterSessionStatus
    from .key_modifier import KeyModifier
    from .keyboard_combination_request import KeyboardCombinationRequest
    from .keyboard_press_request import KeyboardPressRequest
    from .keyboard_type_request import KeyboardTypeRequest
    from .kill_process_response import KillProcessResponse
    from .language import Language
    from .make_directory_request import MakeDirectoryRequest
    from .memory_stats import MemoryStats
    from .metrics_snapshot import MetricsSnapshot
    from .mouse_button import MouseButton
    from .mouse_click_request import MouseClickRequest
    from .mouse_drag_request import MouseDragRequest
    from .mouse_move_request import MouseMoveRequest
    from .mouse_scroll_request import MouseScrollRequest
    from .mouse_scroll_request_direction import MouseScrollRequestDirection
    from .ocr_request import OcrRequest
    from .ocr_response import OcrResponse
    from .ping_response import PingResponse
    from .ping_response_message import PingResponseMessage
    from .process_info import ProcessInfo
    from .process_info_kind import ProcessInfoKind
    from .process_list import ProcessList
    from .process_status import ProcessStatus
    from .recording_info import RecordingInfo
    from .recording_info_status import RecordingInfoStatus
    from .recording_quality import RecordingQuality
    from .recording_start_request import RecordingStartRequest
    from .recording_stop_request import RecordingStopRequest
    from .resolution import Resolution
    from .resource_usage import ResourceUsage
    from .rich_output import RichOutput
    from .rich_output_format import RichOutputFormat
    from .rich_output_metadata import RichOutputMetadata
    from .rich_output_metadata_source import RichOutputMetadataSource
    from .rich_output_type import RichOutputType
    from .screen_region import ScreenRegion
    from .screenshot_region_request import ScreenshotRegionRequest
    from .screenshot_request import ScreenshotRequest
    from .screenshot_response import ScreenshotResponse
    from .system_info import SystemInfo
    from .system_process import SystemProcess
    from .system_process_list import SystemProcessList
    from .system_process_status import SystemProcessStatus
    from .video_format import VideoFormat
    from .vnc_info import VncInfo
    from .vnc_start_request import VncStartRequest
    from .wait_for_request import WaitForRequest
    from .window_action_request import WindowActionRequest
    from .window_info import WindowInfo
    from .window_list import WindowList
    from .window_resize_request import WindowResizeRequest
    from .ws_command_message import WsCommandMessage
    from .ws_command_message_env import WsCommandMessageEnv
    from .ws_command_message_type import WsCommandMessageType
    from .ws_complete_message import WsCompleteMessage
    from .ws_complete_message_type import WsCompleteMessageType
    from .ws_display_data_message import WsDisplayDataMessage
    from .ws_display_data_message_type import WsDisplayDataMessageType
    from .ws_error_message import WsErrorMessage
    from .ws_error_message_type import WsErrorMessageType
    from .ws_event_message import WsEventMessage
    from .ws_event_message_type import WsEventMessageType
    from .ws_execute_message import WsExecuteMessage
    from .ws_execute_message_env import WsExecuteMessageEnv
    from .ws_execute_message_type import WsExecuteMessageType
    from .ws_file_change_message import WsFileChangeMessage
    from .ws_file_change_message_event import WsFileChangeMessageEvent
    from .ws_file_change_message_type import WsFileChangeMessageType
    from .ws_ipython_execute_message import WsIpythonExecuteMessage
    from .ws_ipython_execute_message_type import WsIpythonExecuteMessageType
    from .ws_result_message import WsResultMessage
    from .ws_result_message_json_type_0 import WsResultMessageJsonType0
    from .ws_result_message_type import WsResultMessageType
    from .ws_stderr_message import WsStderrMessage
    from .ws_stderr_message_type import WsStderrMessageType
    from .ws_stdout_message import WsStdoutMessage
    from .ws_stdout_message_type import WsStdoutMessageType
    from .ws_subscribe_message import WsSubscribeMessage
    from .ws_subscribe_message_type import WsSubscribeMessageType
    from .ws_terminal_exit_message import WsTerminalExitMessage
    from .ws_terminal_exit_message_type import WsTerminalExitMessageType
    from .ws_terminal_input_message import WsTerminalInputMessage
    from .ws_terminal_input_message_type import WsTerminalInputMessageType
    from .ws_terminal_output_message import WsTerminalOutputMessage
    from .ws_terminal_output_message_type import WsTerminalOutputMessageType
    from .ws_terminal_resize_message import WsTerminalResizeMessage
    from .ws_terminal_resize_message_type import WsTerminalResizeMessageType
    from .ws_watch_message import WsWatchMessage
    from .ws_watch_message_action import WsWatchMessageAction

_MODULE_OF = {
    "AgentEventData": ".agent_event_data",
    "AgentEventDataStream": ".agent_event_data_stream",
    "AgentEventKind": ".agent_event_kind",
    "AgentFeatures": ".agent_features",
    "AgentRootResponse": ".agent_root_response",
    "AsyncExecutionCallback": ".async_execution_callback",
    "AsyncExecutionCallbackJsonType0": ".async_execution_callback_json_type_0",
    "AsyncExecutionCallbackStatus": ".async_execution_callback_status",
    "BackgroundExecutionResponse": ".background_execution_response",
    "CacheClearResponse": ".cache_clear_response",
    "CacheInfo": ".cache_info",
    "CacheStatsResponse": ".cache_stats_response",
    "ClipboardContent": ".clipboard_content",
    "ClipboardHistory": ".clipboard_history",
    "ClipboardSetRequest": ".clipboard_set_request",
    "CommandBackgroundRequest": ".command_background_request",
    "CommandBackgroundRequestEnv": ".command_background_request_env",
    "CommandBackgroundResponse": ".command_background_response",
    "CommandRequest": ".command_request",
    "CommandRequestEnv": ".command_request_env",
    "CommandResponse": ".command_response",
    "CpuUsage": ".cpu_usage",
    "DesktopActionResponse": ".desktop_action_response",
    "DesktopDebugLogs": ".desktop_debug_logs",
    "DesktopEmptyRequest": ".desktop_empty_request",
    "DiskStats": ".disk_stats",
    "Display": ".display",
    "DisplayInfo": ".display_info",
    "DisplayResolutionList": ".display_resolution_list",
    "DisplaySetRequest": ".display_set_request",
    "DragDropRequest": ".drag_drop_request",
    "ElementBounds": ".element_bounds",
    "EnvVarsResponse": ".env_vars_response",
    "EnvVarsResponseEnvVars": ".env_vars_response_env_vars",
    "EnvVarsSetRequest": ".env_vars_set_request",
    "EnvVarsSetRequestEnvVars": ".env_vars_set_request_env_vars",
    "ErrorCode": ".error_code",
    "ErrorDetails": ".error_details",
    "ErrorDetailsLocation": ".error_details_location",
    "ErrorResponse": ".error_response",
    "ExecuteAsyncRequest": ".execute_async_request",
    "ExecuteAsyncRequestCallbackHeaders": ".execute_async_request_callback_headers",
    "ExecuteAsyncRequestEnv": ".execute_async_request_env",
    "ExecuteAsyncResponse": ".execute_async_response",
    "ExecuteAsyncResponseStatus": ".execute_async_response_status",
    "ExecuteBackgroundRequest": ".execute_background_request",
    "ExecuteBackgroundRequestEnv": ".execute_background_request_env",
    "ExecuteRequest": ".execute_request",
    "ExecuteRequestEnv": ".execute_request_env",
    "ExecuteResponse": ".execute_response",
    "ExecuteResponseJsonType0": ".execute_response_json_type_0",
    "ExecutionException": ".execution_exception",
    "FileContentResponse": ".file_content_response",
    "FileEncoding": ".file_encoding",
    "FileExistsResponse": ".file_exists_response",
    "FileInfo": ".file_info",
    "FileListResponse": ".file_list_response",
    "FileResponse": ".file_response",
    "FileUploadForm": ".file_upload_form",
    "FileWriteRequest": ".file_write_request",
    "FindElementRequest": ".find_element_request",
    "FindElementResponse": ".find_element_response",
    "HealthResponse": ".health_response",
    "HealthResponseStatus": ".health_response_status",
    "ImageFormat": ".image_format",
    "InfoResponse": ".info_response",
    "JupyterSession": ".jupyter_session",
    "JupyterSessionList": ".jupyter_session_list",
    "JupyterSessionStatus": ".jupyter_session_status",
    "KeyModifier": ".key_modifier",
    "KeyboardCombinationRequest": ".keyboard_combination_request",
    "KeyboardPressRequest": ".keyboard_press_request",
    "KeyboardTypeRequest": ".keyboard_type_request",
    "KillProcessResponse": ".kill_process_response",
    "Language": ".language",
    "MakeDirectoryRequest": ".make_directory_request",
    "MemoryStats": ".memory_stats",
    "MetricsSnapshot": ".metrics_snapshot",
    "MouseButton": ".mouse_button",
    "MouseClickRequest": ".mouse_click_request",
    "MouseDragRequest": ".mouse_drag_request",
    "MouseMoveRequest": ".mouse_move_request",
    "MouseScrollRequest": ".mouse_scroll_request",
    "MouseScrollRequestDirection": ".mouse_scroll_request_direction",
    "OcrRequest": ".ocr_request",
    "OcrResponse": ".ocr_response",
    "PingResponse": ".ping_response",
    "PingResponseMessage": ".ping_response_message",
    "ProcessInfo": ".process_info",
    "ProcessInfoKind": ".process_info_kind",
    "ProcessList": ".process_list",
    "ProcessStatus": ".process_status",
    "RecordingInfo": ".recording_info",
    "RecordingInfoStatus": ".recording_info_status",
    "RecordingQuality": ".recording_quality",
    "RecordingStartRequest": ".recording_start_request",
    "RecordingStopRequest": ".recording_stop_request",
    "Resolution": ".resolution",
    "ResourceUsage": ".resource_usage",
    "RichOutput": ".rich_output",
    "RichOutputFormat": ".rich_output_format",
    "RichOutputMetadata": ".rich_output_metadata",
    "RichOutputMetadataSource": ".rich_output_metadata_source",
    "RichOutputType": ".rich_output_type",
    "ScreenRegion": ".screen_region",
    "ScreenshotRegionRequest": ".screenshot_region_request",
    "ScreenshotRequest": ".screenshot_request",
    "ScreenshotResponse": ".screenshot_response",
    "SystemInfo": ".system_info",
    "SystemProcess": ".system_process",
    "SystemProcessList": ".system_process_list",
    "SystemProcessStatus": ".system_process_status",
    "VideoFormat": ".video_format",
    "VncInfo": ".vnc_info",
    "VncStartRequest": ".vnc_start_request",
    "WaitForRequest": ".wait_for_request",
    "WindowActionRequest": ".window_action_request",
    "WindowInfo": ".window_info",
    "WindowList": ".window_list",
    "WindowResizeRequest": ".window_resize_request",
    "WsCommandMessage": ".ws_command_message",
    "WsCommandMessageEnv": ".ws_command_message_env",
    "WsCommandMessageType": ".ws_command_message_type",
    "WsCompleteMessage": ".ws_complete_message",
    "WsCompleteMessageType": ".ws_complete_message_type",
    "WsDisplayDataMessage": ".ws_display_data_message",
    "WsDisplayDataMessageType": ".ws_display_data_message_type",
    "WsErrorMessage": ".ws_error_message",
    "WsErrorMessageType": ".ws_error_message_type",
    "WsEventMessage": ".ws_event_message",
    "WsEventMessageType": ".ws_event_message_type",
    "WsExecuteMessage": ".ws_execute_message",
    "WsExecuteMessageEnv": ".ws_execute_message_env",
    "WsExecuteMessageType": ".ws_execute_message_type",
    "WsFileChangeMessage": ".ws_file_change_message",
    "WsFileChangeMessageEvent": ".ws_file_change_message_event",
    "WsFileChangeMessageType": ".ws_file_change_message_type",
    "WsIpythonExecuteMessage": ".ws_ipython_execute_message",
    "WsIpythonExecuteMessageType": ".ws_ipython_execute_message_type",
    "WsResultMessage": ".ws_result_message",
    "WsResultMessageJsonType0": ".ws_result_message_json_type_0",
    "WsResultMessageType": ".ws_result_message_type",
    "WsStderrMessage": ".ws_stderr_message",
    "WsStderrMessageType": ".ws_stderr_message_type",
    "WsStdoutMessage": ".ws_stdout_message",
    "WsStdoutMessageType": ".ws_stdout_message_type",
    "WsSubscribeMessage": ".ws_subscribe_message",
    "WsSubscribeMessageType": ".ws_subscribe_message_type",
    "WsTerminalExitMessage": ".ws_terminal_exit_message",
    "WsTerminalExitMessageType": ".ws_terminal_exit_message_type",
    "WsTerminalInputMessage": ".ws_terminal_input_message",
    "WsTerminalInputMessageType": ".ws_terminal_input_message_type",
    "WsTerminalOutputMessage": ".ws_terminal_output_message",
    "WsTerminalOutputMessageType": ".ws_terminal_output_message_type",
    "WsTerminalResizeMessage": ".ws_terminal_resize_message",
    "WsTerminalResizeMessageType": ".ws_terminal_resize_message_type",
    "WsWatchMessage": ".ws_watch_message",
    "WsWatchMessageAction": ".ws_watch_message_action",
}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = (
    "AgentEventData",
    "AgentEventDataStream",
    "AgentEventKind",
    "AgentFeatures",
    "AgentRootResponse",
    "AsyncExecutionCallback",
    "AsyncExecutionCallbackJsonType0",
    "AsyncExecutionCallbackStatus",
    "BackgroundExecutionResponse",
    "CacheClearResponse",
    "CacheInfo",
    "CacheStatsResponse",
    "ClipboardContent",
    "ClipboardHistory",
    "ClipboardSetRequest",
    "CommandBackgroundRequest",
    "CommandBackgroundRequestEnv",
    "CommandBackgroundResponse",
    "CommandRequest",
    "CommandRequestEnv",
    "CommandResponse",
    "CpuUsage",
    "DesktopActionResponse",
    "DesktopDebugLogs",
    "DesktopEmptyRequest",
    "DiskStats",
    "Display",
    "DisplayInfo",
    "DisplayResolutionList",
    "DisplaySetRequest",
    "DragDropRequest",
    "ElementBounds",
    "EnvVarsResponse",
    "EnvVarsResponseEnvVars",
    "EnvVarsSetRequest",
    "EnvVarsSetRequestEnvVars",
    "ErrorCode",
    "ErrorDetails",
    "ErrorDetailsLocation",
    "ErrorResponse",
    "ExecuteAsyncRequest",
    "ExecuteAsyncRequestCallbackHeaders",
    "ExecuteAsyncRequestEnv",
    "ExecuteAsyncResponse",
    "ExecuteAsyncResponseStatus",
    "ExecuteBackgroundRequest",
    "ExecuteBackgroundRequestEnv",
    "ExecuteRequest",
    "ExecuteRequestEnv",
    "ExecuteResponse",
    "ExecuteResponseJsonType0",
    "ExecutionException",
    "FileContentResponse",
    "FileEncoding",
    "FileExistsResponse",
    "FileInfo",
    "FileListResponse",
    "FileResponse",
    "FileUploadForm",
    "FileWriteRequest",
    "FindElementRequest",
    "FindElementResponse",
    "HealthResponse",
    "HealthResponseStatus",
    "ImageFormat",
    "InfoResponse",
    "JupyterSession",
    "JupyterSessionList",
    "JupyterSessionStatus",
    "KeyboardCombinationRequest",
    "KeyboardPressRequest",
    "KeyboardTypeRequest",
    "KeyModifier",
    "KillProcessResponse",
    "Language",
    "MakeDirectoryRequest",
    "MemoryStats",
    "MetricsSnapshot",
    "MouseButton",
    "MouseClickRequest",
    "MouseDragRequest",
    "MouseMoveRequest",
    "MouseScrollRequest",
    "MouseScrollRequestDirection",
    "OcrRequest",
    "OcrResponse",
    "PingResponse",
    "PingResponseMessage",
    "ProcessInfo",
    "ProcessInfoKind",
    "ProcessList",
    "ProcessStatus",
    "RecordingInfo",
    "RecordingInfoStatus",
    "RecordingQuality",
    "RecordingStartRequest",
    "RecordingStopRequest",
    "Resolution",
    "ResourceUsage",
    "RichOutput",
    "RichOutputFormat",
    "RichOutputMetadata",
    "RichOutputMetadataSource",
    "RichOutputType",
    "ScreenRegion",
    "ScreenshotRegionRequest",
    "ScreenshotRequest",
    "ScreenshotResponse",
    "SystemInfo",
    "SystemProcess",
    "SystemProcessList",
    "SystemProcessStatus",
    "VideoFormat",
    "VncInfo",
    "VncStartRequest",
    "WaitForRequest",
    "WindowActionRequest",
    "WindowInfo",
    "WindowList",
    "WindowResizeRequest",
    "WsCommandMessage",
    "WsCommandMessageEnv",
    "WsCommandMessageType",
    "WsCompleteMessage",
    "WsCompleteMessageType",
    "WsDisplayDataMessage",
    "WsDisplayDataMessageType",
    "WsErrorMessage",
    "WsErrorMessageType",
    "WsEventMessage",
    "WsEventMessageType",
    "WsExecuteMessage",
    "WsExecuteMessageEnv",
    "WsExecuteMessageType",
    "WsFileChangeMessage",
    "WsFileChangeMessageEvent",
    "WsFileChangeMessageType",
    "WsIpythonExecuteMessage",
    "WsIpythonExecuteMessageType",
    "WsResultMessage",
    "WsResultMessageJsonType0",
    "WsResultMessageType",
    "WsStderrMessage",
    "WsStderrMessageType",
    "WsStdoutMessage",
    "WsStdoutMessageType",
    "WsSubscribeMessage",
    "WsSubscribeMessageType",
    "WsTerminalExitMessage",
    "WsTerminalExitMessageType",
    "WsTerminalInputMessage",
    "WsTerminalInputMessageType",
    "WsTerminalOutputMessage",
    "WsTerminalOutputMessageType",
    "WsTerminalResizeMessage",
    "WsTerminalResizeMessageType",
    "WsWatchMessage",
    "WsWatchMessageAction",
)
