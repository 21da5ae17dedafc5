"""Files in and out of a workshop: portable ``.accord.json`` export and import, templates,
and the take-home outputs (summary PDF, action items CSV, review calendar)."""
