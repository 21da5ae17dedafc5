"""An open workshop as an undoable, autosaved document: the document itself, one command
per edit, field bindings, the table model and editor over a workshop's lists, and the
cell delegates (drop-downs, numbers, dates). Every room that edits a workshop builds on it."""
