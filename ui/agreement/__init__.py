"""The agreement: its page, who signs, the sign dialog and signature pad, the version
history, and getting a version out (preview, PDF, print)."""
