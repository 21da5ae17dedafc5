"""Files Accord produces from a workshop: the agreement PDF and the files it is written to.

Every module here receives prepared, immutable data from :mod:`workshop` and returns bytes or
writes a file atomically; none of them reads the library or imports the interface.
"""
