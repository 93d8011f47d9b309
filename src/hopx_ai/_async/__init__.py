"""The SDK implementation. ``_async`` is the source; ``_sync`` is generated from it by
scripts/unasync_sdk.py (never edit ``_sync``)."""
