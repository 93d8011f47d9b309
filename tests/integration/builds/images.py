"""Test images made here and pushed to the test registry with skopeo: a busybox-static one
(no libc at all), a musl one (busybox plus musl's loader and a program linked against it), and
a Debian-like one with Python and pip (this host's interpreter, standard library and the
libraries they link)."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import shutil
import subprocess
import tarfile
import zipfile
from base64 import urlsafe_b64encode
from collections.abc import Sequence
from pathlib import Path

from tests.integration.builds.registry import Registry

SKOPEO = "/usr/bin/skopeo"
BUSYBOX = "/usr/bin/busybox"
MUSL_GCC = "/usr/bin/musl-gcc"
HOST_PYTHON = Path(os.path.realpath("/usr/bin/python3"))
PYTHON_VERSION = HOST_PYTHON.name.removeprefix("python")
STDLIB_SKIPS = {"test", "idlelib", "tkinter", "turtledemo", "ensurepip", "lib2to3", "pydoc_data"}


def _tar_layer(root: Path, blobs: Path) -> tuple[str, str, int]:
    """(digest, diff_id, size) of the gzip layer of ``root`` (owners 0:0), written to blobs."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for path in sorted(root.rglob("*")):
            info = tar.gettarinfo(str(path), arcname=str(path.relative_to(root)))
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            if info.isreg():
                with path.open("rb") as file:
                    tar.addfile(info, file)
            else:
                tar.addfile(info)
    data = raw.getvalue()
    diff_id = "sha256:" + hashlib.sha256(data).hexdigest()
    compressed = gzip.compress(data, compresslevel=1, mtime=0)
    digest = hashlib.sha256(compressed).hexdigest()
    (blobs / digest).write_bytes(compressed)
    return f"sha256:{digest}", diff_id, len(compressed)


def _blob(blobs: Path, data: bytes) -> tuple[str, int]:
    digest = hashlib.sha256(data).hexdigest()
    (blobs / digest).write_bytes(data)
    return f"sha256:{digest}", len(data)


def push_image(
    registry: Registry,
    name: str,
    layers: Sequence[Path],
    work: Path,
    *,
    env: Sequence[str] = ("PATH=/usr/local/bin:/usr/bin:/bin",),
    cmd: Sequence[str] = (),
) -> str:
    """Push an image of ``layers`` (root directories, lowest first); its reference."""
    layout = work / f"layout-{name.replace('/', '_').replace(':', '_')}"
    shutil.rmtree(layout, ignore_errors=True)
    blobs = layout / "blobs" / "sha256"
    blobs.mkdir(parents=True)
    (layout / "oci-layout").write_text('{"imageLayoutVersion": "1.0.0"}')
    made = [_tar_layer(layer, blobs) for layer in layers]
    config = {
        "architecture": "amd64",
        "os": "linux",
        "config": {"Env": list(env), "Cmd": list(cmd)},
        "rootfs": {"type": "layers", "diff_ids": [diff_id for _, diff_id, _ in made]},
    }
    config_digest, config_size = _blob(blobs, json.dumps(config).encode())
    manifest = {
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {
            "mediaType": "application/vnd.oci.image.config.v1+json",
            "digest": config_digest,
            "size": config_size,
        },
        "layers": [
            {
                "mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
                "digest": digest,
                "size": size,
            }
            for digest, _, size in made
        ],
    }
    manifest_digest, manifest_size = _blob(blobs, json.dumps(manifest).encode())
    index = {
        "schemaVersion": 2,
        "manifests": [
            {
                "mediaType": "application/vnd.oci.image.manifest.v1+json",
                "digest": manifest_digest,
                "size": manifest_size,
                "annotations": {"org.opencontainers.image.ref.name": "latest"},
            }
        ],
    }
    (layout / "index.json").write_text(json.dumps(index))
    reference = f"{registry.host}/{name}"
    credentials = (
        ["--dest-creds", f"{registry.username}:{registry.password}"] if registry.username else []
    )
    subprocess.run(
        [
            SKOPEO,
            "copy",
            "--quiet",
            "--dest-tls-verify=false",
            *credentials,
            f"oci:{layout}:latest",
            f"docker://{reference}",
        ],
        check=True,
        capture_output=True,
    )
    return reference


# --------------------------------------------------------------------------- roots


