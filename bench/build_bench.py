"""Template builds on hopx-local: a cold build, a fully cached rebuild, and a rebuild after
one copied file changed, timed side by side through the SDK (``Template.build_sync``).

The image (Python on a Debian-like root, made by the build tests' helpers) is pushed to a
docker-registry on loopback; its layers are pulled once, before the first timing, so the
figures are of the steps: ``cold`` runs every step (``skip_cache``, a template of its own),
``cached`` takes every step from the layer cache, ``one file changed`` reruns only the steps
from the COPY of that file on. Bounded: a few repeats, each build with a 300 s deadline.
"""

from __future__ import annotations

import shutil
import tempfile
import time
import uuid
from pathlib import Path

import httpx

from bench.figures import Report
from hopx_ai.template import BuildOptions, Template
from hopx_local.launcher import RunningServer
from tests.integration.builds import images
from tests.integration.builds.registry import running_registry

BUILD_DEADLINE_S = 300.0
FIGURES = (
    "build: cold (every step runs)",
    "build: fully cached rebuild",
    "build: rebuild after one copied file changed",
)
TOOLS = ("/usr/bin/skopeo", "/usr/bin/docker-registry", "/usr/bin/busybox")


def _template(image: str) -> Template:
    return (
        Template(from_image=image)
        .copy("pkg", "/pkg")
        .run_cmd(
            "python3 -m pip install --no-index --no-cache-dir /pkg/benchpkg-0.1-py3-none-any.whl"
        )
        .run_cmd("python3 -c 'import benchpkg' && mkdir -p /opt/data")
        .copy("app", "/app")
        .run_cmd("python3 -m compileall -q /app")
    )


def _build(server: RunningServer, name: str, image: str, context: Path, **extra: object) -> float:
    options = BuildOptions(
        name=name,
        api_key=server.api_key,
        base_url=server.base_url,
        cpu=1,
        memory=512,
        disk_gb=2,
        context_path=str(context),
        build_timeout=BUILD_DEADLINE_S,
        template_activation_timeout=60,
        poll_interval=0.05,
        show_progress=False,
        **extra,  # type: ignore[arg-type]
    )
    started = time.perf_counter()
    Template.build_sync(_template(image), options)
    return (time.perf_counter() - started) * 1000.0


def _delete_template(server: RunningServer, name: str) -> None:
    headers = {"X-API-Key": server.api_key}
    httpx.delete(f"{server.base_url}/v1/templates/{name}", headers=headers, timeout=60)


def scenario(report: Report, server: RunningServer) -> None:
    missing = [tool for tool in TOOLS if not Path(tool).exists()]
    if missing:
        report.notes.append(f"build bench skipped: {', '.join(missing)} missing (make sysdeps)")
        return
    repeats = 2 if report.quick else 4
    with tempfile.TemporaryDirectory(prefix="hopx-bench-build-") as scratch:
        work = Path(scratch)
        with running_registry(work / "registry") as registry:
            image = images.push_image(
                registry, "bench/python:1", images.python_image_layers(work / "image"), work
            )
            context = work / "context"
            (context / "pkg").mkdir(parents=True)
            images.wheel(context / "pkg", "benchpkg", "0.1", "bench")
            (context / "app").mkdir()
            (context / "app" / "main.py").write_text("print('v0')\n")
            name = f"bench-build-{uuid.uuid4().hex[:8]}"
            _build(server, name, image, context)  # pulls the image; not timed
            cold, cached, changed = [], [], []
            for index in range(repeats):
                # A template of its own, so the main one's cached layers stay in use.
                fresh = f"{name}-cold{index}"
                cold.append(_build(server, fresh, image, context, skip_cache=True))
                _delete_template(server, fresh)
                cached.append(_build(server, name, image, context, update=True))
                (context / "app" / "main.py").write_text(f"print('v{index + 1}')\n")
                changed.append(_build(server, name, image, context, update=True))
            _delete_template(server, name)
            shutil.rmtree(work / "image", ignore_errors=True)
    for figure, samples in zip(FIGURES, (cold, cached, changed), strict=True):
        report.add(figure, "ms", samples)
    report.ratio(
        "build cached / cold",
        "build: fully cached rebuild",
        "build: cold (every step runs)",
        "< 1 (the cache saves time)",
        lambda value: value < 1.0,
    )
    report.ratio(
        "build one file changed / cold",
        "build: rebuild after one copied file changed",
        "build: cold (every step runs)",
        "< 1 (only the steps from the changed COPY on rerun)",
        lambda value: value < 1.0,
    )
    medians = [report.figures[name].median for name in FIGURES]
    print(
        "build (median ms): cold {:.0f} | cached {:.0f} | one file changed {:.0f}".format(*medians)
    )
