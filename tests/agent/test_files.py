"""Files API: round trips (text, every byte value, 50 MB), errors, and path confinement."""

from __future__ import annotations

import base64
import hashlib
import io
import os
from typing import Any

import httpx
import pytest

from .conftest import RunningAgent

ALL_BYTES = bytes(range(256)) * 4


def test_text_round_trip(api: httpx.Client, conforms: Any) -> None:
    written = api.post("/files/write", json={"path": "notes/hello.txt", "content": "h\u00e9llo\n"})
    assert written.status_code == 200, written.text
    conforms("FileResponse", written.json())
    assert written.json()["path"] == "/workspace/notes/hello.txt"  # relative -> /workspace
    assert written.json()["size"] == len("h\u00e9llo\n".encode())
    read = api.get("/files/read", params={"path": "/workspace/notes/hello.txt"}).json()
    conforms("FileContentResponse", read)
    assert (read["content"], read["encoding"]) == ("h\u00e9llo\n", "utf-8")


def test_every_byte_value_round_trips(api: httpx.Client, agent: RunningAgent) -> None:
    content = base64.b64encode(ALL_BYTES).decode()
    response = api.post(
        "/files/write",
        json={"path": "/workspace/bytes.bin", "content": content, "encoding": "base64"},
    )
    assert response.json()["size"] == len(ALL_BYTES)
    assert (agent.workspace / "bytes.bin").read_bytes() == ALL_BYTES
    download = api.get("/files/download", params={"path": "/workspace/bytes.bin"})
    assert download.content == ALL_BYTES
    assert download.headers["content-type"] == "application/octet-stream"
    assert download.headers["content-length"] == str(len(ALL_BYTES))
    assert download.headers["content-disposition"] == 'attachment; filename="bytes.bin"'
    as_base64 = api.get("/files/read", params={"path": "bytes.bin", "encoding": "base64"}).json()
    assert base64.b64decode(as_base64["content"]) == ALL_BYTES


def test_binary_file_read_as_text_points_to_download(api: httpx.Client, expect_error: Any) -> None:
    api.post(
        "/files/write",
        json={"path": "blob.bin", "content": base64.b64encode(b"\xff\xfe\x00").decode(),
              "encoding": "base64"},
    )  # fmt: skip
    error = expect_error(
        api.get("/files/read", params={"path": "blob.bin"}), 400, "INVALID_REQUEST"
    )
    assert "/files/download" in error["error"]


def test_text_that_looks_like_base64_is_not_decoded(api: httpx.Client) -> None:
    api.post("/files/write", json={"path": "abcd.txt", "content": "abcd"})
    assert api.get("/files/download", params={"path": "abcd.txt"}).content == b"abcd"


