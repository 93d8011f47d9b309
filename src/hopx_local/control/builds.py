"""Template builds: a base image from a registry, then the steps, each a cached layer.

``buildTemplate`` checks the request (the image is looked up in its registry at once, so an
unknown image, an unreachable registry or wrong credentials answer 400) and starts the build in
the background. The build pulls the image (oci.py), unpacks its layers (layers.py), then runs
the steps in order; each RUN, COPY and WORKDIR makes a layer named by a hash of (parent layer,
step, copied content), so an unchanged prefix of steps comes from the cache. RUN runs in a
sandbox of the image as built so far, through the agent (``/commands/run``): its writable
layer becomes the step's layer. A built template is a list of layers, the mount points'
scaffold on top, and the state the steps set (environment, working directory, start command).

A build's record, status and log are in ``builds.sqlite3`` as they happen: a server that
restarts marks a build it finds unfinished as failed, saying so, and a first build that failed
leaves no template behind.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import hmac
import json
import logging
import secrets
import shlex
import socket
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from hopx_local.control.build_agent import (
    AgentCallError,
    AgentCommandFault,
    agent_call,
    stream_command,
)
from hopx_local.control.build_steps import BuildState, StepError, copy_into_layer, make_directory
from hopx_local.control.build_store import BuildRecord, BuildStore
from hopx_local.control.catalog import Catalog, Resources, TemplateDefinition
from hopx_local.control.config import ControlPlaneConfig
from hopx_local.control.domain_errors import BuildNotFound, Failed, LifecycleError
from hopx_local.control.layers import (
    LayerError,
    LayerStore,
    copy_changes,
    step_key,
    unpack_oci_layer,
)
from hopx_local.control.oci import Credentials, ImageConfig, ImageError, ImagePuller
from hopx_local.control.sandboxes import SandboxManager
from hopx_local.control.store import SandboxRecord, Store
from hopx_local.control.timeutil import now_us, rfc3339
from hopx_local.control.tokens import sign_token

log = logging.getLogger(__name__)

FIRST_BUILD_ID = 5001
FIRST_TEMPLATE_ID = 2001
UPLOAD_LINK_SECONDS = 900
RUN_TIMEOUT_S = 3600
BUILD_SANDBOX_PIDS = 1024
RESTARTED = (
    "The server restarted while this build was running; nothing of it was kept. "
    "Start the build again."
)


class BuildFailure(Exception):
    """A build step failed; the message is the build's error_message."""


class TemplateNotReady(Failed):
    """A sandbox's start command did not become ready within its ready check's timeout."""


def _root_user(user: str) -> bool:
    return user in ("", "root", "0", "0:0")


def _as_user(user: str, command: str) -> list[str]:
    if _root_user(user):
        return ["/bin/sh", "-c", command]
    return ["su", "-s", "/bin/sh", user.split(":", 1)[0], "-c", command]


