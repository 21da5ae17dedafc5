"""scorecard: one month's figures from the CRM records, and each commitment and KPI of the
agreement version in force set against its target."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from cli.repository import open_repository, warn_if_damaged

if TYPE_CHECKING:
    from workshop.agreement import Agreement
    from workshop.model import Workshop
    from workshop.scorecard import Figures


def _as_of(text: str | None) -> date:
    from workshop.errors import ValidationError
    from workshop.i18n import _

    if text is None:
        return datetime.now().date()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            _("“{text}” is not a day written YYYY-MM-DD, such as 2026-03-31.").format(text=text)
        ) from None


def _item_ids(workshop: Workshop, collection: str, names: list[str]) -> list[str | None]:
    """The workshop's ids for the agreement's items (a snapshot holds no ids): the item
    with the same words, in order, each used once."""
    key = "what" if collection == "commitments" else "name"
    unused = [(getattr(item, key), item.id) for item in getattr(workshop, collection)]
    found: list[str | None] = []
    for name in names:
        match = next((pair for pair in unused if pair[0] == name), None)
        if match is not None:
            unused.remove(match)
        found.append(None if match is None else match[1])
    return found


def _number(value: Decimal | None) -> str | None:
    from workshop.scorecard import spelled

    return spelled(value)


def _metrics(f: Figures, window_hours: int | None) -> dict[str, Any]:
    from workshop.scorecard import share

    def text(value: Decimal | None) -> str | None:
        return None if value is None else str(value)

    known = window_hours is not None
    return {
        "mqls": f.mqls,
        "sals": f.sals,
        "sqls": f.sqls,
        "won": f.won,
        "revenue": _number(f.revenue),
        "mql_to_sal": text(share(f.mqls_to_sal, f.mqls)),
        "mql_to_sql": text(share(f.mqls_to_sql, f.mqls)),
        "mql_to_won": text(share(f.mqls_to_won, f.mqls)),
        "sql_to_won": text(share(f.sqls_to_won, f.sqls)),
        "first_touch": {
            "window_hours": window_hours,
            "in_time": f.first_touch_in_time if known else None,
            "late": f.first_touch_late if known else None,
            "pending": f.first_touch_pending if known else None,
        },
        "median_days_sql_to_won": _number(f.median_days_sql_to_won),
    }


def report(workshop: Workshop, period_text: str, as_of_day: date, repo: Any) -> dict[str, Any]:
    """The scorecard of ``period_text`` as JSON-ready data."""
    from storage.scorecard_sql import figures, typed_values
    from workshop import measures as ms
    from workshop import scorecard as sc
    from workshop.agreement import from_snapshot

    period = sc.Period.parse(period_text)
    version = sc.version_in_force(workshop.versions, period)
    agreement: Agreement = from_snapshot(version.snapshot)
    effective, term = agreement.effective_date, agreement.term_months
    as_of = sc.local_start(as_of_day)
    measures = [c.measure for c in agreement.commitments] + [k.measure for k in agreement.kpis]
    hours = sc.follow_up_window(measures)
    won_hours = next(
        (
            m.within_hours
            for m in measures
            if isinstance(m, ms.TimeBetween) and m.span is ms.Span.SQL_TO_WON
        ),
        None,
    )
    month = sc.month_window(period, effective, term)
    offset = sc.local_start(period.first_day).astimezone().utcoffset()
    minutes = 0 if offset is None else int(offset.total_seconds() // 60)
    with repo.reading() as conn:
        monthly = figures(conn, workshop.id, month, as_of, hours, won_hours, minutes)
        quarterly = monthly
        if any(getattr(m, "per", None) is ms.Per.QUARTER for m in measures):
            quarter = sc.quarter_window(period, effective, term)
            quarterly = figures(conn, workshop.id, quarter, as_of, hours, won_hours, minutes)
        typed = typed_values(conn, workshop.id, period.text)

    def entry(
        what: str, party: str, target: Decimal | None, measure: Any, item: str | None
    ) -> dict[str, Any]:
        per_quarter = getattr(measure, "per", None) is ms.Per.QUARTER
        got = sc.result(
            measure,
            target,
            quarterly if per_quarter else monthly,
            typed.get(item) if item else None,
            agreement.goal.target,
            term,
        )
        shown = (
            None if measure is None else ms.to_dict(measure) | {"description": ms.describe(measure)}
        )
        return {
            "what": what,
            "party": party,
            "target": _number(got.target),
            "measure": shown,
            "actual": _number(got.actual),
            "status": got.status.value,
        }

    commitment_ids = _item_ids(workshop, "commitments", [c.what for c in agreement.commitments])
    kpi_ids = _item_ids(workshop, "kpis", [k.name for k in agreement.kpis])
    return {
        "period": period.text,
        "version": version.number,
        "digest": version.digest,
        "metrics": _metrics(monthly, hours),
        "commitments": [
            entry(c.what, c.committed_by, c.target, c.measure, i)
            for c, i in zip(agreement.commitments, commitment_ids, strict=True)
        ],
        "kpis": [
            entry(k.name, k.owner, k.target, k.measure, i)
            for k, i in zip(agreement.kpis, kpi_ids, strict=True)
        ],
    }


def _table(data: dict[str, Any]) -> str:
    lines = [f"Scorecard {data['period']} — agreement version {data['version']}"]
    for key, value in data["metrics"].items():
        lines.append(f"  {key}: {value}")
    for title, items in (("Commitments", data["commitments"]), ("KPIs", data["kpis"])):
        lines.append(title)
        for item in items:
            lines.append(
                f"  {item['status']:>8}  {item['what']} — actual {item['actual']}, "
                f"target {item['target']}"
            )
    return "\n".join(lines)


def scorecard(args: argparse.Namespace) -> int:
    """Print the scorecard of one month: a table, or with ``--json`` one JSON object."""
    from workshop.scorecard import NoVersionInForce

    as_of_day = _as_of(args.as_of)
    with open_repository(args.database) as repo:
        workshop = repo.get(args.id)
        warn_if_damaged(repo, workshop.id, workshop.title)
        try:
            data = report(workshop, args.period, as_of_day, repo)
        except NoVersionInForce as exc:
            print(exc.message, file=sys.stderr)
            return 2
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(_table(data))
    return 0
