"""Agreement versions as rows: a version with its signatories and their signatures, written
and read back in the order they were given."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert, select

from storage import convert as c
from storage.text_decoding import DamagedJson
from workshop import model as d


def strokes(stored: Any) -> Any:
    """A signature's strokes as points; damaged JSON is kept as it is, for
    :func:`storage.damage.mended`."""
    if isinstance(stored, DamagedJson):
        return stored
    return [[(pt[0], pt[1]) for pt in stroke] for stroke in stored or []]


def insert_version(conn: Connection, workshop_id: str, v: d.AgreementVersion) -> None:
    values = {n: getattr(v, n) for n in c.field_names(d.AgreementVersion)}
    values.pop("signatories")
    values.update(workshop_id=workshop_id, position=v.number)
    conn.execute(insert(c.VERSIONS).values(values))
    for i, s in enumerate(v.signatories):
        conn.execute(
            insert(c.SIGNATORIES).values(
                id=s.id, version_id=v.id, position=i, name=s.name, title=s.title, team=s.team
            )
        )
        if s.signature is not None:
            sig = s.signature
            conn.execute(
                insert(c.SIGNATURES).values(
                    signatory_id=s.id,
                    kind=sig.kind,
                    strokes=[[list(pt) for pt in stroke] for stroke in sig.strokes],
                    typed_name=sig.typed_name,
                    signed_at=sig.signed_at,
                )
            )


def load_versions(conn: Connection, workshop_id: str) -> list[d.AgreementVersion]:
    versions = []
    for r in conn.execute(
        select(c.VERSIONS)
        .where(c.VERSIONS.c.workshop_id == workshop_id)
        .order_by(c.VERSIONS.c.number)
    ):
        fields = {n: r._mapping[n] for n in c.field_names(d.AgreementVersion) if n in r._mapping}
        version = d.AgreementVersion(**fields)
        query = (
            select(c.SIGNATORIES, c.SIGNATURES)
            .outerjoin(c.SIGNATURES, c.SIGNATURES.c.signatory_id == c.SIGNATORIES.c.id)
            .where(c.SIGNATORIES.c.version_id == version.id)
            .order_by(c.SIGNATORIES.c.position)
        )
        for s in conn.execute(query):
            signature = None
            if s.kind is not None:
                signature = d.Signature(
                    kind=s.kind,
                    strokes=strokes(s.strokes),
                    typed_name=s.typed_name,
                    signed_at=s.signed_at,
                )
            version.signatories.append(
                d.Signatory(id=s.id, name=s.name, title=s.title, team=s.team, signature=signature)
            )
        versions.append(version)
    return versions
