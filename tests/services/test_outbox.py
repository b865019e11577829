"""The outbox: mail is a row written with the change that causes it, sent after the commit,
retried when the SMTP server fails, sent once however many deliverers run, and kept with its
error when it cannot go. Real SMTP (the aiosmtpd sink) and, for the worker, a real Redis."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.models import AuditEvent, OutboxMessage, Vendor
from app.models.outbox import OutboxStatus
from app.services import clock, vendors
from app.services import outbox as outbox_service
from app.services.errors import InvalidDecision
from app.transaction import unit_of_work
from tests.conftest import Browser


def _mail_row(db, to: str = "someone@example.com") -> int:
    with unit_of_work():
        message = outbox_service.add("mail", {"to": to, "subject": "Hello", "body": "Body\n"})
    return message.id


@pytest.fixture
def smtp_down(app, monkeypatch):
    """The SMTP server refuses connections (as when it is restarting)."""
    monkeypatch.setitem(app.config, "MAIL_PORT", 1)
    monkeypatch.setitem(_fixture_config(), "MAIL_PORT", 1)


def _fixture_config():
    from flask import current_app

    return current_app.config


def test_mail_goes_out_after_the_commit_once(db, outbox):
    message_id = _mail_row(db, "first@example.com")
    assert [m["To"] for m in outbox] == ["first@example.com"]
    row = db.session.get(OutboxMessage, message_id)
    assert (row.status, row.attempts, row.last_error) == ("sent", 1, None)
    assert outbox_service.deliver() == (0, 0)  # nothing left to send
    assert len(outbox) == 1


def test_a_rolled_back_change_sends_nothing(db, outbox):
    def refused_change():
        with unit_of_work():
            outbox_service.add("mail", {"to": "never@example.com", "subject": "No", "body": "x"})
            raise InvalidDecision(field="reason")

    with pytest.raises(InvalidDecision):
        refused_change()
    assert db.session.scalar(select(func.count()).select_from(OutboxMessage)) == 0
    assert outbox_service.deliver() == (0, 0)
    assert outbox == []


def test_smtp_down_after_the_commit_keeps_the_row_and_the_next_delivery_sends_it_once(
    db, outbox, smtp_down, monkeypatch, app
):
    message_id = _mail_row(db, "later@example.com")
    row = db.session.get(OutboxMessage, message_id)
    assert row.status == OutboxStatus.PENDING
    assert row.attempts == 1
    assert "ConnectionRefusedError" in row.last_error
    assert row.next_attempt_at > clock.now()
    assert outbox == []

    # The server is back; the retry is not due yet, so nothing goes...
    monkeypatch.undo()
    assert outbox_service.deliver() == (0, 0)
    # ...until its time has come: then it goes exactly once, however often delivery runs.
    row.next_attempt_at = clock.now() - timedelta(seconds=1)
    db.session.commit()
    assert outbox_service.deliver() == (1, 0)
    assert outbox_service.deliver() == (0, 0)
    assert [m["To"] for m in outbox] == ["later@example.com"]
    db.session.refresh(row)
    assert (row.status, row.attempts, row.last_error) == ("sent", 2, None)


def test_a_delivery_that_keeps_failing_is_kept_with_its_error(db, outbox, smtp_down):
    message_id = _mail_row(db)
    row = db.session.get(OutboxMessage, message_id)
    for _ in range(outbox_service.MAX_ATTEMPTS - 1):
        row.next_attempt_at = clock.now() - timedelta(seconds=1)
        db.session.commit()
        assert outbox_service.deliver() == (0, 1)
        db.session.refresh(row)
    assert row.status == OutboxStatus.FAILED
    assert row.attempts == outbox_service.MAX_ATTEMPTS
    assert "ConnectionRefusedError" in row.last_error
    assert [m.id for m in outbox_service.failures()] == [message_id]
    # A failed row is not retried by itself...
    row.next_attempt_at = clock.now() - timedelta(days=1)
    db.session.commit()
    assert outbox_service.deliver() == (0, 0)


def test_an_operator_retry_sends_a_failed_message(db, outbox, smtp_down, monkeypatch):
    message_id = _mail_row(db, "retry@example.com")
    row = db.session.get(OutboxMessage, message_id)
    row.status, row.attempts = OutboxStatus.FAILED.value, outbox_service.MAX_ATTEMPTS
    db.session.commit()
    monkeypatch.undo()
    with unit_of_work():
        outbox_service.retry(row)
    db.session.refresh(row)
    assert row.status == OutboxStatus.SENT
    assert [m["To"] for m in outbox] == ["retry@example.com"]


def test_a_crashed_deliverer_frees_its_claim_after_the_lease(db, outbox, smtp_down, monkeypatch):
    message_id = _mail_row(db, "claimed@example.com")
    row = db.session.get(OutboxMessage, message_id)
    # A deliverer claimed it and died mid-send.
    row.status, row.next_attempt_at = OutboxStatus.SENDING.value, clock.now()
    row.claimed_until = clock.now() + timedelta(minutes=1)
    db.session.commit()
    monkeypatch.undo()
    assert outbox_service.deliver() == (0, 0)  # still someone else's
    row.claimed_until = clock.now() - timedelta(seconds=1)
    db.session.commit()
    assert outbox_service.deliver() == (1, 0)
    assert [m["To"] for m in outbox] == ["claimed@example.com"]


def test_a_claimed_message_cannot_be_claimed_again(db, outbox, smtp_down):
    """Two deliverers racing for one row: the conditional UPDATE lets exactly one claim it
    (the second sees no due row), so a message is never sent twice."""
    message_id = _mail_row(db, "race@example.com")
    row = db.session.get(OutboxMessage, message_id)
    row.next_attempt_at = clock.now() - timedelta(seconds=1)
    db.session.commit()
    now = clock.now()
    assert outbox_service._claim(message_id, now) is True
    assert outbox_service._claim(message_id, now) is False
    assert outbox_service.deliver_one(message_id) is None  # claimed elsewhere: not ours to send


def test_a_service_error_in_a_route_leaves_no_write_and_no_mail(
    client, db, make, outbox, monkeypatch
):
    """The operator's decision writes an audit row and a mail, then a rule refuses: the route
    shows the error and neither the row nor the mail survives."""
    from app.models.user import Role

    operator = make.user(role=Role.OPERATOR)
    applicant = make.vendor(status="pending")
    make.user(role=Role.VENDOR, vendor=applicant, email="applicant@example.com")
    db.session.commit()
    real_decide = vendors.decide

    def decide_then_fail(vendor, who, approve, reason):
        real_decide(vendor, who, approve, reason)  # writes status, audit row and mail
        raise InvalidDecision(field="decision")

    monkeypatch.setattr(vendors, "decide", decide_then_fail)
    audit_before = db.session.scalar(select(func.count()).select_from(AuditEvent))
    browser = Browser(client)
    browser.sign_in(operator.email, "correct-horse-battery")
    page = f"/en/ops/vendors/{applicant.id}"
    response = browser.submit(page, {"decision": "approve", "reason": ""})
    assert response.status_code == 200
    assert "already decided" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Vendor, applicant.id).status == "pending"
    assert db.session.scalar(select(func.count()).select_from(AuditEvent)) == audit_before
    assert db.session.scalar(select(func.count()).select_from(OutboxMessage)) == 0
    assert outbox == []


def test_the_command_delivers_what_is_due_once(app, db, outbox, smtp_down, monkeypatch):
    message_id = _mail_row(db, "cron@example.com")
    row = db.session.get(OutboxMessage, message_id)
    row.next_attempt_at = clock.now() - timedelta(seconds=1)
    db.session.commit()
    monkeypatch.undo()
    runner = app.test_cli_runner()
    first = runner.invoke(args=["outbox", "deliver"])
    assert first.exit_code == 0, first.output
    assert "1 sent, 0 failed" in first.output
    second = runner.invoke(args=["outbox", "deliver"])
    assert "0 sent, 0 failed" in second.output
    assert [m["To"] for m in outbox] == ["cron@example.com"]


def test_with_redis_the_worker_delivers(app, db, outbox, redis_url, monkeypatch):
    """With REDIS_URL the request only queues the delivery; `flask worker --burst` sends it."""
    from flask import current_app

    for config in (app.config, current_app.config):
        monkeypatch.setitem(config, "REDIS_URL", redis_url)
        monkeypatch.setitem(config, "OUTBOX_WORKER", True)
    message_id = _mail_row(db, "queued@example.com")
    assert outbox == []  # queued, not sent in the request
    assert db.session.get(OutboxMessage, message_id).status == OutboxStatus.PENDING
    result = app.test_cli_runner().invoke(args=["worker", "--burst"])
    assert result.exit_code == 0, result.output
    assert [m["To"] for m in outbox] == ["queued@example.com"]
    db.session.expire_all()
    assert db.session.get(OutboxMessage, message_id).status == OutboxStatus.SENT
