"""The VM agent that runs inside each sandbox and serves openapi/vm-agent.yaml on a unix socket.

Start it (inside a sandbox the control plane does this)::

    PYTHONPATH=/.hopx/src:/.hopx/site-packages /usr/bin/python3 -S -m hopx_local.agent \\
        --socket /run/hopx/agent.sock --template code-interpreter --workspace /workspace \\
        --key-file /run/hopx/token.key --sandbox-id sbx_0123456789abcdef

Environment it reads: ``HOPX_ENV_KEYS`` (comma-separated names of the create-time ``env_vars``,
listed by ``GET /env``), ``HOPX_MEMORY_LIMIT_BYTES``, ``HOPX_CPU_LIMIT`` (cores),
``HOPX_DISK_LIMIT_BYTES`` (reported limits), ``HOPX_SPEC_CACHE`` (directory of the parsed JSON copy
of the YAML, so no YAML parsing at start). Everything else not starting with ``HOPX_`` is the
base environment of user code.

Layout: engines without HTTP (``proc`` child processes, ``kernel`` Jupyter, ``execution``,
``background``, ``files`` + ``paths``, ``envstore``, ``metrics`` + ``procfs``, ``terminal``,
``watch``, ``events``, ``callbacks``, ``cache``, ``auth``, ``oom``), wired by operationId in
``http_api`` and ``ws_api``, assembled in ``app`` around :class:`~hopx_local.spec_server.SpecApp`,
with ``service.Agent`` holding one agent's state. ``desktop/`` is the desktop package.
"""
