"""Screen recordings are real, playable video files."""

from __future__ import annotations

import json
import subprocess
import time
from typing import Any

import pytest

from hopx_local.agent.errors import AgentFault

from .conftest import Desktop


def _probe(path: str) -> Any:
    result = subprocess.run(
        ["ffprobe", "-v", "error", "-show_streams", "-show_format", "-of", "json", path],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def _record_while_moving(
    desktop: Desktop, seconds: float, fps: int, video_format: str, quality: str = "medium"
) -> str:
    engine = desktop.engine
    recording = desktop.run(engine.recorder.start(fps, video_format, quality))
    assert recording.status == "recording"
    deadline = time.monotonic() + seconds
    step = 0
    while time.monotonic() < deadline:  # something moves on screen while recording
        step += 1
        desktop.run(engine.input.move(100 + (step * 37) % 600, 100 + (step * 23) % 400))
    return recording.id


def test_mp4_recording_plays_for_its_duration(desktop: Desktop) -> None:
    recorder = desktop.engine.recorder
    recording_id = _record_while_moving(desktop, 2.0, fps=10, video_format="mp4")

    with pytest.raises(AgentFault) as running:
        recorder.downloadable(recording_id)
    assert running.value.status == 400

    stopped = desktop.run(recorder.stop(recording_id))
    assert stopped.status == "stopped", stopped.error
    assert stopped.end_time is not None
    assert stopped.file_size > 0

    probe = _probe(str(stopped.path))
    video = [s for s in probe["streams"] if s["codec_type"] == "video"]
    assert video and video[0]["codec_name"] == "h264"
    duration = float(probe["format"]["duration"])
    assert duration > 1.0
    assert stopped.duration == pytest.approx(duration, abs=0.01)

    assert recorder.downloadable(recording_id).media_type == "video/mp4"
    # Stopping again answers the same, finished recording.
    assert desktop.run(recorder.stop(recording_id)).status == "stopped"


def test_webm_recording(desktop: Desktop) -> None:
    recorder = desktop.engine.recorder
    recording_id = _record_while_moving(desktop, 1.2, fps=5, video_format="webm", quality="low")
    stopped = desktop.run(recorder.stop(recording_id))
    assert stopped.status == "stopped", stopped.error
    probe = _probe(str(stopped.path))
    assert probe["streams"][0]["codec_name"] == "vp8"
    assert recorder.downloadable(recording_id).media_type == "video/webm"


def test_one_recording_at_a_time_and_unknown_ids(desktop: Desktop) -> None:
    recorder = desktop.engine.recorder
    first = desktop.run(recorder.start())
    try:
        with pytest.raises(AgentFault) as busy:
            desktop.run(recorder.start())
        assert busy.value.status == 400
        assert busy.value.details["recording_id"] == first.id
    finally:
        desktop.run(recorder.stop(first.id))
    with pytest.raises(AgentFault) as unknown:
        recorder.get("rec_missing")
    assert (unknown.value.status, unknown.value.code) == (404, "NOT_FOUND")
