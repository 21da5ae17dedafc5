"""Every setting declared once (key, type, default, label) behind one typed wrapper."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type[T]
    default: T
    label: str


WINDOW_GEOMETRY = Setting("window/geometry", QByteArray, QByteArray(), "Window size and place")
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray(), "Toolbars and docks")
LAST_WORKSHOP = Setting("session/last_workshop", str, "", "Workshop open when Accord was closed")
LAST_STEP = Setting("session/last_step", str, "", "Step open when Accord was closed")
SIDE_PANEL = Setting("view/side_panel", int, 1, "Show guidance and gaps beside each step")
HOME_SORT_COLUMN = Setting("home/sort_column", int, 5, "Library sort column")
HOME_SORT_ORDER = Setting("home/sort_order", int, 1, "Library sort order")
# "" follows the system's locale: US Letter where it is the custom, A4 elsewhere.
PAGE_SIZE = Setting("export/page_size", str, "", "Paper size of exported PDFs (A4 or Letter)")


class Settings:
    """Typed access to QSettings (INI format, in the user's config folder)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Accord", "Accord"
        )

    def get(self, setting: Setting[T]) -> T:
        value: Any = self.store.value(setting.key, setting.default)
        if value is None:
            return setting.default
        if setting.type is QByteArray:
            return cast(T, value) if isinstance(value, QByteArray) else setting.default
        try:
            return setting.type(value)  # type: ignore[call-arg]
        except (TypeError, ValueError):
            return setting.default

    @staticmethod
    def scoped(setting: Setting[T], scope: str) -> Setting[T]:
        """The same setting, kept separately for one library (``scope``)."""
        return Setting(
            f"libraries/{scope}/{setting.key}", setting.type, setting.default, setting.label
        )

    def set(self, setting: Setting[T], value: T) -> None:
        self.store.setValue(setting.key, value)

    def sync(self) -> None:
        self.store.sync()
