"""Domain errors that services raise; routes turn them into translated messages."""

from __future__ import annotations


class ServiceError(Exception):
    """A rule refused the request. `field` names the form field at fault, when there is one."""

    def __init__(self, message: str = "", field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class EmailTaken(ServiceError):
    pass


class InvalidEmail(ServiceError):
    pass


class WeakPassword(ServiceError):
    pass


class InvalidCredentials(ServiceError):
    pass


class NotFound(ServiceError):
    pass


class InvalidBusinessNumber(ServiceError):
    pass


class BusinessNumberTaken(ServiceError):
    pass


class InvalidDecision(ServiceError):
    """The vendor is not waiting for a decision, or a refusal has no reason."""


class InvitationInvalid(ServiceError):
    """Expired, revoked, already used or not ours."""


class ImportAlreadyApplied(ServiceError):
    """The catalog import was confirmed before; applying it again would undo later edits."""


class ValidationFailed(ServiceError):
    """Several fields at fault: `errors` maps field names to lazy (translatable) messages."""

    def __init__(self, errors: dict) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors
