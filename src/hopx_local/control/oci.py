"""Base images of template builds: OCI/Docker images pulled from a registry with skopeo.

Decision: skopeo (Debian's, a well-kept client of the registry protocol) does the talking to
registries: name normalisation (``python:3.12`` is ``docker.io/library/python:3.12``), token
and basic auth, manifest lists (the linux/amd64 image is taken), retries. It copies into one
OCI layout per server (``data_dir/cache/oci``), which keeps the compressed blobs by digest:
pulling an image again fetches only the blobs it does not have. The layers are then unpacked
here, in Python (``layer_unpack``), each once per digest into a read-only layer directory,
because the overlay root of a sandbox wants one directory per layer and overlayfs's own
whiteouts (umoci unpacks an image into one flattened tree, which would cache nothing per layer).

Credentials go to skopeo in an auth file of mode 0600 that is deleted after the call, never on
its command line (any local user can read argv).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import re
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

SKOPEO = "/usr/bin/skopeo"
COMMAND_TIMEOUT_S = 600
INSPECT_TIMEOUT_S = 30
DOCKER_HUB = "docker.io"
_LOOPBACK = re.compile(r"^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$")


class ImageError(Exception):
    """The base image cannot be had; ``message`` says why and what to do."""

    def __init__(self, message: str, *, reason: str = "image") -> None:
        super().__init__(message)
        self.message = message
        self.reason = reason
        """``not_found``, ``unauthorized``, ``unreachable``, ``invalid`` or ``image``."""


@attrs.frozen
class Credentials:
    username: str = attrs.field(repr=False)
    password: str = attrs.field(repr=False)


@attrs.frozen
class ImageConfig:
    """What a template takes from its base image."""

    reference: str
    """The image as pulled (``registry/repository:tag``)."""
    digest: str
    """The manifest's digest."""
    layers: tuple[tuple[str, str], ...]
    """(blob digest, media type) of each layer, lowest first."""
    env: tuple[tuple[str, str], ...] = ()
    cmd: tuple[str, ...] = ()
    entrypoint: tuple[str, ...] = ()
    workdir: str = ""
    user: str = ""


def split_reference(image: str) -> tuple[str, str]:
    """(registry host, rest) of an image name, Docker's rule: the first component is a
    registry when it has a dot or a port, or is localhost."""
    first, _, rest = image.partition("/")
    if rest and ("." in first or ":" in first or first == "localhost"):
        return first, rest
    return DOCKER_HUB, image


def resolve_reference(image: str, mirror: str | None = None) -> str:
    """The reference skopeo pulls (``docker://`` form), Docker Hub names through ``mirror``."""
    image = image.strip()
    if not image or any(ch.isspace() for ch in image) or image.startswith("-"):
        raise ImageError(
            f"'{image}' is not an image name (e.g. 'python:3.12-slim' or "
            "'registry.example.com/team/app:1.0')",
            reason="invalid",
        )
    registry, rest = split_reference(image)
    if registry == DOCKER_HUB and mirror:
        if "/" not in rest:
            rest = f"library/{rest}"
        registry = mirror.rstrip("/").removeprefix("http://").removeprefix("https://")
    last = rest.rsplit("/", 1)[-1]
    if ":" not in last and "@" not in last:
        rest = f"{rest}:latest"
    return f"{registry}/{rest}"


def _tls_flag(reference: str, insecure: Sequence[str], flag: str) -> list[str]:
    registry = reference.split("/", 1)[0]
    if _LOOPBACK.match(registry) or registry in insecure:
        return [f"{flag}=false"]
    return []


def _classify(stderr: str, reference: str) -> ImageError:
    text = stderr.strip().splitlines()[-1] if stderr.strip() else "skopeo failed"
    text = re.sub(r"^time=\S+ level=\w+ msg=", "", text).strip('"')
    lowered = stderr.lower()
    registry = reference.split("/", 1)[0]
    if "unauthorized" in lowered or "authentication required" in lowered or "denied" in lowered:
        return ImageError(
            f"The registry {registry} refused access to '{reference}': the image needs "
            "credentials, or the ones in registry_credentials are wrong "
            f"(registry said: {text})",
            reason="unauthorized",
        )
    if "manifest unknown" in lowered or "not found" in lowered or "name unknown" in lowered:
        return ImageError(
            f"The image '{reference}' does not exist in {registry}: check its name and tag "
            f"(registry said: {text})",
            reason="not_found",
        )
    if any(
        word in lowered
        for word in ("connection refused", "no such host", "timeout", "dial tcp", "network")
    ):
        return ImageError(
            f"The registry {registry} cannot be reached for '{reference}'; check the registry "
            f"name, or configure a mirror with `hopx-local serve --registry-mirror` ({text})",
            reason="unreachable",
        )
    return ImageError(f"Could not pull '{reference}': {text}")


