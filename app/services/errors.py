"""Domain errors that services raise; routes turn them into translated messages."""

from __future__ import annotations


class ServiceError(Exception):
    """A rule refused the request. `field` names the form field at fault, when there is one."""

    def __init__(self, message: str = "", field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class EmailTaken(ServiceError):
    pass


class InvalidCredentials(ServiceError):
    pass


class NotFound(ServiceError):
    pass
