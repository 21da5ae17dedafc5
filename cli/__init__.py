"""Accord's command line: the headless sub-commands, run against a library without a window.

- ``cli.parser``: the arguments, every sub-command and its options;
- ``cli.commands``: the dispatch table (sub-command name → the function that runs it), and
  the one place where an error's sentence goes to stderr with a non-zero exit status;
- ``cli.repository``: opening the library for one command, and what every command says
  about it (damaged fields, the library file of a backup);
- ``cli.library``: list, demo, backup and restore;
- ``cli.workshop_files``: workshop-export and workshop-import (portable .accord.json files);
- ``cli.agreement``: export (the agreement PDF, sealed on request) and verify;
- ``cli.take_home``: the take-home outputs (summary PDF, action items CSV, review calendar),
  one sub-command per entry of :mod:`exporters.outputs`;
- ``cli.funnel``: the reverse funnel, as a table or JSON;
- ``cli.crm``: crm-import, a CRM export's records into a workshop (for its scorecard);
- ``cli.scorecard``: scorecard, one month's figures against the agreement in force;
- ``cli.start``: why the window cannot start, in one sentence instead of Qt's abort.

Heavy libraries (SQLAlchemy, ReportLab, pyHanko) are imported inside the command functions,
so starting the window through ``main.py`` does not load them.
"""
