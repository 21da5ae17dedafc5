"""Translation helper for user-visible strings produced by the domain."""

from gettext import gettext

_ = gettext

__all__ = ["_"]
