"""Portable workshop files: lossless, canonical, and safe against any file a person hands in."""

from __future__ import annotations

import hashlib
import json
import tracemalloc
from dataclasses import fields
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop import portable
from workshop.demo import build_demo_workshop
from workshop.errors import AccordError
from workshop.model import (
    AgreementVersion,
    RaciRole,
    Signatory,
    Signature,
    SignatureKind,
    Team,
    VersionStatus,
    Workshop,
)
from workshop.portable import ImportFileError, digest_matches, dumps, loads, renew_ids

SNAPSHOT = json.dumps({"title": "Agreement", "target": "4800000", "city": "Zürich"})


def signed_workshop() -> Workshop:
    w = build_demo_workshop(date(2026, 11, 23))
    w.created_at = datetime(2026, 11, 1, 8, 30, tzinfo=UTC)
    w.updated_at = datetime(2026, 11, 20, 17, 45, 12, 345678, tzinfo=UTC)
    w.activities[0].roles[w.parties[0].id] = frozenset({RaciRole.RESPONSIBLE, RaciRole.ACCOUNTABLE})
    w.versions = [
        AgreementVersion(
            number=1,
            status=VersionStatus.SIGNED,
            snapshot=SNAPSHOT,
            digest=hashlib.sha256(SNAPSHOT.encode("utf-8")).hexdigest(),
            contains_open_points=True,
            created_at=datetime(2026, 11, 24, 15, 0, tzinfo=UTC),
            signed_at=datetime(2026, 11, 24, 15, 20, 5, 250000, tzinfo=UTC),
            signatories=[
                Signatory(
                    name="Jana Richter",
                    title="VP Sales",
                    team=Team.SALES,
                    signature=Signature(
                        kind=SignatureKind.DRAWN,
                        strokes=[[(0.0, 1.5), (2.25, 3.125), (4.0, 0.1)], [(10.0, 10.0)]],
                        signed_at=datetime(2026, 11, 24, 15, 19, tzinfo=UTC),
                    ),
                ),
                Signatory(
                    name="Marco Bianchi",
                    title="Head of Marketing",
                    team=Team.MARKETING,
                    signature=Signature(kind=SignatureKind.TYPED, typed_name="Marco Bianchi"),
                ),
                Signatory(name="Not yet", team=Team.LEADERSHIP),
            ],
        ),
        AgreementVersion(number=2, created_at=datetime(2026, 11, 25, tzinfo=UTC)),
    ]
    return w


def document() -> dict[str, Any]:
    return json.loads(dumps(signed_workshop()))  # type: ignore[no-any-return]


def refusal(doc: Any) -> str:
    with pytest.raises(ImportFileError) as caught:
        loads(json.dumps(doc))
    return caught.value.message


# -- lossless and canonical ------------------------------------------------------------------


def test_round_trip_is_lossless_field_for_field() -> None:
    original = signed_workshop()
    assert original.activities[0].roles  # the demo fills the RACI matrix
    back = loads(dumps(original))
    for f in fields(Workshop):
        assert getattr(back, f.name) == getattr(original, f.name), f.name
    assert back == original
    assert isinstance(back.goal.target, Decimal)
    assert (
        back.versions[0].signatories[0].signature == original.versions[0].signatories[0].signature
    )


def test_values_are_written_plainly() -> None:
    doc = document()
    assert doc["format"] == "accord-workshop" and doc["version"] == 1
    assert doc["exported_by"].startswith("Accord ")
    w = doc["workshop"]
    assert isinstance(w["goal"]["target"], str)
    assert w["updated_at"] == "2026-11-20T17:45:12.345678+00:00"
    assert all(sorted(r) == r for a in w["activities"] for r in a["roles"].values())
    assert ["A", "R"] in [r for a in w["activities"] for r in a["roles"].values()]
    stroke = w["versions"][0]["signatories"][0]["signature"]["strokes"][0]
    assert stroke[1] == [2.25, 3.125]


def test_dumps_is_canonical() -> None:
    one = signed_workshop()
    two = loads(dumps(one))
    # The same content held differently in memory: other dict and set orders.
    for activity in two.activities:
        activity.roles = {
            party: frozenset(sorted(roles, reverse=True))
            for party, roles in reversed(list(activity.roles.items()))
        }
    for vote in two.votes:
        vote.tallies = dict(reversed(list(vote.tallies.items())))
    assert two == one
    assert dumps(two) == dumps(one)
    assert dumps(loads(dumps(one))) == dumps(one)


