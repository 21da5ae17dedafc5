"""Accord's library on disk: SQLAlchemy models, migrations and the repository."""
