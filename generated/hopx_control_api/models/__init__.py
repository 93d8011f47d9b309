"""Contains all the data models used in inputs/outputs.

hopx: models load on first use (PEP 562), so importing one endpoint does not import every model.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .build_logs_response import BuildLogsResponse
    from .build_status import BuildStatus
    from .build_status_response import BuildStatusResponse
    from .build_step import BuildStep
    from .build_step_type import BuildStepType
    from .create_sandbox_request import CreateSandboxRequest
    from .env_vars import EnvVars
    from .error import Error
    from .error_body import ErrorBody
    from .error_body_details import ErrorBodyDetails
    from .health_response import HealthResponse
    from .host_capacity import HostCapacity
    from .list_object import ListObject
    from .network_policy import NetworkPolicy
    from .ready_check import ReadyCheck
    from .ready_check_type import ReadyCheckType
    from .registry_credentials import RegistryCredentials
    from .registry_credentials_type import RegistryCredentialsType
    from .resources import Resources
    from .sandbox import Sandbox
    from .sandbox_list import SandboxList
    from .sandbox_object import SandboxObject
    from .sandbox_status import SandboxStatus
    from .set_timeout_request import SetTimeoutRequest
    from .template import Template
    from .template_build_request import TemplateBuildRequest
    from .template_build_response import TemplateBuildResponse
    from .template_deleted import TemplateDeleted
    from .template_list import TemplateList
    from .template_object import TemplateObject
    from .template_resources import TemplateResources
    from .template_status import TemplateStatus
    from .token_response import TokenResponse
    from .upload_link_request import UploadLinkRequest
    from .upload_link_response import UploadLinkResponse

_MODULE_OF = {
    "BuildLogsResponse": ".build_logs_response",
    "BuildStatus": ".build_status",
    "BuildStatusResponse": ".build_status_response",
    "BuildStep": ".build_step",
    "BuildStepType": ".build_step_type",
    "CreateSandboxRequest": ".create_sandbox_request",
    "EnvVars": ".env_vars",
    "Error": ".error",
    "ErrorBody": ".error_body",
    "ErrorBodyDetails": ".error_body_details",
    "HealthResponse": ".health_response",
    "HostCapacity": ".host_capacity",
    "ListObject": ".list_object",
    "NetworkPolicy": ".network_policy",
    "ReadyCheck": ".ready_check",
    "ReadyCheckType": ".ready_check_type",
    "RegistryCredentials": ".registry_credentials",
    "RegistryCredentialsType": ".registry_credentials_type",
    "Resources": ".resources",
    "Sandbox": ".sandbox",
    "SandboxList": ".sandbox_list",
    "SandboxObject": ".sandbox_object",
    "SandboxStatus": ".sandbox_status",
    "SetTimeoutRequest": ".set_timeout_request",
    "Template": ".template",
    "TemplateBuildRequest": ".template_build_request",
    "TemplateBuildResponse": ".template_build_response",
    "TemplateDeleted": ".template_deleted",
    "TemplateList": ".template_list",
    "TemplateObject": ".template_object",
    "TemplateResources": ".template_resources",
    "TemplateStatus": ".template_status",
    "TokenResponse": ".token_response",
    "UploadLinkRequest": ".upload_link_request",
    "UploadLinkResponse": ".upload_link_response",
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
    "BuildLogsResponse",
    "BuildStatus",
    "BuildStatusResponse",
    "BuildStep",
    "BuildStepType",
    "CreateSandboxRequest",
    "EnvVars",
    "Error",
    "ErrorBody",
    "ErrorBodyDetails",
    "HealthResponse",
    "HostCapacity",
    "ListObject",
    "NetworkPolicy",
    "ReadyCheck",
    "ReadyCheckType",
    "RegistryCredentials",
    "RegistryCredentialsType",
    "Resources",
    "Sandbox",
    "SandboxList",
    "SandboxObject",
    "SandboxStatus",
    "SetTimeoutRequest",
    "Template",
    "TemplateBuildRequest",
    "TemplateBuildResponse",
    "TemplateDeleted",
    "TemplateList",
    "TemplateObject",
    "TemplateResources",
    "TemplateStatus",
    "TokenResponse",
    "UploadLinkRequest",
    "UploadLinkResponse",
)