def test_other_time_zones_are_written_in_utc_and_stay_the_same_moment() -> None:
    w = signed_workshop()
    w.created_at = datetime(2026, 1, 1, 9, 0, tzinfo=timezone(timedelta(hours=2)))
    text = dumps(w)
    assert '"created_at": "2026-01-01T07:00:00+00:00"' in text
    assert loads(text).created_at == w.created_at


def test_bytes_with_a_byte_order_mark_are_read() -> None:
    w = signed_workshop()
    assert loads(b"\xef\xbb\xbf" + dumps(w).encode("utf-8")) == w


# -- refusals: each one sentence, saying what and where -------------------------------------


def test_refusals_are_accord_errors() -> None:
    assert issubclass(ImportFileError, AccordError)


def test_wrong_format() -> None:
    doc = document()
    doc["format"] = "something-else"
    assert "not an Accord workshop file" in refusal(doc)
    assert "not an Accord workshop file" in refusal([1, 2, 3])


def test_newer_version() -> None:
    doc = document()
    doc["version"] = 7
    assert refusal(doc) == (
        "This file was written by a newer version of Accord (file version 7); "
        "update Accord to open it."
    )


@pytest.mark.parametrize("version", [0, -1, "1", None, True, 1.0])
def test_older_or_unknown_version(version: Any) -> None:
    doc = document()
    doc["version"] = version
    message = refusal(doc)
    assert "version" in message and "newer" not in message


def test_bad_enum() -> None:
    doc = document()
    doc["workshop"]["participants"][1]["team"] = "finance"
    assert refusal(doc) == (
        "“team” of item 2 of participants is not one of sales, marketing, leadership, other."
    )
    doc = document()
    doc["workshop"]["activities"][0]["roles"] = {doc["workshop"]["parties"][0]["id"]: ["X"]}
    assert refusal(doc).startswith("“roles” of item 1 of activities is not one of R, A, C, I")


def test_missing_name() -> None:
    doc = document()
    del doc["workshop"]["activities"][2]["name"]
    assert refusal(doc) == "Item 3 of activities has no name."
    doc = document()
    del doc["workshop"]["action_items"][0]["owner_id"]
    assert refusal(doc) == "Item 1 of action items has no owner id."


def test_missing_workshop_title() -> None:
    doc = document()
    doc["workshop"]["title"] = "   "
    assert refusal(doc) == "The workshop has no title."


def test_bad_decimal() -> None:
    for bad in ["12,5", "NaN", "Infinity", "1_000", "", "١٢", "1e999999"]:
        doc = document()
        doc["workshop"]["goal"]["target"] = bad
        message = refusal(doc)
        assert message.startswith("“goal.target” is "), (bad, message)
    doc = document()
    doc["workshop"]["goal"]["target"] = 12.5
    assert refusal(doc) == "“goal.target” must be a number written as text, such as “12.5”."
    doc = document()
    doc["workshop"]["kpis"][1]["target"] = "lots"
    assert refusal(doc) == "“target” of item 2 of KPIs is not a number."


def test_nan_in_json_is_refused() -> None:
    text = dumps(signed_workshop()).replace(
        '"dots_per_participant": 3', '"dots_per_participant": NaN'
    )
    with pytest.raises(ImportFileError, match="NaN"):
        loads(text)


def test_dangling_role_party() -> None:
    doc = document()
    doc["workshop"]["activities"][1]["roles"]["f" * 32] = ["A"]
    assert refusal(doc) == (
        f"Item 2 of activities gives a role to “{'f' * 32}”, which is not the id of a party "
        "in the file."
    )


def test_owner_must_be_a_participant() -> None:
    doc = document()
    doc["workshop"]["action_items"][0]["owner_id"] = doc["workshop"]["parties"][0]["id"]
    assert refusal(doc) == (
        "“owner_id” of item 1 of action items is not the id of a participant in the file."
    )


def test_duplicate_ids() -> None:
    doc = document()
    doc["workshop"]["kpis"][3]["id"] = doc["workshop"]["participants"][0]["id"]
    assert refusal(doc) == "Item 4 of KPIs has the same id as another part of the file."


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (("date",), "2026-13-01", "“date” is not a date (YYYY-MM-DD)."),
        (("date",), "20260101", "“date” is not a date (YYYY-MM-DD)."),
        (("created_at",), "2026-01-01T10:00:00", "“created_at” is not a date and time"),
        (("funnel", "months"), -3, "“funnel.months” must be a whole number from 0"),
        (("funnel", "months"), True, "“funnel.months” is not a whole number."),
        (("term_months",), 2**70, "“term_months” must be a whole number from 0"),
        (("notes",), None, "“notes” is not text."),
        (("start_time",), "nine", "“start_time” is not a time of day (HH:MM)."),
        (("goal",), [], "“goal” is not a JSON object."),
        (("participants",), {}, "“participants” is not a list."),
        (("agenda", 0), "x", "Item 1 of agenda items is not a JSON object."),
        (("votes", 0, "tallies"), {"a": "1"}, "“tallies” of item 1 of votes is not a whole"),
        (("id",), "", "“id” is not an id (text of 1 to 32 characters)."),
        (("id",), "x" * 33, "“id” is not an id"),
        (("versions", 0, "digest"), "abc", "“digest” of item 1 of agreement versions is not"),
        (
            ("versions", 0, "signatories", 0, "signature", "kind"),
            "stamped",
            "“signature.kind” of signatory 1 of item 1 of agreement versions is not one of",
        ),
        (
            ("versions", 0, "signatories", 0, "signature", "strokes", 0, 1),
            [1, "2"],
            "“signature.strokes” of signatory 1 of item 1 of agreement versions holds a point",
        ),
        (
            ("versions", 0, "signatories", 1, "team"),
            None,
            "“team” of signatory 2 of item 1 of agreement versions is not one of",
        ),
    ],
)
def test_field_refusals_name_the_field(path: tuple[Any, ...], value: Any, expected: str) -> None:
    doc = document()
    target = doc["workshop"]
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    message = refusal(doc)
    assert message.startswith(expected), message
    assert message.endswith(".") and "\n" not in message