class BuildService:
    """The template builder of one server."""

    def __init__(
        self,
        config: ControlPlaneConfig,
        store: Store,
        catalog: Catalog,
        manager: SandboxManager,
    ) -> None:
        self.config = config
        self.store = store
        self.catalog = catalog
        self.manager = manager
        config.data_dir.mkdir(parents=True, exist_ok=True)
        self.records = BuildStore(config.data_dir / "builds.sqlite3")
        self.layers = LayerStore(config.data_dir / "layers")
        self.puller = ImagePuller(
            config.data_dir / "cache" / "oci",
            mirror=config.registry_mirror,
            insecure_registries=config.insecure_registries,
        )
        self.uploads = config.data_dir / "uploads"
        self.uploads.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._secret = secrets.token_bytes(32)
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._building: dict[str, str] = {}
        """template name -> build id of the builds in flight."""
        self._pinned: set[str] = set()
        """Layers of builds in flight (never collected)."""

    # ------------------------------------------------------------ lifecycle
    def recover(self) -> None:
        """Builds found unfinished: failed, saying why (their task died with the server)."""
        for record in self.records.unfinished():
            self._log(record.id, f"\n{RESTARTED}\n")
            record.status = "failed"
            record.error = RESTARTED
            record.completed_us = now_us()
            self.records.update(record)
        self.collect_garbage()

    async def close(self) -> None:
        tasks = list(self._tasks.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self.records.close()

    # ------------------------------------------------------------ uploads
    def upload_path(self, files_hash: str) -> Path:
        return self.uploads / f"{files_hash}.tar.gz"

    def _signature(self, files_hash: str, expires: int, length: int) -> str:
        message = f"{files_hash}:{expires}:{length}".encode()
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()

    def upload_link(self, files_hash: str, content_length: int) -> dict[str, Any]:
        if self.upload_path(files_hash).is_file():
            return {
                "present": True,
                "upload_url": None,
                "expires_at": None,
                "files_hash": files_hash,
            }
        expires = int(time.time()) + UPLOAD_LINK_SECONDS
        signature = self._signature(files_hash, expires, content_length)
        url = (
            f"{self.config.base_url.rstrip('/')}/v1/templates/files/upload/{files_hash}"
            f"?expires={expires}&length={content_length}&signature={signature}"
        )
        return {
            "present": False,
            "upload_url": url,
            "expires_at": rfc3339(expires * 1_000_000),
            "files_hash": files_hash,
        }

    def upload_allowed(self, files_hash: str, expires: int, length: int, signature: str) -> bool:
        expected = self._signature(files_hash, expires, length)
        return hmac.compare_digest(expected, signature) and expires >= time.time()

    # ------------------------------------------------------------ builds
    def is_building(self, name: str) -> bool:
        return name in self._building

    def new_template_id(self) -> str:
        return str(self.records.next_id("template", FIRST_TEMPLATE_ID))

    async def check_image(self, image: str, credentials: Credentials | None) -> str:
        return await self.puller.check(image, credentials)

    def start(
        self,
        template: TemplateDefinition,
        request: Mapping[str, Any],
        credentials: Credentials | None,
        *,
        first: bool,
    ) -> BuildRecord:
        """Record a build of ``template`` and run it in the background."""
        build_id = str(self.records.next_id("build", FIRST_BUILD_ID))
        saved = {key: value for key, value in request.items() if key != "registry_credentials"}
        record = BuildRecord(
            id=build_id,
            template_id=template.id,
            template_name=template.name,
            status="building",
            progress=0,
            current_step=None,
            started_us=now_us(),
            completed_us=None,
            error=None,
            request=saved,
        )
        self.records.insert(record)
        if first:
            self.catalog.put(_evolve(template, status="building", build_id=build_id))
        self._building[template.name] = build_id
        task = asyncio.get_running_loop().create_task(
            self._execute(record, template, credentials, first=first)
        )
        self._tasks[build_id] = task
        return record

    def _log(self, build_id: str, text: str) -> None:
        self.records.append_log(build_id, text)

    def _progress(self, record: BuildRecord, progress: int, step: str | None) -> None:
        record.progress = progress
        record.current_step = step
        self.records.update(record)

    async def _execute(
        self,
        record: BuildRecord,
        template: TemplateDefinition,
        credentials: Credentials | None,
        *,
        first: bool,
    ) -> None:
        started = time.monotonic()
        pinned: set[str] = set()
        try:
            built = await self._build(record, template, credentials, pinned)
        except asyncio.CancelledError:
            self._fail(record, "The server shut down while this build was running.", first)
            raise
        except (BuildFailure, StepError, ImageError, LayerError) as error:
            self._fail(record, str(error), first)
        except Exception as error:
            log.exception("build %s failed", record.id)
            self._fail(record, f"internal error: {error!r}", first)
        else:
            self.store.save_template(built)
            self.catalog.put(built)
            elapsed = time.monotonic() - started
            self._log(record.id, f"Build {record.id} succeeded in {elapsed:.1f} s\n")
            record.status = "active"
            record.progress = 100
            record.current_step = None
            record.completed_us = now_us()
            self.records.update(record)
        finally:
            self._pinned -= pinned
            self._building.pop(template.name, None)
            self._tasks.pop(record.id, None)
        with contextlib.suppress(Exception):
            await asyncio.to_thread(self.collect_garbage)

    def _fail(self, record: BuildRecord, message: str, first: bool) -> None:
        self._log(record.id, f"Build failed: {message}\n")
        record.status = "failed"
        record.error = message
        record.completed_us = now_us()
        self.records.update(record)
        if first:
            self.catalog.remove(record.template_id)

    async def _make_layer(self, key: str, fill: Any, pinned: set[str]) -> Path:
        pinned.add(key)
        self._pinned.add(key)
        return await asyncio.to_thread(self.layers.create, key, fill)

    async def _build(
        self,
        record: BuildRecord,
        template: TemplateDefinition,
        credentials: Credentials | None,
        pinned: set[str],
    ) -> TemplateDefinition:
        request = record.request
        reference = self.puller.reference(request["from_image"])
        self._log(record.id, f"Pulling {reference}\n")
        self._progress(record, 1, f"pull {reference}")
        image, _ = await self.puller.pull(request["from_image"], credentials)
        stack: list[str] = []  # topmost first
        for index, (digest, _media) in enumerate(image.layers, 1):
            key = "oci-" + digest.partition(":")[2]
            if not self.layers.has(key):
                self._log(
                    record.id, f"  layer {index}/{len(image.layers)} {digest[:19]}: unpacking\n"
                )
            blob = self.puller.blob(digest)
            await self._make_layer(key, functools.partial(unpack_oci_layer, blob), pinned)
            stack.insert(0, key)
        self._log(record.id, f"Image {image.digest[:19]}: {len(image.layers)} layer(s)\n")
        state = _initial_state(image)
        steps: list[dict[str, Any]] = list(request.get("steps") or [])
        parent = f"image:{image.digest}"
        rebuild = bool(request.get("skipCache"))
        total = len(steps)
        for number, step in enumerate(steps, 1):
            kind, args = step["type"], list(step["args"])
            label = f"{number}/{total} {kind} {' '.join(args)}"
            self._progress(record, 5 + 90 * (number - 1) // max(total, 1), label)
            self._log(record.id, f"Step {label}\n")
            rebuild = rebuild or bool(step.get("skipCache"))
            files_hash = str(step.get("filesHash") or "")
            cache_key = step_key(parent, {"type": kind, "args": args}, files_hash)
            parent = cache_key
            if kind == "ENV":
                state.env[args[0]] = args[1]
                continue
            if kind == "USER":
                state.user = args[0]
                continue
            if kind == "CMD":
                state.cmd = args[0]
                continue
            key = f"{cache_key}-{record.id}" if rebuild else cache_key
            if self.layers.has(key):
                self._log(record.id, "  ---> from the cache\n")
                pinned.add(key)
                self._pinned.add(key)
                stack.insert(0, key)
                if kind == "WORKDIR":
                    state.workdir = state.path_of(args[0])
                continue
            began = time.monotonic()
            if kind == "WORKDIR":
                state.workdir = state.path_of(args[0])
                await self._make_layer(
                    key, functools.partial(make_directory, inside=state.workdir), pinned
                )
            elif kind == "COPY":
                archive = self.upload_path(files_hash)
                sources, destination = args[0].split(","), state.path_of(args[1])
                await self._make_layer(
                    key,
                    functools.partial(_copy, archive, sources, destination),
                    pinned,
                )
            elif kind == "RUN":
                await self._run_step(record, template, stack, state, args[0], key, pinned)
            else:
                raise BuildFailure(f"step {label}: unknown step type {kind}")
            stack.insert(0, key)
            self._log(record.id, f"  ---> done in {time.monotonic() - began:.2f} s\n")
        scaffold = self.layers.scaffold()
        start_cmd = request.get("startCmd") or state.cmd
        ready = request.get("readyCmd")
        now = rfc3339(now_us())
        return _evolve(
            template,
            status="active",
            build_id=record.id,
            updated_at=now,
            layers=(str(scaffold), *(str(self.layers.path(key)) for key in stack)),
            sandbox_env=tuple(state.env.items()),
            start_cmd=start_cmd,
            ready_check=json.dumps(ready) if ready else None,
            workdir=state.workdir,
            user=state.user or None,
        )

    async def _run_step(
        self,
        record: BuildRecord,
        template: TemplateDefinition,
        stack: list[str],
        state: BuildState,
        command: str,
        key: str,
        pinned: set[str],
    ) -> None:
        scaffold = self.layers.scaffold()
        builder = _evolve(
            template,
            id=f"build-{record.id}",
            name=f"build-{record.id}",
            layers=(str(scaffold), *(str(self.layers.path(k)) for k in stack)),
            sandbox_env=tuple(state.env.items()),
            start_cmd=None,
            ready_check=None,
            pids_max=BUILD_SANDBOX_PIDS,
        )
        try:
            sandbox = await self.manager.create(
                template=builder, env_vars={}, internet_access=True, timeout_seconds=RUN_TIMEOUT_S
            )
        except LifecycleError as error:
            raise BuildFailure(f"could not start the build sandbox: {error.message}") from None
        try:
            tail = _OutputTail()

            def on_output(text: str) -> None:
                tail.add(text)
                self._log(record.id, text)

            code = await self._command(
                sandbox, _as_user(state.user, command), state, on_output, timeout=RUN_TIMEOUT_S
            )
            if tail.text and not tail.text.endswith("\n"):
                self._log(record.id, "\n")
            if code != 0:
                last = tail.text.strip().splitlines()[-1:] if tail.text.strip() else []
                raise BuildFailure(
                    f"step RUN {command!r} failed with exit code {code}"
                    + (f": {last[0]}" if last else "")
                )
            upper = self.config.sandboxes_dir / sandbox.id / "disk" / "upper" / "root"
            await self._make_layer(
                key, functools.partial(_copy_changes, upper, uid=sandbox.uid), pinned
            )
        finally:
            with contextlib.suppress(LifecycleError):
                await self.manager.delete(sandbox.id)

    async def _command(
        self,
        sandbox: SandboxRecord,
        argv: list[str],
        state: BuildState,
        on_output: Callable[[str], None],
        *,
        timeout: int,
    ) -> int:
        """Run ``argv`` in the build sandbox, its output handed over as it comes; the exit code."""
        token, _ = sign_token(sandbox.secret, sandbox.id)
        command = {
            "command": argv[0],
            "args": argv[1:],
            "timeout": timeout,
            "workdir": state.workdir,
            "env": state.env,
        }
        try:
            return await stream_command(
                self._connector(sandbox.id), token, command, on_output, timeout=timeout + 30
            )
        except AgentCommandFault as fault:
            if fault.code == "EXECUTION_TIMEOUT":
                raise BuildFailure(f"the command did not finish within {timeout} s") from None
            message = f"the build sandbox's agent refused the command: {fault}"
            raise BuildFailure(message[:2000]) from None
        except AgentCallError as error:
            raise BuildFailure(f"the build sandbox's agent did not answer: {error}") from None

    def _connector(self, sandbox_id: str) -> Any:
        async def connect() -> socket.socket:
            return await self.manager.connect_agent(sandbox_id)

        return connect

    # ------------------------------------------------------------ start command
    async def start_sandbox(self, record: SandboxRecord, template: TemplateDefinition) -> None:
        """Start the template's start command in a new sandbox; return once its ready check
        passes (TemplateNotReady when it does not within its timeout)."""
        if not template.start_cmd:
            return
        state = BuildState(env={}, workdir=template.workdir or "/", user=template.user or "")
        token, _ = sign_token(record.secret, record.id)
        argv = _as_user(state.user, template.start_cmd)
        body = {
            "command": argv[0],
            "args": argv[1:],
            "timeout": 86400,
            "workdir": state.workdir,
        }
        try:
            status, answer = await agent_call(
                self._connector(record.id),
                token,
                "POST",
                "/commands/background",
                body,
                timeout=30,
            )
        except AgentCallError as error:
            raise TemplateNotReady(f"The start command could not be started: {error}") from None
        if status != 200:
            raise TemplateNotReady(f"The start command could not be started: {answer!r}")
        check: dict[str, Any] = json.loads(template.ready_check) if template.ready_check else {}
        if not check:
            return
        timeout = int(check.get("timeout") or 30000) / 1000
        interval = int(check.get("interval") or 2000) / 1000
        deadline = time.monotonic() + timeout
        while True:
            if await self._ready(record, token, check):
                return
            if time.monotonic() + min(interval, 0.2) > deadline:
                raise TemplateNotReady(
                    f"The start command of template '{template.name}' ({template.start_cmd!r}) "
                    f"was not ready within {timeout:g} s (ready check: {check.get('type')}); "
                    "the sandbox was removed",
                    template=template.name,
                )
            await asyncio.sleep(min(interval, 0.2, max(deadline - time.monotonic(), 0)))

    async def _ready(self, record: SandboxRecord, token: str, check: Mapping[str, Any]) -> bool:
        kind = check.get("type")
        if kind == "port":
            try:
                sock = await self.manager.connect_port(record.id, int(check["port"]))
            except (OSError, LifecycleError):
                return False
            sock.close()
            return True
        if kind == "url":
            return await self._url_ready(record, str(check.get("url") or ""))
        if kind == "file":
            command = f"test -e {shlex.quote(str(check.get('path') or ''))}"
        elif kind == "process":
            name = shlex.quote(str(check.get("processName") or ""))
            command = (
                'for f in /proc/[0-9]*/comm; do read -r n < "$f" 2>/dev/null && '
                f'[ "$n" = {name} ] && exit 0; done; exit 1'
            )
        else:
            command = str(check.get("command") or "false")
        body = {"command": "/bin/sh", "args": ["-c", command], "timeout": 30}
        try:
            status, answer = await agent_call(
                self._connector(record.id), token, "POST", "/commands/run", body, timeout=40
            )
        except AgentCallError:
            return False
        return status == 200 and isinstance(answer, dict) and answer.get("exit_code") == 0

    async def _url_ready(self, record: SandboxRecord, url: str) -> bool:
        from urllib.parse import urlsplit

        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        try:
            sock = await self.manager.connect_port(record.id, port)
        except (OSError, LifecycleError):
            return False
        try:
            reader, writer = await asyncio.open_connection(sock=sock)
            path = parts.path or "/"
            if parts.query:
                path += f"?{parts.query}"
            writer.write(
                f"GET {path} HTTP/1.1\r\nHost: {parts.netloc or 'localhost'}\r\n"
                "Connection: close\r\n\r\n".encode()
            )
            await writer.drain()
            line = await asyncio.wait_for(reader.readline(), 5)
            writer.close()
            return line.split(b" ", 2)[1:2] != [] and line.split(b" ", 2)[1].startswith(b"2")
        except (OSError, TimeoutError, IndexError):
            return False

    # ------------------------------------------------------------ delete, garbage
    def delete(self, template: TemplateDefinition) -> None:
        self.store.delete_template(template.id)
        self.catalog.remove(template.id)
        self.records.retire(template.id, template.layers)
        self.records.delete_for_template(template.id)

    def collect_garbage(self) -> list[str]:
        """Remove the layers no template, sandbox or build uses any more."""
        used_templates = {record.template_id for record in self.store.sandboxes()}
        in_use = set(self._pinned)
        for template in self.store.templates():
            in_use.update(Path(layer).name for layer in template.layers)
        for template_id, layers in self.records.retired():
            if template_id in used_templates:
                in_use.update(Path(layer).name for layer in layers)
            else:
                self.records.forget_retired(template_id)
        removed = self.layers.collect(in_use)
        if removed:
            log.info("layer cache: removed %d unused layer(s)", len(removed))
        return removed

    # ------------------------------------------------------------ queries
    def record(self, build_or_template_id: str) -> BuildRecord:
        """The build, or the latest build of the template of that id."""
        found = self.records.get(build_or_template_id) or self.records.latest_for_template(
            build_or_template_id
        )
        if found is None:
            raise BuildNotFound(build_or_template_id)
        return found


class _OutputTail:
    """The last few KiB of a command's output (for the failure message)."""

    LIMIT = 4096

    def __init__(self) -> None:
        self.text = ""

    def add(self, text: str) -> None:
        self.text = (self.text + text)[-self.LIMIT :]


def _evolve(template: TemplateDefinition, **changes: Any) -> TemplateDefinition:
    import attrs

    return attrs.evolve(template, **changes)


def _initial_state(image: ImageConfig) -> BuildState:
    command = " ".join(shlex.quote(part) for part in (*image.entrypoint, *image.cmd)) or None
    return BuildState(
        env=dict(image.env), workdir=image.workdir or "/", user=image.user, cmd=command
    )


def _copy(archive: Path, sources: list[str], destination: str, layer: Path) -> None:
    if not archive.is_file():
        raise StepError(
            f"COPY to {destination}: its content was never uploaded (createTemplateUploadLink)"
        )
    copy_into_layer(archive, sources, destination, layer)


def _copy_changes(upper: Path, layer: Path, *, uid: int) -> None:
    copy_changes(upper, layer, uid)


def template_for_build(
    template_id: str, name: str, request: Mapping[str, Any], builtin_like: TemplateDefinition
) -> TemplateDefinition:
    """The definition of a template being built (its layers come when it is built)."""
    resources = Resources(
        vcpu=int(request["cpu"]), memory_mb=int(request["memory"]), disk_gb=int(request["diskGB"])
    )
    now = rfc3339(now_us())
    return TemplateDefinition(
        id=template_id,
        name=name,
        display_name=name,
        description=f"Built from {request['from_image']}",
        category="custom",
        language="custom",
        icon="📦",
        default_resources=resources,
        min_resources=Resources(1, 128, 1),
        max_resources=resources,
        features=("bash", "files", "terminal"),
        tags=("custom",),
        popularity_score=0,
        docs_url="https://docs.hopx.ai/templates/custom",
        agent_flavour="base",
        pids_max=builtin_like.pids_max,
        builtin=False,
        status="building",
        created_at=now,
        updated_at=now,
        injected_python=True,
    )