def busybox_root(root: Path) -> Path:
    """/bin/busybox with its applets, /etc/passwd: no libc, no Python."""
    bin_dir = root / "bin"
    bin_dir.mkdir(parents=True)
    shutil.copy2(BUSYBOX, bin_dir / "busybox")
    applets = subprocess.run(
        [BUSYBOX, "--list"], capture_output=True, text=True, check=True
    ).stdout.split()
    for applet in applets:
        if applet != "busybox":
            os.symlink("busybox", bin_dir / applet)
    etc = root / "etc"
    etc.mkdir()
    (etc / "passwd").write_text(
        "root:x:0:0:root:/root:/bin/sh\nuser:x:1000:1000::/home/user:/bin/sh\n"
    )
    (etc / "group").write_text("root:x:0:\nuser:x:1000:\n")
    (etc / "motd").write_text("removed by the next layer\n")
    return root


def whiteout_layer(root: Path) -> Path:
    """A second layer deleting /etc/motd (an OCI whiteout)."""
    (root / "etc").mkdir(parents=True)
    (root / "etc" / ".wh.motd").write_text("")
    (root / "etc" / "image-release").write_text("busybox-test 1\n")
    return root


def musl_root(root: Path, work: Path) -> Path:
    """musl's loader and a program linked against it (on top of busybox_root)."""
    source = work / "hello.c"
    source.write_text('#include <stdio.h>\nint main(void){puts("hello from musl");return 0;}\n')
    program = root / "usr" / "bin" / "hello-musl"
    program.parent.mkdir(parents=True)
    subprocess.run([MUSL_GCC, "-O1", "-o", str(program), str(source)], check=True)
    loader = Path("/lib/ld-musl-x86_64.so.1")
    lib = root / "lib"
    lib.mkdir()
    shutil.copy2(os.path.realpath(loader), lib / loader.name)
    return root


def _libraries(paths: Sequence[Path]) -> set[Path]:
    found: set[Path] = set()
    for path in paths:
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True).stdout
        for line in out.splitlines():
            parts = line.split()
            if "=>" in parts and len(parts) > 2 and parts[2].startswith("/"):
                found.add(Path(parts[2]))
            elif parts and parts[0].startswith("/"):
                found.add(Path(parts[0]))
    return found


def python_root(root: Path) -> Path:
    """This host's Python (interpreter, standard library, pip, the libraries they link) in a
    merged-/usr layout, on top of busybox_root."""
    usr = root / "usr"
    (usr / "bin").mkdir(parents=True)
    shutil.copy2(HOST_PYTHON, usr / "bin" / HOST_PYTHON.name)
    os.symlink(HOST_PYTHON.name, usr / "bin" / "python3")
    stdlib = Path(f"/usr/lib/python{PYTHON_VERSION}")
    shutil.copytree(
        stdlib,
        usr / "lib" / stdlib.name,
        symlinks=True,
        ignore=lambda directory, names: [
            n
            for n in names
            if (directory == str(stdlib) and n in STDLIB_SKIPS) or n == "EXTERNALLY-MANAGED"
        ],
    )
    dist = usr / "lib" / "python3" / "dist-packages"
    dist.mkdir(parents=True)
    shutil.copytree("/usr/lib/python3/dist-packages/pip", dist / "pip", symlinks=True)
    extensions = list((stdlib / "lib-dynload").glob("*.so"))
    for library in _libraries([HOST_PYTHON, *extensions]):
        real = Path(os.path.realpath(library))
        target = usr / "lib" / "x86_64-linux-gnu" / library.name
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            shutil.copy2(real, target)
    (root / "lib64").mkdir()
    os.symlink(
        "/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", root / "lib64" / "ld-linux-x86-64.so.2"
    )
    return root


def python_image_layers(work: Path) -> list[Path]:
    """busybox as the lower layer (no /lib: it is /usr/lib here), Python above."""
    lower = busybox_root(work / "py-busybox")
    os.symlink("usr/lib", lower / "lib")
    return [lower, python_root(work / "py-python")]


def wheel(directory: Path, name: str, version: str, value: str) -> Path:
    """A pure-Python wheel of a package ``name`` whose ``VALUE`` is ``value``."""
    dist_info = f"{name}-{version}.dist-info"
    files = {
        f"{name}/__init__.py": f"VALUE = {value!r}\n",
        f"{dist_info}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
        f"{dist_info}/WHEEL": (
            "Wheel-Version: 1.0\nGenerator: hopx-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
        ),
    }
    record = []
    for member, text in files.items():
        digest = urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
        record.append(f"{member},sha256={digest},{len(text.encode())}")
    record.append(f"{dist_info}/RECORD,,")
    files[f"{dist_info}/RECORD"] = "\n".join(record) + "\n"
    path = directory / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as archive:
        for member, text in files.items():
            archive.writestr(member, text)
    return path
