"""``Template``: the fluent template builder (no I/O until ``Template.build``).

    template = (
        Template()
        .from_python_image("3.11")
        .pip_install("numpy")
        .set_start_cmd("python -m http.server 8000", wait_for_port(8000))
    )
    result = await Template.build(template, BuildOptions(name="my-template"))

Package names and paths given to the helpers (``pip_install``, ``apt_install``, ``git_clone``...)
are shell-quoted, so ``pip_install("numpy>=1.26")`` installs that version instead of redirecting
pip's output to a file named ``=1.26``; a string with spaces is several names.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Self

from .types import (
    AWSRegistryAuth,
    BuildOptions,
    BuildResult,
    CopyOptions,
    GCPRegistryAuth,
    InvalidTemplateError,
    ReadyCheck,
    RegistryAuth,
    Step,
    StepType,
)

__all__ = ["Template", "create_template"]

# <account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]/<repository>
_ECR_HOST = re.compile(
    r"^\d+\.dkr\.ecr(?:-fips)?\.(?P<region>[a-z0-9-]+)\.amazonaws\.com(?:\.cn)?(?:/|$)"
)


def _text(value: Any, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidTemplateError(
            f"{field} must be a non-empty string (got {value!r})", field=field
        )
    return value


def _names(values: Iterable[Any], field: str) -> list[str]:
    """Flatten ``"a b", ["c"], None`` into shell-quoted words ``a b c``."""
    words: list[str] = []
    for value in values:
        if value is None:
            continue
        items = value if isinstance(value, list | tuple) else [value]
        for item in items:
            if not isinstance(item, str):
                raise InvalidTemplateError(
                    f"{field}: every name must be a string (got {item!r})", field=field
                )
            words.extend(shlex.quote(word) for word in item.split())
    return words


class Template:
    """A template definition: a base image, build steps, and an optional start command."""

    def __init__(self, from_image: str | None = None) -> None:
        self.from_image: str | None = (
            _text(from_image, "from_image") if from_image is not None else None
        )
        self.steps: list[Step] = []
        self.start_cmd: str | None = None
        self.ready_check: ReadyCheck | None = None
        self.registry_auth: RegistryAuth | None = None
        self.aws_auth: AWSRegistryAuth | None = None
        self._metadata: dict[str, str] = {}

    def __repr__(self) -> str:
        return (
            f"Template(from_image={self.from_image!r}, steps={len(self.steps)}, "
            f"start_cmd={self.start_cmd!r})"
        )

    # ------------------------------------------------------------------ base image

    def _base(self, image: str, auth: RegistryAuth | None = None) -> Self:
        self.from_image = image
        self.registry_auth = auth
        self.aws_auth = None
        return self

    def from_ubuntu_image(self, version: str) -> Self:
        """Start from ``ubuntu:<version>``."""
        return self._base(f"ubuntu:{_text(version, 'version')}")

    def from_python_image(self, version: str) -> Self:
        """Start from ``python:<version>``."""
        return self._base(f"python:{_text(version, 'version')}")

    def from_node_image(self, version: str) -> Self:
        """Start from ``node:<version>-slim`` (Debian based; Alpine images are not supported)."""
        return self._base(f"node:{_text(version, 'version')}-slim")

    def from_private_image(self, image: str, auth: RegistryAuth) -> Self:
        """Start from an image of a private registry (username and password or token)."""
        if not isinstance(auth, RegistryAuth):
            raise InvalidTemplateError("auth must be a RegistryAuth", field="auth")
        _text(auth.username, "auth.username")
        _text(auth.password, "auth.password")
        return self._base(_text(image, "image"), auth)

    def from_gcp_private_image(self, image: str, auth: GCPRegistryAuth) -> Self:
        """Start from a GCR / Artifact Registry image, pulled with a service account key
        (user ``_json_key``, the key's JSON as password)."""
        if not isinstance(auth, GCPRegistryAuth):
            raise InvalidTemplateError("auth must be a GCPRegistryAuth", field="auth")
        key = _service_account(auth.service_account_json)
        return self._base(
            _text(image, "image"), RegistryAuth(username="_json_key", password=json.dumps(key))
        )

    def from_aws_private_image(self, image: str, auth: AWSRegistryAuth) -> Self:
        """Start from an ECR image; the server exchanges the IAM credentials for a pull token.

        The credentials are sent as ``{"type": "ecr", "username": <access key id>, "password":
        <secret>, "token": <session token, if any>}``. The region is the one in the image's
        host name; a different ``auth.region`` is an error.
        """
        if not isinstance(auth, AWSRegistryAuth):
            raise InvalidTemplateError("auth must be an AWSRegistryAuth", field="auth")
        image = _text(image, "image")
        _text(auth.access_key_id, "auth.access_key_id")
        _text(auth.secret_access_key, "auth.secret_access_key")
        region = _text(auth.region, "auth.region")
        if auth.session_token is not None:
            _text(auth.session_token, "auth.session_token")
        match = _ECR_HOST.match(image)
        if match and match.group("region") != region:
            raise InvalidTemplateError(
                f"auth.region is {region!r} but the image is in ECR region "
                f"{match.group('region')!r}",
                field="auth.region",
            )
        self._base(image, RegistryAuth(auth.access_key_id, auth.secret_access_key))
        self.aws_auth = auth
        return self

    # ------------------------------------------------------------------ steps

    def _add(self, step_type: StepType, *args: str) -> Self:
        self.steps.append(Step(type=step_type, args=list(args)))
        return self

    def copy(self, src: str | list[str], dest: str, options: CopyOptions | None = None) -> Self:
        """Copy local files or directories (relative to ``BuildOptions.context_path``; glob
        patterns allowed) to ``dest`` in the template. Their content is uploaded at build time,
        only when the server does not have it yet."""
        sources = [src] if isinstance(src, str) else src
        if not isinstance(sources, list | tuple) or not sources:
            raise InvalidTemplateError(
                "src must be a path or a non-empty list of paths", field="src"
            )
        for source in sources:
            _text(source, "src")
            if "," in source:
                raise InvalidTemplateError(
                    f"src {source!r}: a COPY source cannot contain ',' (the separator of "
                    "sources on the wire)",
                    field="src",
                )
        self._add(StepType.COPY, ",".join(sources), _text(dest, "dest"))
        if options is not None:
            if not isinstance(options, CopyOptions):
                raise InvalidTemplateError("options must be a CopyOptions", field="options")
            if options.owner is not None:
                owner = shlex.quote(_text(options.owner, "options.owner"))
                self.run_cmd(f"chown -R {owner} {shlex.quote(dest)}")
            if options.permissions is not None:
                mode = shlex.quote(_text(options.permissions, "options.permissions"))
                self.run_cmd(f"chmod -R {mode} {shlex.quote(dest)}")
        return self

    def run_cmd(self, cmd: str) -> Self:
        """Run a shell command during the build."""
        return self._add(StepType.RUN, _text(cmd, "cmd"))

    def set_env(self, key: str, value: str) -> Self:
        """Set an environment variable for the following steps and the sandboxes."""
        if not isinstance(value, str):
            raise InvalidTemplateError(f"value of {key!r} must be a string", field="value")
        return self._add(StepType.ENV, _text(key, "key"), value)

    def set_envs(self, vars: dict[str, str]) -> Self:
        """Set several environment variables."""
        if not isinstance(vars, dict):
            raise InvalidTemplateError("vars must be a dict of str to str", field="vars")
        for key, value in vars.items():
            self.set_env(key, value)
        return self

    def set_workdir(self, directory: str) -> Self:
        """Set the working directory of the following steps."""
        return self._add(StepType.WORKDIR, _text(directory, "directory"))

    def set_user(self, user: str) -> Self:
        """Run the following steps as ``user``."""
        return self._add(StepType.USER, _text(user, "user"))

    def apt_install(self, *packages: str | list[str]) -> Self:
        """``apt-get install`` packages: ``apt_install("curl", "git")`` or a list."""
        names = _names(packages, "packages")
        if not names:
            raise InvalidTemplateError(
                "apt_install requires at least one package", field="packages"
            )
        return self.run_cmd(
            "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y "
            + " ".join(names)
        )

    def pip_install(self, *packages: str | list[str] | None) -> Self:
        """``pip install`` packages; without arguments, ``-r requirements.txt``."""
        if not packages:
            return self.run_cmd("/usr/local/bin/pip3 install --no-cache-dir -r requirements.txt")
        names = _names(packages, "packages")
        if not names:
            raise InvalidTemplateError(
                "pip_install requires at least one package (or no arguments for requirements.txt)",
                field="packages",
            )
        return self.run_cmd("/usr/local/bin/pip3 install --no-cache-dir " + " ".join(names))

    def npm_install(self, *packages: str | list[str] | None) -> Self:
        """``npm install -g`` packages; without arguments, ``npm install`` (package.json)."""
        if not packages:
            return self.run_cmd("/usr/local/bin/npm install")
        names = _names(packages, "packages")
        if not names:
            raise InvalidTemplateError(
                "npm_install requires at least one package (or no arguments for package.json)",
                field="packages",
            )
        return self.run_cmd("/usr/local/bin/npm install -g " + " ".join(names))

    def go_install(self, packages: list[str]) -> Self:
        """``go install`` each package."""
        for name in _names([packages], "packages"):
            self.run_cmd(f"go install {name}")
        return self

    def cargo_install(self, packages: list[str]) -> Self:
        """``cargo install`` each crate."""
        for name in _names([packages], "packages"):
            self.run_cmd(f"cargo install {name}")
        return self

    def git_clone(self, url: str, dest: str) -> Self:
        """``git clone url dest``."""
        url, dest = _text(url, "url"), _text(dest, "dest")
        return self.run_cmd(f"git clone {shlex.quote(url)} {shlex.quote(dest)}")

    def skip_cache(self) -> Self:
        """Rebuild from the previous step on, ignoring the server's layer cache."""
        if not self.steps:
            raise InvalidTemplateError(
                "skip_cache() applies to the previous step: add a step first", field="steps"
            )
        self.steps[-1].skip_cache = True
        return self

    # ------------------------------------------------------------------ metadata, start

    def add_metadata(self, key: str, value: str) -> Self:
        """Build metadata; ``agent_version`` is sent with the build (other keys stay local)."""
        self._metadata[_text(key, "key")] = _text(value, "value")
        return self

    def get_metadata(self) -> dict[str, str]:
        return dict(self._metadata)

    def set_start_cmd(self, cmd: str, ready: ReadyCheck | None = None) -> Self:
        """The command started in every sandbox made from the template, and how to tell that
        it is ready (``wait_for_port(8000)``...)."""
        if ready is not None and not isinstance(ready, ReadyCheck):
            raise InvalidTemplateError(
                "ready must be a ReadyCheck (see wait_for_port, wait_for_url...)", field="ready"
            )
        self.start_cmd = _text(cmd, "cmd")
        self.ready_check = ready
        return self

    # ------------------------------------------------------------------ getters, build

    def get_from_image(self) -> str | None:
        return self.from_image

    def get_registry_auth(self) -> RegistryAuth | None:
        return self.registry_auth

    def get_steps(self) -> list[Step]:
        return self.steps

    def get_start_cmd(self) -> str | None:
        return self.start_cmd

    def get_ready_check(self) -> ReadyCheck | None:
        return self.ready_check

    @staticmethod
    async def build(template: Template, options: BuildOptions) -> BuildResult:
        """Build ``template`` and wait until it is active (see :class:`BuildOptions` for the
        deadlines). Raises :class:`hopx_ai.TemplateBuildError` if the build fails and
        :class:`hopx_ai.TimeoutError` if a deadline passes."""
        from .build_flow import build_template

        return await build_template(template, options)

    @staticmethod
    def build_sync(template: Template, options: BuildOptions) -> BuildResult:
        """:meth:`build` for blocking code: the blocking twin generated from the async build
        (``_sync/template_build.py``); same steps, errors and deadlines. ``on_log`` and
        ``on_progress`` are plain functions here."""
        from .build_flow import build_template_blocking

        return build_template_blocking(template, options)


def _service_account(value: Any) -> dict[str, Any]:
    """The service account key: a dict, a JSON key file path, or the JSON text itself."""
    field = "auth.service_account_json"
    if isinstance(value, dict):
        return value
    if not isinstance(value, str) or not value.strip():
        raise InvalidTemplateError(f"{field} must be a file path or a dict", field=field)
    text = value
    if not value.lstrip().startswith("{"):
        try:
            text = Path(value).read_text(encoding="utf-8")
        except OSError as error:
            raise InvalidTemplateError(
                f"{field}: cannot read the key file {value!r}: {error.strerror or error}",
                field=field,
            ) from error
    try:
        key = json.loads(text)
    except ValueError as error:
        raise InvalidTemplateError(f"{field}: not valid JSON ({error})", field=field) from error
    if not isinstance(key, dict):
        raise InvalidTemplateError(f"{field}: the key must be a JSON object", field=field)
    return key


def create_template(from_image: str | None = None) -> Template:
    """A new :class:`Template` (optionally from ``from_image``)."""
    return Template(from_image=from_image)
