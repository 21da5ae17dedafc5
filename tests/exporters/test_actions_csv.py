"""The action-items CSV opens right in spreadsheets and reads back exactly."""

from __future__ import annotations

import csv
import io
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from exporters.actions_csv import actions_csv, header, unguard
from workshop.action_items import action_rows
from workshop.demo import build_demo_workshop
from workshop.model import ActionItem, ActionStatus, Participant, Workshop

TODAY = date(2026, 12, 20)


def rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_the_demo_actions_read_back_with_owner_due_status_and_overdue() -> None:
    w = build_demo_workshop(date(2026, 11, 23))
    data = actions_csv(action_rows(w, TODAY))
    body = data[3:]
    assert body.count(b"\r\n") == len(w.action_items) + 1  # CRLF after every record
    assert b"\n" not in body.replace(b"\r\n", b"")
    table = rows(data)
    assert table[0] == header()
    names = {p.id: p.name for p in w.participants}
    for item, row in zip(w.action_items, table[1:], strict=True):
        what, owner, _email, due, status, overdue, _step = row
        assert what == item.what and owner == names[item.owner_id or ""]
        assert due == (item.due.isoformat() if item.due else "")
        assert status == item.status.value.capitalize()
        late = item.status is ActionStatus.OPEN and item.due is not None and item.due < TODAY
        assert overdue == ("yes" if late else "")
    assert {r[6] for r in table[1:]} >= {"Common language", "Accountability"}


def test_a_cell_that_looks_like_a_formula_is_shown_as_text() -> None:
    w = Workshop(title="t", action_items=[ActionItem(what='=HYPERLINK("http://x","y")')])
    cell = rows(actions_csv(action_rows(w, TODAY)))[1][0]
    assert cell == '\'=HYPERLINK("http://x","y")'
    assert unguard(cell) == '=HYPERLINK("http://x","y")'


texts = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x00"), max_size=60
) | st.sampled_from(["a,b", 'say "hi"', "line\nbreak", "🙂 café", "שלום, עולם", "<b>x</b>", "-1"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(texts, texts, texts), min_size=1, max_size=5))
def test_any_text_survives_a_round_trip(items: list[tuple[str, str, str]]) -> None:
    people = [Participant(name=name, email=email) for _w, name, email in items]
    w = Workshop(
        title="t",
        participants=people,
        action_items=[
            ActionItem(what=what, owner_id=p.id, due=date(2027, 1, 2))
            for (what, _n, _e), p in zip(items, people, strict=True)
        ],
    )
    table = rows(actions_csv(action_rows(w, TODAY)))
    assert len(table) == len(items) + 1
    for (what, name, email), row in zip(items, table[1:], strict=True):
        assert unguard(row[0]) == what
        assert unguard(row[1]) == (name.strip() or "(unnamed participant)")
        assert unguard(row[2]) == email.strip()
        assert row[3] == "2027-01-02"
