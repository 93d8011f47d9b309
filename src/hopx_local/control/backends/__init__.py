"""Implementations of the control plane's backend seam (``hopx_local.control.backend``).

local.py          LocalBackend: sandboxes on this host (hopx_local.runtime)
agent_command.py  the in-sandbox agent's command line and mounts (a LocalBackend detail)
ray.py            RayBackend: sandboxes placed on node agents of a Ray cluster (extra ``ray``)
"""
