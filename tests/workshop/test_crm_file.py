"""Reading CRM exports: encodings, delimiters, decimal marks, date orders, presets."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop.crm_file import (
    AmbiguousDatesError,
    CrmFile,
    CrmFileError,
    CrmRecord,
    ReadOptions,
    RowError,
    load_mapping,
    parse_amount,
)
from workshop.crm_presets import PRESETS

UTC_OPTIONS = ReadOptions(zone=UTC)
HUBSPOT = (
    "Record ID,First Name,Contact owner,Lifecycle Stage,"
    "Became a Marketing Qualified Lead Date,Became a Sales Qualified Lead Date,"
    "Became a Customer Date,Original Source,Recent Deal Amount"
)


def csv_bytes(rows: list[list[str]], delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return out.getvalue().encode(encoding)


def read(data: bytes, options: ReadOptions = UTC_OPTIONS) -> list[CrmRecord | RowError]:
    return list(CrmFile(data, options).records())


def only_records(items: list[CrmRecord | RowError]) -> list[CrmRecord]:
    assert all(isinstance(i, CrmRecord) for i in items), items
    return [i for i in items if isinstance(i, CrmRecord)]


def hubspot(*rows: str) -> bytes:
    return "\n".join((HUBSPOT, *rows)).encode()


def test_a_hubspot_export_is_recognised_and_read() -> None:
    file = CrmFile(
        hubspot(
            '101,Anna,"Smith, Jo",customer,2024-03-01 10:00,2024-03-05,2024-04-02,'
            'Organic Search,"12,500.50"'
        ),
        UTC_OPTIONS,
    )
    assert file.preset is not None and file.preset.name == "hubspot"
    (record,) = only_records(list(file.records()))
    assert record.crm_id == "101"
    assert record.mql_at == datetime(2024, 3, 1, 10, tzinfo=UTC)
    assert record.won_at == datetime(2024, 4, 2, tzinfo=UTC)
    assert record.amount_e4 == 125_005_000
    assert (record.owner, record.source, record.line) == ("Smith, Jo", "Organic Search", 2)


def test_a_salesforce_opportunity_is_won_only_when_its_stage_says_so() -> None:
    data = csv_bytes(
        [
            [
                "Opportunity ID",
                "Opportunity Owner",
                "Created Date",
                "Close Date",
                "Stage",
                "Amount",
            ],
            ["006A", "Max", "2024-03-04", "2024-04-05", "Closed Won", "1000"],
            ["006B", "Max", "2024-03-04", "2024-04-05", "Closed Lost", "1000"],
        ]
    )
    won, lost = only_records(read(data))
    assert won.won_at == datetime(2024, 4, 5, tzinfo=UTC) and won.sql_at is not None
    assert lost.won_at is None


def test_a_salesforce_leads_report_is_recognised() -> None:
    data = csv_bytes([["Lead ID", "Lead Owner", "Created Date", "Converted Date", "Lead Source"]])
    file = CrmFile(data, ReadOptions(preset="salesforce"))
    assert file.preset is not None and file.preset.title == "Salesforce leads report"


def test_every_preset_names_an_id_and_a_stage() -> None:
    for preset in PRESETS:
        assert preset.columns["id"]
        assert any(s in preset.columns for s in ("mql_at", "sql_at", "won_at"))


def test_unknown_headers_without_a_mapping_are_refused_in_one_sentence() -> None:
    with pytest.raises(CrmFileError, match="mapping file"):
        CrmFile(b"Name,When\nx,2024-01-01\n")


def test_a_mapping_names_the_columns_and_the_conventions() -> None:
    mapping = load_mapping(
        '{"columns": {"id": "Nr", "sql_at": "Datum", "amount": "Betrag"},'
        ' "delimiter": ";", "decimal": ",", "date_format": "%d.%m.%Y %H:%M"}',
        "m.json",
    )
    data = b"Nr;Datum;Betrag\nA-1;03.04.2024 14:05;1.234,5\n"
    (record,) = only_records(read(data, ReadOptions(mapping=mapping, zone=UTC)))
    assert record.sql_at == datetime(2024, 4, 3, 14, 5, tzinfo=UTC)
    assert record.amount_e4 == 12_345_000


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("not json", "not JSON"),
        ('{"columns": {"colour": "x"}}', "unknown fields"),
        ('{"columns": {"id": "x"}, "decimal": ";"}', "decimal mark"),
        ('{"columns": []}', "columns"),
    ],
)
def test_a_bad_mapping_is_refused(text: str, problem: str) -> None:
    with pytest.raises(CrmFileError, match=problem):
        load_mapping(text, "m.json")


def test_a_mapping_without_a_stage_column_is_refused() -> None:
    mapping = load_mapping('{"columns": {"id": "Nr"}}', "m.json")
    with pytest.raises(CrmFileError, match="no stage column"):
        CrmFile(b"Nr,Datum\n1,2024-01-01\n", ReadOptions(mapping=mapping))


def test_a_missing_mapped_column_is_named() -> None:
    mapping = load_mapping('{"columns": {"id": "Nr", "sql_at": "Missing"}}', "m.json")
    with pytest.raises(CrmFileError, match="Missing"):
        CrmFile(b"Nr,Datum\n1,2024-01-01\n", ReadOptions(mapping=mapping))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_encodings_and_delimiters_are_detected(encoding: str, delimiter: str) -> None:
    rows = [HUBSPOT.split(","), ["7", "Zoë", "Müller – “Ops”", "", "2024-01-02", "", "", "Web", ""]]
    file = CrmFile(csv_bytes(rows, delimiter, encoding), UTC_OPTIONS)
    assert file.delimiter == delimiter
    (record,) = only_records(list(file.records()))
    assert record.owner == "Müller – “Ops”"


def test_quoted_newlines_stay_in_the_cell_and_lines_count_physically() -> None:
    data = hubspot('1,"two\nlines",o,,2024-01-01,,,,', "2,x,o,,bad,,,,")
    first, second = read(data)
    assert isinstance(first, CrmRecord) and first.line == 2
    assert isinstance(second, RowError) and second.line == 4 and "bad" in second.reason


@pytest.mark.parametrize(
    ("text", "decimal", "e4"),
    [
        ("1.234,56", ",", 12_345_600),
        ("1,234.56", ".", 12_345_600),
        ("12,5", ",", 125_000),
        ("€ 99", ".", 990_000),
        ("-0.0001", ".", -1),
    ],
)
def test_amounts_are_exact(text: str, decimal: str, e4: int) -> None:
    assert parse_amount(text, decimal) == e4


@pytest.mark.parametrize(
    "text",
    ["0", "-0", "7", "007", "5.", "12.3", "-12.34", "1234.5678", "922337203685477.5807"],
)
def test_plain_amounts_read_as_decimal_reads_them(text: str) -> None:
    assert parse_amount(text, ".") == int(Decimal(text) * 10_000)


@pytest.mark.parametrize(
    "text", ["abc", "1.00001", "NaN", "1e30", "922337203685477.5808", "-922337203685477.5808"]
)
def test_what_is_not_an_exact_amount_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_amount(text, ".")


def test_the_decimal_comma_is_detected() -> None:
    data = "Record ID;Became a Customer Date;Amount\n1;2024-01-01;1.500\n2;2024-01-01;12,50\n"
    first, second = only_records(read(data.encode()))
    assert (first.amount_e4, second.amount_e4) == (15_000_000, 125_000)


def test_slashed_dates_take_their_order_from_the_whole_column() -> None:
    data = "Record ID,Became a Customer Date\n1,03/04/2024\n2,03/25/2024 2:05 PM\n"
    first, second = only_records(read(data.encode()))
    assert first.won_at == datetime(2024, 3, 4, tzinfo=UTC)
    assert second.won_at == datetime(2024, 3, 25, 14, 5, tzinfo=UTC)


def test_ambiguous_slashed_dates_ask_for_the_date_format() -> None:
    data = b"Record ID,Became a Customer Date\n1,03/04/2024\n2,05/06/2024\n"
    with pytest.raises(AmbiguousDatesError, match="--date-format"):
        CrmFile(data)
    options = ReadOptions(date_format="%d/%m/%Y", zone=UTC)
    first, _second = only_records(read(data, options))
    assert first.won_at == datetime(2024, 4, 3, tzinfo=UTC)


def test_dotted_and_zoned_moments_land_in_utc() -> None:
    data = (
        "Record ID,Became a Customer Date,Became a Sales Qualified Lead Date\n"
        "1,31.12.2024 23:30,2024-06-01T12:00:00+02:00\n"
    )
    plus_one = ReadOptions(zone=timezone(timedelta(hours=1)))
    (record,) = only_records(read(data.encode(), plus_one))
    assert record.won_at == datetime(2024, 12, 31, 22, 30, tzinfo=UTC)
    assert record.sql_at == datetime(2024, 6, 1, 10, tzinfo=UTC)


def test_an_unreadable_file_is_refused_in_one_sentence() -> None:
    with pytest.raises(CrmFileError, match="cannot be read"):
        CrmFile(b"\x81\x8d\x8f\x90\x9d")


ids = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1).filter(
    lambda s: s.strip() == s and "\x00" not in s
)


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(st.tuples(ids, st.text(st.characters(blacklist_categories=("Cs",)))), max_size=8),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
)
def test_any_unicode_in_ids_and_owners_round_trips(
    rows: list[tuple[str, str]], delimiter: str, encoding: str
) -> None:
    unique = list({crm_id: owner.strip().replace("\x00", "") for crm_id, owner in rows}.items())
    table = [["Record ID", "Contact owner", "Became a Customer Date"]]
    table += [[crm_id, owner, "2024-01-02"] for crm_id, owner in unique]
    records = only_records(read(csv_bytes(table, delimiter, encoding)))
    assert [(r.crm_id, r.owner) for r in records] == unique
