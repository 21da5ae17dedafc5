"""Translation helper for user-visible strings produced by the domain."""

import gettext

# Looked up once: gettext.gettext() searches the disk for catalogues on every call, which
# made composing an agreement (hundreds of messages) ten times slower.
_ = gettext.translation("accord", fallback=True).gettext

__all__ = ["_"]
