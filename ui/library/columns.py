"""Column numbers and item roles of the library table (shared by model and home screen)."""

TITLE, CLIENT, DATE, STATUS, PEOPLE, UPDATED = range(6)

USER_ROLE = 0x0100  # Qt.ItemDataRole.UserRole, without loading the whole Qt namespace
ID_ROLE = USER_ROLE + 1
SUMMARY_ROLE = USER_ROLE + 2
SEARCH_ROLE = USER_ROLE + 3
SORT_ROLE = USER_ROLE + 4
