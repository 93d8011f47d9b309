"""Screen recordings: ffmpeg's x11grab into an MP4 (H.264) or WebM (VP8) file, one at a time."""

from __future__ import annotations

import json
import secrets
import signal
import time
from dataclasses import dataclass
from pathlib import Path

from hopx_local.agent.desktop.procs import Service, poll_until, run_tool
from hopx_local.agent.desktop.xserver import XServer
from hopx_local.agent.errors import AgentFault

FORMATS = ("mp4", "webm")
QUALITIES = ("low", "medium", "high")
MEDIA_TYPES = {"mp4": "video/mp4", "webm": "video/webm"}

_X264_CRF = {"low": "35", "medium": "28", "high": "20"}
_VP8_BITRATE = {"low": "400k", "medium": "1M", "high": "3M"}


def encoder_args(video_format: str, quality: str) -> list[str]:
    if video_format == "mp4":
        return [
            "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency",
            "-crf", _X264_CRF[quality], "-pix_fmt", "yuv420p", "-movflags", "+faststart",
        ]  # fmt: skip
    return [
        "-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8",
        "-b:v", _VP8_BITRATE[quality], "-pix_fmt", "yuv420p",
    ]  # fmt: skip


@dataclass
class Recording:
    id: str
    format: str
    fps: int
    quality: str
    path: Path
    service: Service
    start_time: float
    end_time: float | None = None
    status: str = "recording"
    error: str | None = None
    video_duration: float | None = None
    """Duration of the finished file as ffprobe reads it."""

    @property
    def duration(self) -> float:
        if self.video_duration is not None:
            return self.video_duration
        end = self.end_time if self.end_time is not None else time.time()
        return round(max(end - self.start_time, 0.0), 3)

    @property
    def file_size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.format]


def recording_not_found(recording_id: str) -> AgentFault:
    return AgentFault(
        404,
        "NOT_FOUND",
        f"no recording with id {recording_id!r}",
        {"recording_id": recording_id},
    )


class Recorder:
    def __init__(self, x: XServer) -> None:
        self.x = x
        self.recordings: dict[str, Recording] = {}

    def active(self) -> Recording | None:
        for recording in self.recordings.values():
            if recording.status == "recording":
                return recording
        return None

    def get(self, recording_id: str) -> Recording:
        recording = self.recordings.get(recording_id)
        if recording is None:
            raise recording_not_found(recording_id)
        if recording.status == "recording" and not recording.service.running:
            self._mark_failed(recording, "the recorder exited on its own")
        return recording

    def _mark_failed(self, recording: Recording, why: str) -> None:
        recording.status = "failed"
        recording.end_time = recording.end_time or time.time()
        log = recording.service.log_path.read_text(errors="replace")[-500:].strip()
        recording.error = f"{why}: {log}" if log else why

    async def start(
        self, fps: int = 10, video_format: str = "mp4", quality: str = "medium"
    ) -> Recording:
        running = self.active()
        if running is not None and running.service.running:
            raise AgentFault(
                400,
                "INVALID_REQUEST",
                f"recording {running.id} is still running; stop it first (one at a time)",
                {"recording_id": running.id},
            )
        if running is not None:
            self._mark_failed(running, "the recorder exited on its own")
        recording_id = "rec_" + secrets.token_hex(8)
        directory = self.x.config.recordings_dir
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / f"{recording_id}.{video_format}"
        width, height = self.x.size
        argv = [
            "ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
            "-f", "x11grab", "-framerate", str(fps), "-video_size", f"{width}x{height}",
            "-i", self.x.display_name,
            "-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2",
            *encoder_args(video_format, quality),
            "-r", str(fps), str(path),
        ]  # fmt: skip
        service = Service("ffmpeg-recording", argv, self.x.env(), directory / f"{recording_id}.log")
        recording = Recording(
            recording_id, video_format, fps, quality, path, service, service.started_at
        )
        self.recordings[recording_id] = recording

        async def writing() -> bool:
            if not service.running:
                self._mark_failed(recording, "the recorder could not start")
                raise AgentFault(
                    500, "INTERNAL_ERROR", recording.error or "ffmpeg failed", {"program": "ffmpeg"}
                )
            return path.exists()

        await poll_until(writing, 10.0, what="the recorder to open its file")
        return recording

    async def stop(self, recording_id: str) -> Recording:
        """Stop (ffmpeg finalises the file on SIGINT) and read the file's real duration."""
        recording = self.get(recording_id)
        if recording.status != "recording":
            return recording
        service = recording.service
        service.send_signal(signal.SIGINT)
        finished = await service.wait(15.0)
        recording.end_time = time.time()
        if not finished:
            await service.stop(signal.SIGKILL)
            self._mark_failed(recording, "the recorder did not finish the file in time")
            return recording
        await service.stop()
        probe = await run_tool(
            [
                "ffprobe", "-v", "error", "-show_entries", "format=duration",
                "-of", "json", str(recording.path),
            ],
            self.x.env(),
            timeout=20,
            check=False,
        )  # fmt: skip
        try:
            recording.video_duration = round(
                float(json.loads(probe.stdout)["format"]["duration"]), 3
            )
        except (ValueError, KeyError, TypeError):
            self._mark_failed(recording, f"the video file is not readable ({probe.stderr})")
            return recording
        recording.status = "stopped"
        return recording

    def downloadable(self, recording_id: str) -> Recording:
        recording = self.get(recording_id)
        if recording.status == "recording":
            raise AgentFault(
                400,
                "INVALID_REQUEST",
                f"recording {recording_id} is still running; stop it before downloading",
                {"recording_id": recording_id},
            )
        if not recording.path.is_file():
            raise AgentFault(
                404,
                "NOT_FOUND",
                f"recording {recording_id} has no file",
                {"recording_id": recording_id},
            )
        return recording

    def services(self) -> list[Service]:
        return [r.service for r in self.recordings.values()]

    async def close(self) -> None:
        for recording in self.recordings.values():
            if recording.status == "recording":
                await self.stop(recording.id)
