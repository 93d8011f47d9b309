"""The template builder: define a template fluently, build it on the control plane.

    from hopx_ai import Template, wait_for_port
    from hopx_ai.template import BuildOptions

    template = (
        Template()
        .from_python_image("3.11")
        .pip_install("numpy")
        .set_start_cmd("python -m http.server 8000", wait_for_port(8000))
    )
    result = await Template.build(template, BuildOptions(name="numpy-server"))
    vm = await result.create_vm()

``Template.build`` is a coroutine (as published); ``Template.build_sync`` is the same build
for blocking code. ``BuildOptions.show_progress`` draws a bar on the terminal while the COPY
content uploads and the build runs (rich, the ``cli`` extra).

Errors: :class:`hopx_ai.ValidationError` for a bad template or options (before any
request), :class:`hopx_ai.TemplateBuildError` for a failed build,
:class:`hopx_ai.TimeoutError` when a deadline of :class:`BuildOptions` passes, and the usual
API errors (a server without a template builder answers 501: :class:`hopx_ai.ServerError`).
"""

from .build_flow import get_logs
from .builder import Template, create_template
from .ready_checks import (
    wait_for_command,
    wait_for_file,
    wait_for_port,
    wait_for_process,
    wait_for_url,
)
from .types import (
    VM,
    AWSRegistryAuth,
    BuildOptions,
    BuildResult,
    CopyOptions,
    CreateVMOptions,
    GCPRegistryAuth,
    LogsResponse,
    ReadyCheck,
    ReadyCheckType,
    RegistryAuth,
    Step,
    StepType,
)

__all__ = [
    "VM",
    "AWSRegistryAuth",
    "BuildOptions",
    "BuildResult",
    "CopyOptions",
    "CreateVMOptions",
    "GCPRegistryAuth",
    "LogsResponse",
    "ReadyCheck",
    "ReadyCheckType",
    "RegistryAuth",
    "Step",
    "StepType",
    "Template",
    "create_template",
    "get_logs",
    "wait_for_command",
    "wait_for_file",
    "wait_for_port",
    "wait_for_process",
    "wait_for_url",
]
