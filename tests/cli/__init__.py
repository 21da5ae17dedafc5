"""The command line: each sub-command run as a person runs it, in process or as a program."""
