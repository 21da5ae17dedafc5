"""Accord's desktop interface (PySide6), one package per room:

- ``ui.shell``: the main window, actions and menus, the step navigator, start-up;
- ``ui.library``: the home screen and the library file's care (backups, restore);
- ``ui.steps``: the workshop's step pages, the funnel and the RACI matrix;
- ``ui.room``: the Room page, agenda, clock, timer and presenter view;
- ``ui.capture``: parking lot, action items and dot votes;
- ``ui.agreement``: signing, the signature pad, versions and the agreement's output;
- ``ui.sealing``: signing identity, trust list, sealing and verifying PDFs;
- ``ui.files``: workshop files in and out, take-home outputs;
- ``ui.editing``: the open workshop as an undoable document, shared table editors;
- ``ui.common``: theme, icons, translation, dialogs, tasks, settings, small widgets.
"""
