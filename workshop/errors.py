"""Errors the user or the environment causes; each carries one plain sentence."""


class AccordError(Exception):
    """A known problem to show the user as a sentence, not a traceback."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(AccordError):
    """Input that breaks a rule of the domain; nothing was changed."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field