FIGURE = "must be a number from −1,000,000,000,000,000 to 1,000,000,000,000,000 with at most 6"
AMOUNT = "must be more than 0 and at most 1,000,000,000,000,000, with at most 6 decimal places."
MOMENT = "must be a moment in the years 1900 to 2199 (in UTC)."
DAY = "must be a day in the years 1900 to 2199."


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (("goal", "target"), "1E+28", f"“goal.target” {FIGURE}"),
        (("goal", "target"), "10000000000000000000000000000", f"“goal.target” {FIGURE}"),
        (("goal", "baseline"), "-1E+120", f"“goal.baseline” {FIGURE}"),
        (("goal", "baseline"), "1E+120", f"“goal.baseline” {FIGURE}"),
        (("goal", "target"), "0.0000001", f"“goal.target” {FIGURE}"),
        (("funnel", "revenue_target"), "1E+40", f"“funnel.revenue_target” {AMOUNT}"),
        (("funnel", "average_deal"), "0", f"“funnel.average_deal” {AMOUNT}"),
        (("funnel", "mql_to_sql"), "1.5", "“funnel.mql_to_sql” must be a fraction more than 0"),
        (("kpis", 0, "target"), "1E+30", f"“target” of item 1 of KPIs {FIGURE}"),
        (("commitments", 1, "target"), "-1E+120", f"“target” of item 2 of commitments {FIGURE}"),
        (("objectives", 0, "baseline"), "1E+16", f"“baseline” of item 1 of objectives {FIGURE}"),
        (("term_months",), 500, "“term_months” must be a whole number from 1 to 120."),
        (("funnel", "months"), 0, "“funnel.months” must be a whole number from 1 to 120."),
        (("agenda", 0, "planned_minutes"), 721, "“planned_minutes” of item 1 of agenda items"),
        (("meetings", 0, "duration_minutes"), 601, "“duration_minutes” of item 1 of meetings"),
        (("votes", 0, "dots_per_participant"), 21, "“dots_per_participant” of item 1 of votes"),
        (("versions", 0, "number"), 0, "“number” of item 1 of agreement versions must be"),
        (("created_at",), "0001-01-01T00:00:00+14:00", f"“created_at” {MOMENT}"),
        (("updated_at",), "9999-12-31T23:59:59-14:00", f"“updated_at” {MOMENT}"),
        (("updated_at",), "2199-12-31T23:00:00-14:00", f"“updated_at” {MOMENT}"),
        (
            ("versions", 0, "signed_at"),
            "9999-12-31T23:59:59-14:00",
            f"“signed_at” of item 1 of agreement versions {MOMENT}",
        ),
        (
            ("versions", 0, "signatories", 0, "signature", "signed_at"),
            "0001-01-01T00:00:00Z",
            f"“signature.signed_at” of signatory 1 of item 1 of agreement versions {MOMENT}",
        ),
        (("review_date",), "9999-12-31", f"“review_date” {DAY}"),
        (("date",), "0001-01-01", f"“date” {DAY}"),
        (("goal", "deadline"), "1899-12-31", f"“goal.deadline” {DAY}"),
        (("meetings", 0, "first_date"), "0001-01-01", f"“first_date” of item 1 of meetings {DAY}"),
        (("title",), "t" * 301, "“title” is longer than 300 characters."),
        (("client",), "c" * 201, "“client” is longer than 200 characters."),
        (("notes",), "n" * 20_001, "“notes” is longer than 20,000 characters."),
        (("participants", 1, "name"), "p" * 201, "“name” of item 2 of participants is longer"),
        (("commitments", 0, "what"), "w" * 20_001, "“what” of item 1 of commitments is longer"),
        (("votes", 0, "options"), [f"o{i}" for i in range(41)], "“options” of item 1 of votes"),
        (("votes", 0, "options", 0), "o" * 301, "“options” of item 1 of votes is longer than 300"),
        (("votes", 0, "tallies"), {"a": 10**9 + 1}, "“tallies” of item 1 of votes must be"),
    ],
)
def test_values_beyond_what_can_be_typed_are_refused(
    path: tuple[Any, ...], value: Any, expected: str
) -> None:
    doc = document()
    target = doc["workshop"]
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    message = refusal(doc)
    assert message.startswith(expected), message
    assert message.endswith(".") and "\n" not in message


def test_values_at_the_limits_are_read() -> None:
    doc = document()
    w = doc["workshop"]
    w["title"] = "t" * 300
    w["notes"] = "n" * 20_000
    w["goal"]["target"] = "1E+15"
    w["goal"]["baseline"] = "-1000000000000000.000000"
    w["funnel"]["mql_to_sql"] = "0.000001"
    w["created_at"] = "1900-01-01T00:00:00Z"
    w["review_date"] = "2199-12-31"
    w["term_months"] = 120
    back = loads(json.dumps(doc))
    assert back.goal.target == Decimal(10**15) and len(back.title) == 300


def test_missing_nested_field() -> None:
    doc = document()
    del doc["workshop"]["versions"][0]["signatories"][0]["signature"]["kind"]
    assert refusal(doc) == (
        "“signature.kind” of signatory 1 of item 1 of agreement versions is missing."
    )


def test_unknown_keys_are_ignored() -> None:
    doc = document()
    plain = loads(json.dumps(doc))
    doc["comment"] = "hand-edited"
    doc["workshop"]["colour"] = "blue"
    doc["workshop"]["kpis"][0]["extra"] = {"nested": [1, 2]}
    assert loads(json.dumps(doc)) == plain


def test_too_deep() -> None:
    doc = document()
    nested: Any = "bottom"
    for _ in range(30):
        nested = [nested]
    doc["workshop"]["colour"] = nested
    message = refusal(doc)
    assert message.startswith("The file nests data more than 20 levels deep (at workshop → colour")
    with pytest.raises(ImportFileError, match="levels deep"):
        loads("[" * 100_000 + "]" * 100_000)


