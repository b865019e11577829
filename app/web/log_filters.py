"""Request logs never hold the tokens of mailed links.

The development server (werkzeug) and gunicorn's access log write each request line; the
links that confirm an address, reset a password, join a shop or open an order carry a token
in their path. The filter replaces it before the line is written.
"""

from __future__ import annotations

import logging
import re

#: a path segment after one of these is a token
_TOKEN_PATH = re.compile(r"(/(?:verify|reset|join|link)/)[^/?#\s\"']+")
LOGGERS = ("werkzeug", "gunicorn.access")


def redact(text: str) -> str:
    return _TOKEN_PATH.sub(r"\1[token]", text)


class RedactTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True


def install() -> None:
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactTokens) for f in logger.filters):
            logger.addFilter(RedactTokens())
