"""Outgoing e-mail over SMTP (an aiosmtpd sink in tests; any SMTP relay in production).

Nothing calls `send` directly: messages are outbox rows (services.outbox), written with the
change that causes them and delivered after the commit, with retries.
"""

from __future__ import annotations

import logging
import smtplib
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from flask import current_app, render_template
from flask_babel import force_locale

from app.domain.locales import LANGUAGES

log = logging.getLogger(__name__)


class MailError(Exception):
    """The SMTP server could not be reached or refused the message."""


def render(template: str, language: str, **context) -> tuple[str, str]:
    """(subject, body) of a text template in the recipient's language. The template's first
    line is the subject."""
    babel_locale = LANGUAGES.get(language, LANGUAGES["zh-hant"]).babel
    with force_locale(babel_locale):
        text = render_template(template, lang=LANGUAGES.get(language), **context)
    subject, _, body = text.strip().partition("\n")
    return one_line(subject), body.strip() + "\n"


def one_line(text: str) -> str:
    """A header value: no line break can end it early and start another header."""
    return " ".join((text or "").split())


def send(to: str, subject: str, body: str) -> None:
    """Send one plain-text message. Raises MailError."""
    config = current_app.config
    message = EmailMessage()
    message["From"] = config["MAIL_DEFAULT_SENDER"]
    message["To"] = one_line(to)
    message["Subject"] = one_line(subject)
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="taipeigoodgoods.example")
    message.set_content(body)
    if config.get("MAIL_SUPPRESS_SEND"):
        # Development without an SMTP server: say that a message went, never at INFO what it
        # says (bodies carry sign-in and password links); the body is there at DEBUG for a
        # developer who turns that on for this logger.
        log.info("Mail not sent (MAIL_SUPPRESS_SEND): to=%s subject=%s", to, subject)
        log.debug("Body of the mail not sent to %s:\n%s", to, body)
        return
    try:
        with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=10) as smtp:
            if config.get("MAIL_USE_TLS"):
                smtp.starttls()
            if config.get("MAIL_USERNAME"):
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        raise MailError(f"{type(error).__name__}: {error}") from error