def test_too_many_items_and_too_long_text() -> None:
    doc = document()
    doc["workshop"]["votes"][0]["options"] = ["x"] * 10_001
    assert refusal(doc).startswith("A list in the file has more than 10,000 items (at workshop")
    doc = document()
    doc["workshop"]["notes"] = "x" * 1_000_001
    assert refusal(doc) == (
        "A text in the file is longer than 1,000,000 characters (at workshop → notes)."
    )


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ("{}", "The file holds more than 200,000 objects and lists, more than any workshop has."),
        ("[[]]", "The file holds more than 200,000 objects and lists, more than any workshop has."),
        ("0", "The file holds more than 1,000,000 values, more than any workshop has."),
        ('""', "The file holds more than 1,000,000 values, more than any workshop has."),
    ],
)
def test_twenty_megabytes_of_empty_items_are_refused_before_they_are_built(
    item: str, message: str
) -> None:
    room = portable.MAX_BYTES - 100
    text = '{"format": "accord-workshop", "version": 1, "workshop": {"participants": ['
    text += ",".join([item] * (room // (len(item) + 1))) + "]}}"
    data = text.encode("utf-8")
    assert len(data) <= portable.MAX_BYTES
    tracemalloc.start()
    try:
        with pytest.raises(ImportFileError) as caught:
            loads(data)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.message == message
    # The text once decoded, and little else: never millions of objects.
    assert peak < 1.5 * len(data), f"{peak / 1e6:.0f} MB"


def test_brackets_and_commas_inside_texts_do_not_count() -> None:
    doc = document()
    plain = loads(json.dumps(doc))
    doc["comment"] = "[{,," * 250_000  # an unknown key: ignored, but read
    assert loads(json.dumps(doc)) == plain


def test_too_big() -> None:
    message = "The file is larger than 20 MB, the most Accord imports."
    with pytest.raises(ImportFileError, match=message):
        loads(b" " * (portable.MAX_BYTES + 1))
    with pytest.raises(ImportFileError, match=message):
        loads(" " * (portable.MAX_BYTES + 1))


def test_not_utf8_not_json_and_repeated_keys() -> None:
    with pytest.raises(ImportFileError, match="not UTF-8"):
        loads(b"\xff\xfe{}")
    with pytest.raises(ImportFileError, match=r"not valid JSON \(line \d+, column \d+\)"):
        loads(dumps(signed_workshop())[:-40])
    with pytest.raises(ImportFileError, match="repeats the key “a”"):
        loads('{"a": 1, "a": 2}')
    with pytest.raises(ImportFileError, match="not valid Unicode"):
        loads('{"format": "accord-workshop", "x": "\\ud800"}')


# -- ids and digests --------------------------------------------------------------------------


def test_renew_ids_gives_every_part_a_fresh_id_and_keeps_references() -> None:
    original = signed_workshop()
    copy = renew_ids(original)
    assert copy.title == original.title and copy.status == original.status
    old_ids = {original.id} | {
        item.id
        for f in fields(Workshop)
        if isinstance(getattr(original, f.name), list)
        for item in getattr(original, f.name)
    }
    old_ids |= {s.id for v in original.versions for s in v.signatories}
    new_ids = {copy.id} | {
        item.id
        for f in fields(Workshop)
        if isinstance(getattr(copy, f.name), list)
        for item in getattr(copy, f.name)
    }
    new_ids |= {s.id for v in copy.versions for s in v.signatories}
    assert len(new_ids) == len(old_ids) and not new_ids & old_ids
    parties = {p.id for p in copy.parties}
    assert all(set(a.roles) <= parties for a in copy.activities)
    assert [r for a in copy.activities for r in a.roles.values()] == [
        r for a in original.activities for r in a.roles.values()
    ]
    people = {p.id for p in copy.participants}
    assert all(a.owner_id in people for a in copy.action_items if a.owner_id)
    assert sum(a.owner_id is not None for a in copy.action_items) == sum(
        a.owner_id is not None for a in original.action_items
    )
    assert copy.versions[0].snapshot == SNAPSHOT
    assert copy.versions[0].digest == original.versions[0].digest
    assert loads(dumps(copy)) == copy  # still a valid file


def test_digest_matches() -> None:
    w = signed_workshop()
    signed, draft = w.versions
    assert digest_matches(signed) and digest_matches(draft)
    doc = document()
    doc["workshop"]["versions"][0]["snapshot"] = SNAPSHOT.replace("4800000", "9800000")
    tampered = loads(json.dumps(doc))  # loads reads it; the caller warns
    assert not digest_matches(tampered.versions[0])


# -- fuzzing: any input is a workshop or one ImportFileError ----------------------------------

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=30,
)
FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
VALID = dumps(signed_workshop())
VALID_DOC = json.loads(VALID)


def loads_or_refuses(text: str | bytes) -> None:
    try:
        result = loads(text)
    except ImportFileError as exc:
        assert exc.message and "\n" not in exc.message
    else:
        assert isinstance(result, Workshop)


@FAST
@given(value=JSON)
def test_random_json_is_refused_cleanly(value: Any) -> None:
    loads_or_refuses(json.dumps(value))
    loads_or_refuses(json.dumps({"format": "accord-workshop", "version": 1, "workshop": value}))


@FAST
@given(data=st.binary(max_size=200))
def test_random_bytes_are_refused_cleanly(data: bytes) -> None:
    loads_or_refuses(data)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _paths(item, (*prefix, i))
    return found


PATHS = _paths(VALID_DOC)


def _mutated(path: tuple[Any, ...], new: Any, delete: bool) -> str:
    doc = json.loads(VALID)
    target = doc
    for key in path[:-1]:
        target = target[key]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = new
    return json.dumps(doc)


@FAST
@given(path=st.sampled_from(PATHS))
def test_deleting_any_key_or_item(path: tuple[Any, ...]) -> None:
    loads_or_refuses(_mutated(path, None, delete=True))


@FAST
@given(path=st.sampled_from(PATHS), value=JSON)
def test_changing_any_value(path: tuple[Any, ...], value: Any) -> None:
    loads_or_refuses(_mutated(path, value, delete=False))


@FAST
@given(cut=st.integers(min_value=0, max_value=len(VALID)))
def test_truncating_the_file(cut: int) -> None:
    loads_or_refuses(VALID[:cut])
    loads_or_refuses(VALID.encode("utf-8")[:cut])


# -- fuzzing with values at and beyond the limits: refused, or the workshop composes and prints


def _leaf(path: tuple[Any, ...]) -> Any:
    return path[-1] if not isinstance(path[-1], int) else None


NUMBER_FIELDS = {
    "target",
    "baseline",
    "revenue_target",
    "average_deal",
    "marketing_share",
    "mql_to_sql",
    "sql_to_won",
}
DATE_FIELDS = {
    "date",
    "deadline",
    "due",
    "first_date",
    "review_date",
    "effective_date",
    "announcement_date",
    "created_at",
    "updated_at",
    "signed_at",
}
WHOLE_FIELDS = {
    "months",
    "term_months",
    "planned_minutes",
    "actual_minutes",
    "duration_minutes",
    "dots_per_participant",
    "number",
}
NUMBER_PATHS = [p for p in PATHS if _leaf(p) in NUMBER_FIELDS]
DATE_PATHS = [p for p in PATHS if _leaf(p) in DATE_FIELDS]
WHOLE_PATHS = [p for p in PATHS if _leaf(p) in WHOLE_FIELDS or "tallies" in p[:-1]]

EXTREME_NUMBERS = st.one_of(
    st.sampled_from(
        [
            "1E+28",
            "1E+40",
            "1E+30",
            "-1E+120",
            "1E+120",
            "1E-120",
            "1E+121",
            "1000000000000000",
            "1000000000000000.000001",
            "-1000000000000000",
            "0.000001",
            "0.0000001",
            "-0",
            "0",
            "1",
            "1.5",
            "99999999999999999999999999999999999999999999999999999999999999",
        ]
    ),
    st.decimals(allow_nan=False, allow_infinity=False).map(str).filter(lambda t: len(t) <= 64),
)
EXTREME_DATES = st.sampled_from(
    [
        "0001-01-01",
        "9999-12-31",
        "1899-12-31",
        "1900-01-01",
        "2199-12-31",
        "2200-01-01",
        "0001-01-01T00:00:00+14:00",
        "9999-12-31T23:59:59-14:00",
        "2199-12-31T23:00:00-14:00",
        "1900-01-01T00:00:00+00:00",
        "1900-01-01T05:00:00+14:00",
        "2026-11-23T10:00:00Z",
    ]
)
EXTREME_WHOLE = st.one_of(
    st.sampled_from([0, 1, 20, 21, 120, 121, 600, 601, 720, 721, 10_080, 10**9, 10**9 + 1]),
    st.integers(min_value=-(2**40), max_value=2**40),
)
OVERSIZED = st.sampled_from([200, 201, 300, 301, 20_000, 20_001, 999_999]).map(lambda n: "x" * n)


def _within_limits(obj: Any) -> None:
    """Every value of an imported workshop is one that could have been typed."""
    from workshop import limits

    for f in fields(obj):
        value = getattr(obj, f.name)
        owner = type(obj)
        if isinstance(value, str):
            assert len(value) <= limits.max_chars(owner, f.name), f.name
        elif isinstance(value, bool) or value is None:
            continue
        elif isinstance(value, int):
            low, high = limits.WHOLE.get((owner, f.name), (0, 2**31 - 1))
            assert low <= value <= high, f.name
        elif isinstance(value, Decimal):
            rule = limits.number_rule(owner, f.name)
            assert rule is not None and limits.number_fits(rule, value), f.name
        elif isinstance(value, datetime):
            assert limits.moment_fits(value), f.name
        elif isinstance(value, date):
            assert limits.date_fits(value), f.name
        elif isinstance(value, list):
            for item in value:
                if hasattr(item, "__dataclass_fields__"):
                    _within_limits(item)
        elif hasattr(value, "__dataclass_fields__"):
            _within_limits(value)


def loads_refuses_or_prints(text: str) -> None:
    """Refused in one sentence, or a workshop whose agreement, summary lines and file all
    come out (what would otherwise fail later, on export)."""
    from workshop.agreement import canonical, compose, from_snapshot
    from workshop.steps import STEPS
    from workshop.summary import captured

    try:
        w = loads(text)
    except ImportFileError as exc:
        assert exc.message and "\n" not in exc.message and exc.message.endswith(".")
        return
    _within_limits(w)
    snapshot = canonical(compose(w))
    assert canonical(from_snapshot(snapshot)) == snapshot
    for step in STEPS:
        captured(w, step)
    assert loads(dumps(w)) == w


@FAST
@given(path=st.sampled_from(NUMBER_PATHS), value=EXTREME_NUMBERS)
def test_extreme_numbers_are_refused_or_print(path: tuple[Any, ...], value: str) -> None:
    loads_refuses_or_prints(_mutated(path, value, delete=False))


@FAST
@given(path=st.sampled_from(DATE_PATHS), value=EXTREME_DATES)
def test_extreme_dates_are_refused_or_print(path: tuple[Any, ...], value: str) -> None:
    loads_refuses_or_prints(_mutated(path, value, delete=False))


@FAST
@given(path=st.sampled_from(WHOLE_PATHS), value=EXTREME_WHOLE)
def test_extreme_whole_numbers_are_refused_or_print(path: tuple[Any, ...], value: int) -> None:
    loads_refuses_or_prints(_mutated(path, value, delete=False))


def _at(doc: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        doc = doc[key]
    return doc


TEXT_PATHS = [
    p
    for p in PATHS
    if isinstance(_at(VALID_DOC, p), str) and _leaf(p) not in DATE_FIELDS | NUMBER_FIELDS
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(TEXT_PATHS), value=OVERSIZED)
def test_oversized_texts_are_refused_or_print(path: tuple[Any, ...], value: str) -> None:
    loads_refuses_or_prints(_mutated(path, value, delete=False))


def test_the_fuzzed_fields_are_found() -> None:
    assert {_leaf(p) for p in NUMBER_PATHS} == NUMBER_FIELDS
    assert {"created_at", "signed_at", "review_date", "first_date", "deadline"} <= {
        _leaf(p) for p in DATE_PATHS
    }
    assert len(WHOLE_PATHS) > 10 and len(TEXT_PATHS) > 50


def test_a_file_from_before_workshop_signatories_reads_with_none() -> None:
    """Files written before the workshop kept its own signatories still import."""
    data = json.loads(dumps(build_demo_workshop(date(2026, 11, 23))))
    del data["workshop"]["signatories"]
    assert loads(json.dumps(data)).signatories == []
