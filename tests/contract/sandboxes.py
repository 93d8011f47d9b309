"""The few raw control-plane calls the contract runner makes itself (httpx, no SDK).

Creating the sandbox whose agent is tested, removing leftovers, and checking that the server and
the agent still work after being fuzzed.
"""

from __future__ import annotations

import attrs
import httpx

TIMEOUT = httpx.Timeout(120, connect=10)


class SurvivalError(Exception):
    """The server (or agent) no longer answers as it should after a suite."""


@attrs.frozen
class Sandbox:
    id: str
    public_host: str
    token: str = attrs.field(repr=False)


@attrs.frozen
class ControlPlane:
    base_url: str
    api_key: str = attrs.field(repr=False)

    def _client(self) -> httpx.Client:
        return httpx.Client(
            base_url=self.base_url, headers={"X-API-Key": self.api_key}, timeout=TIMEOUT
        )

    def create_sandbox(self, template: str) -> Sandbox:
        with self._client() as client:
            response = client.post(
                "/v1/sandboxes", json={"template_name": template, "internet_access": False}
            )
        if response.status_code != 201:
            raise RuntimeError(
                f"cannot create a {template} sandbox for the agent suite: "
                f"{response.status_code} {response.text}"
            )
        body = response.json()
        return Sandbox(body["id"], body["public_host"], body["auth_token"])

    def delete_sandbox(self, sandbox_id: str) -> bool:
        with self._client() as client:
            return client.delete(f"/v1/sandboxes/{sandbox_id}").status_code == 200

    def delete_sandboxes(self, ids: list[str]) -> int:
        return sum(self.delete_sandbox(sandbox_id) for sandbox_id in dict.fromkeys(ids))

    def sandbox_ids(self) -> list[str]:
        ids: list[str] = []
        params: dict[str, str | int] = {"limit": 100}
        with self._client() as client:
            while True:
                response = client.get("/v1/sandboxes", params=params)
                response.raise_for_status()
                page = response.json()
                ids += [sandbox["id"] for sandbox in page.get("data") or []]
                if not page.get("has_more"):
                    return ids
                params = {"limit": 100, "cursor": page["next_cursor"]}

    def delete_all_sandboxes(self) -> int:
        """Delete every sandbox of the server (only for a hopx-local this runner started)."""
        return self.delete_sandboxes(self.sandbox_ids())

    def check_alive(self) -> None:
        try:
            with self._client() as client:
                health = client.get("/health")
                listing = client.get("/v1/sandboxes", params={"limit": 1})
        except httpx.HTTPError as exc:
            raise SurvivalError(f"{self.base_url}: {exc!r}") from None
        if health.status_code != 200 or listing.status_code != 200:
            raise SurvivalError(
                f"GET /health -> {health.status_code}, GET /v1/sandboxes -> {listing.status_code}"
            )

    def check_agent_alive(self, sandbox: Sandbox) -> None:
        """The agent answers and still runs commands in /workspace."""
        headers = {"Authorization": f"Bearer {sandbox.token}"}
        try:
            with httpx.Client(base_url=sandbox.public_host, headers=headers, timeout=TIMEOUT) as c:
                health = c.get("/health")
                command = c.post("/commands/run", json={"command": "echo alive", "timeout": 30})
        except httpx.HTTPError as exc:
            raise SurvivalError(f"agent {sandbox.public_host}: {exc!r}") from None
        if health.status_code != 200:
            raise SurvivalError(f"agent GET /health -> {health.status_code} {health.text}")
        if command.status_code != 200 or command.json().get("stdout") != "alive\n":
            raise SurvivalError(
                f"agent POST /commands/run -> {command.status_code} {command.text[:300]}"
            )
