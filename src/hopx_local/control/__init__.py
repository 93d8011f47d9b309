"""The hopx-local control plane: openapi/control-plane.yaml served on loopback.

    app.py          ControlPlane: store + backend + manager, the ASGI app and its lifespan
    api.py          handlers by operationId (routing and validation come from the YAML)
    sandboxes.py    SandboxManager: lifecycle (records, locks, deadlines, warm-pool policy)
    backend.py      the seam to where sandboxes run; backends/local.py runs them on this host,
                    backends/ray.py on the nodes of a Ray cluster (placement.py, ray_node.py,
                    tunnel.py)
    host_routing.py {port}-{id}.<domain> host names onto the /agent and /preview routes
    domain_errors.py  what the lifecycle and backends raise; errors.py maps it to HTTP
    catalog.py      the built-in templates (code-interpreter, base, desktop)
    store.py        SQLite state (API keys, sandboxes, templates)
    relay.py        a desktop's loopback VNC port, relayed to its VNC server's unix socket
    preview.py      /preview/<id>/<port>/... proxied into the sandbox
    deadlines.py    timeout_seconds enforcement (one timer per sandbox)
    auth.py, tokens.py, views.py, errors.py, ports.py, unix_socket.py, agent_probe.py,
    host_uids.py, timeutil.py, config.py, server.py   the small parts

Start it with ``hopx-local serve`` (hopx_local.cli).
"""
