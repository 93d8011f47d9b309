"""The SDK's one logger (silent unless the application configures logging)."""

import logging

logger = logging.getLogger("hopx_ai")
logger.addHandler(logging.NullHandler())
