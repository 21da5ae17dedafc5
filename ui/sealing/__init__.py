"""Sealing and verifying PDFs: the signing identity, the trust list, the seal options when
exporting, and File ▸ Verify a PDF…."""
