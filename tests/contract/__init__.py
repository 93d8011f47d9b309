"""Contract tests: schemathesis against hopx-local (or any server) with both OpenAPI documents.

Entry point: ``python -m tests.contract.run`` (``make contract``); see ``run.py``.
"""