def test_50_mb_upload_and_download(api: httpx.Client, agent: RunningAgent) -> None:
    payload = os.urandom(50 * 1024 * 1024)
    response = api.post(
        "/files/upload",
        # a file object: httpx then sends it in chunks (one 50 MB bytes chunk is resent
        # quadratically by httpcore's partial-write loop)
        files={"file": ("big.bin", io.BytesIO(payload), "application/octet-stream")},
        data={"path": "/workspace/big/big.bin"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["size"] == len(payload)
    digest = hashlib.sha256()
    size = 0
    with api.stream("GET", "/files/download", params={"path": "/workspace/big/big.bin"}) as stream:
        assert stream.headers["content-length"] == str(len(payload))
        for chunk in stream.iter_bytes():
            digest.update(chunk)
            size += len(chunk)
    assert (size, digest.hexdigest()) == (len(payload), hashlib.sha256(payload).hexdigest())
    api.delete("/files/remove", params={"path": "/workspace/big"})


def test_upload_into_a_directory_keeps_the_filename(api: httpx.Client, agent: RunningAgent) -> None:
    api.post("/files/mkdir", json={"path": "/workspace/uploads"})
    response = api.post(
        "/files/upload", files={"file": ("data.csv", b"a,b\n1,2\n")}, data={"path": "uploads"}
    )
    assert response.json()["path"] == "/workspace/uploads/data.csv"
    assert (agent.workspace / "uploads" / "data.csv").read_bytes() == b"a,b\n1,2\n"
    default = api.post("/files/upload", files={"file": ("plain.txt", b"x")})
    assert default.json()["path"] == "/workspace/plain.txt"


def test_upload_of_a_nameless_part_onto_a_directory_is_the_documented_409(
    api: httpx.Client, expect_error: Any
) -> None:
    """Found by schemathesis: a part without a filename has no name to take inside it."""
    api.post("/files/mkdir", json={"path": "/workspace/target-dir"})
    response = api.post(
        "/files/upload", files={"file": (None, b"text")}, data={"path": "/workspace/target-dir"}
    )
    expect_error(response, 409, "FILE_ALREADY_EXISTS")


def test_listing_shows_special_mode_bits_in_the_documented_form(
    api: httpx.Client, agent: RunningAgent, conforms: Any
) -> None:
    """Found by schemathesis: a sticky directory (/tmp's 1777) was listed as `1777`."""
    sticky = agent.workspace / "sticky"
    sticky.mkdir()
    sticky.chmod(0o1777)
    listing = api.get("/files/list", params={"path": "/workspace"}).json()
    conforms("FileListResponse", listing)
    modes = {entry["name"]: entry["permissions"] for entry in listing["files"]}
    assert modes["sticky"] == "01777"


def test_upload_without_file_part(api: httpx.Client, expect_error: Any) -> None:
    response = api.post("/files/upload", files={"other": ("x", b"x")}, data={"path": "p"})
    expect_error(response, 400, "MISSING_PARAMETER")


def test_upload_of_a_part_without_filename(
    api: httpx.Client, agent: RunningAgent, expect_error: Any
) -> None:
    # Found by the contract suite: a `file` part without filename (RFC 7578 makes it optional)
    # was refused, and an empty one counted as missing.
    response = api.post("/files/upload", files={"file": (None, b"")}, data={"path": "empty.txt"})
    assert response.status_code == 200, response.text
    assert (agent.workspace / "empty.txt").read_bytes() == b""
    api.post("/files/upload", files={"file": (None, "h\u00e9".encode())}, data={"path": "t.txt"})
    assert (agent.workspace / "t.txt").read_bytes() == "h\u00e9".encode()
    nowhere = api.post("/files/upload", files={"file": (None, b"x")})
    expect_error(nowhere, 400, "INVALID_REQUEST")
    assert nowhere.json()["details"]["field"] == "path"


def test_upload_with_two_file_parts_is_refused(api: httpx.Client, expect_error: Any) -> None:
    # Found by the contract suite: one of two `file` parts was stored, the other dropped.
    parts = [("file", ("a.txt", b"1")), ("file", ("b.txt", b"2"))]
    response = api.post("/files/upload", files=parts, data={"path": "two.txt"})
    expect_error(response, 400, "INVALID_REQUEST")
    assert response.json()["details"]["field"] == "file"


def test_write_mode_and_overwrite(
    api: httpx.Client, agent: RunningAgent, expect_error: Any
) -> None:
    api.post("/files/write", json={"path": "run.sh", "content": "#!/bin/sh\n", "mode": "0755"})
    assert (agent.workspace / "run.sh").stat().st_mode & 0o777 == 0o755
    response = api.post(
        "/files/write", json={"path": "run.sh", "content": "other", "overwrite": False}
    )
    expect_error(response, 409, "FILE_ALREADY_EXISTS")
    assert (agent.workspace / "run.sh").read_text() == "#!/bin/sh\n"
    leftovers = [p for p in os.listdir(agent.workspace) if p.startswith(".run.sh.")]
    assert leftovers == []


def test_bad_base64(api: httpx.Client, expect_error: Any) -> None:
    response = api.post(
        "/files/write", json={"path": "x.bin", "content": "not base64!", "encoding": "base64"}
    )
    expect_error(response, 400, "INVALID_REQUEST")


def test_list_exists_mkdir_remove(api: httpx.Client, conforms: Any, expect_error: Any) -> None:
    assert api.post("/files/mkdir", json={"path": "tree/a/b"}).status_code == 200
    again = api.post("/files/mkdir", json={"path": "tree/a/b"})
    assert again.status_code == 200  # idempotent
    api.post("/files/write", json={"path": "tree/a/file.txt", "content": "12345"})
    listing = api.get("/files/list", params={"path": "/workspace/tree/a"}).json()
    conforms("FileListResponse", listing)
    assert [(f["name"], f["is_directory"], f["size"]) for f in listing["files"]][1] == (
        "file.txt",
        False,
        5,
    )
    assert listing["files"][1]["permissions"] == "0644"
    exists = api.get("/files/exists", params={"path": "tree/a/file.txt"}).json()
    conforms("FileExistsResponse", exists)
    assert exists == {"path": "/workspace/tree/a/file.txt", "exists": True, "is_directory": False}
    assert api.get("/files/exists", params={"path": "tree/none"}).json()["exists"] is False
    refused = api.delete("/files/remove", params={"path": "tree", "recursive": "false"})
    expect_error(refused, 400, "INVALID_REQUEST")
    removed = api.delete("/files/remove", params={"path": "tree"})
    assert removed.status_code == 200
    conforms("FileResponse", removed.json())
    assert api.get("/files/exists", params={"path": "tree"}).json()["exists"] is False


def test_mkdir_without_parents(api: httpx.Client, expect_error: Any) -> None:
    response = api.post("/files/mkdir", json={"path": "no/such/parent", "parents": False})
    expect_error(response, 404, "DIRECTORY_NOT_FOUND")
    api.post("/files/write", json={"path": "afile", "content": ""})
    expect_error(api.post("/files/mkdir", json={"path": "afile"}), 409, "FILE_ALREADY_EXISTS")


@pytest.mark.parametrize(
    ("method", "path", "params", "status", "code"),
    [
        ("GET", "/files/read", {"path": "missing.txt"}, 404, "FILE_NOT_FOUND"),
        ("GET", "/files/download", {"path": "missing.txt"}, 404, "FILE_NOT_FOUND"),
        ("DELETE", "/files/remove", {"path": "missing.txt"}, 404, "FILE_NOT_FOUND"),
        ("GET", "/files/list", {"path": "missing-dir"}, 404, "DIRECTORY_NOT_FOUND"),
        ("GET", "/files/read", {"path": "/workspace"}, 400, "INVALID_PATH"),
        ("GET", "/files/download", {"path": "/workspace"}, 400, "INVALID_PATH"),
        ("GET", "/files/read", {}, 400, "MISSING_PARAMETER"),
    ],
)
def test_file_errors(
    api: httpx.Client, expect_error: Any, method: str, path: str, params: Any, status: int,
    code: str,
) -> None:  # fmt: skip
    expect_error(api.request(method, path, params=params), status, code)


def test_writing_onto_a_directory(api: httpx.Client, expect_error: Any) -> None:
    # Schemathesis found this as a 400 for a schema-valid request; the state is what conflicts.
    response = api.post("/files/write", json={"path": "/workspace", "content": "x"})
    expect_error(response, 409, "FILE_ALREADY_EXISTS")


# ------------------------------------------------------------------------ confinement
ESCAPES = [
    "../etc/passwd",
    "/etc/passwd",
    "/workspace/../etc/passwd",
    "/workspace/../../../../etc/shadow",
    "/proc/self/environ",
    "/run/hopx/token.key",
    "/",
]


@pytest.mark.parametrize("path", ESCAPES)
def test_paths_outside_the_roots_are_refused(
    api: httpx.Client, expect_error: Any, path: str
) -> None:
    body = expect_error(api.get("/files/read", params={"path": path}), 403, "PATH_NOT_ALLOWED")
    assert "root:" not in str(body)
    expect_error(api.get("/files/exists", params={"path": path}), 403, "PATH_NOT_ALLOWED")
    expect_error(api.get("/files/download", params={"path": path}), 403, "PATH_NOT_ALLOWED")


def test_writes_outside_are_refused(api: httpx.Client, expect_error: Any) -> None:
    for path in ("/usr/local/hopx-test", "../outside.txt", "/etc/hopx-test"):
        response = api.post("/files/write", json={"path": path, "content": "x"})
        expect_error(response, 403, "PATH_NOT_ALLOWED")
        assert not os.path.exists(path)
    expect_error(api.post("/files/mkdir", json={"path": "/opt/x"}), 403, "PATH_NOT_ALLOWED")
    expect_error(
        api.delete("/files/remove", params={"path": "/workspace"}), 403, "PATH_NOT_ALLOWED"
    )
    expect_error(api.get("/files/list", params={"path": "/"}), 403, "PATH_NOT_ALLOWED")


def test_symlinks_pointing_out_are_refused(
    api: httpx.Client, agent: RunningAgent, expect_error: Any
) -> None:
    api.post("/commands/run", json={"command": "ln -sfn /etc etc-link; ln -sf /etc/passwd pw"})
    for path in ("etc-link/passwd", "pw", "/workspace/etc-link/hostname"):
        expect_error(api.get("/files/read", params={"path": path}), 403, "PATH_NOT_ALLOWED")
    response = api.post("/files/write", json={"path": "etc-link/evil", "content": "x"})
    expect_error(response, 403, "PATH_NOT_ALLOWED")
    listing = api.get("/files/list", params={"path": "/workspace"}).json()
    link = next(f for f in listing["files"] if f["name"] == "etc-link")
    assert (link["is_symlink"], link["is_directory"]) == (True, True)
    assert api.delete("/files/remove", params={"path": "pw"}).status_code == 200
    assert os.path.exists("/etc/passwd")  # the link went, not its target


def test_the_scratch_root_is_usable(api: httpx.Client, agent: RunningAgent) -> None:
    path = str(agent.scratch / "s.txt")
    assert api.post("/files/write", json={"path": path, "content": "ok"}).status_code == 200
    assert api.get("/files/read", params={"path": path}).json()["content"] == "ok"


def test_read_limit_points_to_download(
    api: httpx.Client, agent: RunningAgent, expect_error: Any
) -> None:
    big = agent.workspace / "huge.txt"
    with open(big, "wb") as out:
        out.truncate(64 * 1024 * 1024 + 1)  # sparse: no 64 MiB written for real
    error = expect_error(
        api.get("/files/read", params={"path": "huge.txt"}), 413, "PAYLOAD_TOO_LARGE"
    )
    assert error["details"]["limit_bytes"] == 64 * 1024 * 1024
    assert error["details"]["size_bytes"] == 64 * 1024 * 1024 + 1
    assert "/files/download" in error["error"]
    big.unlink()


def test_download_of_a_file_named_with_control_characters(api: httpx.Client) -> None:
    # Found by schemathesis: the name went into Content-Disposition as is and the server
    # dropped the connection instead of answering.
    path = "/workspace/odd\x1f\u00e9name"
    api.post("/files/write", json={"path": path, "content": "payload"}).raise_for_status()
    response = api.get("/files/download", params={"path": path})
    assert response.status_code == 200
    assert response.content == b"payload"
    disposition = response.headers["content-disposition"]
    assert 'filename="odd__name"' in disposition
    assert "filename*=UTF-8''odd%1F%C3%A9name" in disposition


@pytest.mark.parametrize("name", ["\x1f", "a\x1fb", "\u2003"])
def test_names_that_python_calls_whitespace_are_names(
    api: httpx.Client, agent: RunningAgent, name: str
) -> None:
    # Found by the contract suite: a file written as /workspace/"\x1f" answered 400 "The path
    # is empty" when read back by its relative name (str.strip() removes \x1c-\x1f).
    written = api.post("/files/write", json={"path": f"/workspace/{name}", "content": "x"})
    assert written.status_code == 200, written.text
    read = api.get("/files/read", params={"path": name})
    assert (read.status_code, read.json()["content"]) == (200, "x")
    assert api.delete("/files/remove", params={"path": name}).status_code == 200
    assert not (agent.workspace / name).exists()