class ImagePuller:
    """Pulls images into one OCI layout (blobs kept by digest) with skopeo."""

    def __init__(
        self,
        layout: Path,
        *,
        mirror: str | None = None,
        insecure_registries: Sequence[str] = (),
        skopeo: str = SKOPEO,
    ) -> None:
        self.layout = layout
        self.mirror = mirror
        self.insecure = tuple(insecure_registries)
        self.skopeo = skopeo
        self._lock = asyncio.Lock()

    def reference(self, image: str) -> str:
        return resolve_reference(image, self.mirror)

    async def _run(
        self, args: list[str], credentials: Credentials | None, reference: str, timeout: int
    ) -> bytes:
        with tempfile.TemporaryDirectory(prefix="hopx-auth-") as directory:
            auth_args: list[str] = []
            if credentials is not None:
                auth_file = Path(directory) / "auth.json"
                registry = reference.split("/", 1)[0]
                token = base64.b64encode(
                    f"{credentials.username}:{credentials.password}".encode()
                ).decode()
                fd = os.open(auth_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "w") as file:
                    json.dump({"auths": {registry: {"auth": token}}}, file)
                auth_args = ["--authfile", str(auth_file)]
            else:
                # No ambient credentials of the host's user (~/.docker, containers/auth.json).
                empty = Path(directory) / "none.json"
                empty.write_text('{"auths": {}}')
                auth_args = ["--authfile", str(empty)]
            command, *rest = args
            process = await asyncio.create_subprocess_exec(
                self.skopeo,
                "--command-timeout",
                f"{timeout}s",
                "--override-os",
                "linux",
                "--override-arch",
                "amd64",
                command,
                *auth_args,
                *rest,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
            )
            try:
                stdout, stderr = await asyncio.wait_for(process.communicate(), timeout + 10)
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    process.kill()
                await process.wait()
                raise ImageError(
                    f"Pulling '{reference}' did not finish within {timeout} s",
                    reason="unreachable",
                ) from None
            if process.returncode != 0:
                raise _classify(stderr.decode(errors="replace"), reference)
            return stdout

    async def check(self, image: str, credentials: Credentials | None) -> str:
        """That the image exists and may be pulled (its manifest is fetched); its reference."""
        reference = self.reference(image)
        await self._run(
            [
                "inspect",
                "--raw",
                *_tls_flag(reference, self.insecure, "--tls-verify"),
                f"docker://{reference}",
            ],
            credentials,
            reference,
            INSPECT_TIMEOUT_S,
        )
        return reference

    async def pull(self, image: str, credentials: Credentials | None) -> tuple[ImageConfig, Path]:
        """Copy the image into the layout; its config and the layout's blob directory."""
        reference = self.reference(image)
        self.layout.mkdir(parents=True, exist_ok=True)
        os.chmod(self.layout, 0o700)
        tag = re.sub(r"[^A-Za-z0-9._-]", "_", reference)[:120]
        async with self._lock:  # one writer of the layout's index.json at a time
            await self._run(
                [
                    "copy",
                    "--quiet",
                    *_tls_flag(reference, self.insecure, "--src-tls-verify"),
                    f"docker://{reference}",
                    f"oci:{self.layout}:{tag}",
                ],
                credentials,
                reference,
                COMMAND_TIMEOUT_S,
            )
            index = json.loads((self.layout / "index.json").read_text())
        manifest_digest = _find_ref(index, tag)
        manifest = json.loads(self._blob(manifest_digest).read_text())
        config = json.loads(self._blob(manifest["config"]["digest"]).read_text())
        return _image_config(reference, manifest_digest, manifest, config), self.layout

    def _blob(self, digest: str) -> Path:
        algorithm, _, hexdigest = digest.partition(":")
        if algorithm != "sha256" or not re.fullmatch(r"[a-f0-9]{64}", hexdigest):
            raise ImageError(f"The image has a blob of an unsupported digest {digest!r}")
        return self.layout / "blobs" / "sha256" / hexdigest

    def blob(self, digest: str) -> Path:
        return self._blob(digest)


def _find_ref(index: Mapping[str, Any], tag: str) -> str:
    for manifest in index.get("manifests", []):
        if manifest.get("annotations", {}).get("org.opencontainers.image.ref.name") == tag:
            return str(manifest["digest"])
    raise ImageError(f"skopeo copied the image but its layout has no reference {tag!r}")


def _image_config(
    reference: str, digest: str, manifest: Mapping[str, Any], config: Mapping[str, Any]
) -> ImageConfig:
    inner = config.get("config") or {}
    env: list[tuple[str, str]] = []
    for item in inner.get("Env") or []:
        name, _, value = str(item).partition("=")
        if name:
            env.append((name, value))
    return ImageConfig(
        reference=reference,
        digest=digest,
        layers=tuple(
            (str(layer["digest"]), str(layer.get("mediaType", "")))
            for layer in manifest.get("layers", [])
        ),
        env=tuple(env),
        cmd=tuple(str(part) for part in inner.get("Cmd") or ()),
        entrypoint=tuple(str(part) for part in inner.get("Entrypoint") or ()),
        workdir=str(inner.get("WorkingDir") or ""),
        user=str(inner.get("User") or ""),
    )
