"""funnel: a revenue target worked back to the deals, SQLs and MQLs it needs."""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal


def funnel(args: argparse.Namespace) -> int:
    """Print the reverse funnel; a bad value is one sentence on stderr and exit status 2."""
    import json

    from workshop.funnel import (
        FunnelInputError,
        format_rate,
        parse_amount,
        parse_months,
        parse_rate,
        plan,
        plan_with_defaults,
    )
    from workshop.i18n import _
    from workshop.model import FunnelAssumptions

    try:
        revenue_target = parse_amount(args.revenue_target, "revenue_target")
        average_deal = parse_amount(args.average_deal, "average_deal")
        share = parse_rate(args.marketing_share or "", "marketing_share")
        mql_to_sql = parse_rate(args.mql_to_sql or "", "mql_to_sql")
        sql_to_won = parse_rate(args.sql_to_won or "", "sql_to_won")
        months = parse_months(args.months or "")
        if revenue_target is None or average_deal is None:
            # Given as blank text: the domain says which input the funnel needs.
            plan(FunnelAssumptions(revenue_target=revenue_target, average_deal=average_deal))
            return 2  # not reached: plan() refuses a missing amount
        result = plan_with_defaults(
            revenue_target, average_deal, share, mql_to_sql, sql_to_won, months
        )
    except FunnelInputError as exc:
        print(exc.message, file=sys.stderr)
        return 2

    one = Decimal(1)
    share = one if share is None else share
    mql_to_sql = one if mql_to_sql is None else mql_to_sql
    sql_to_won = one if sql_to_won is None else sql_to_won
    if args.json:
        payload = {
            "deals": result.deals,
            "sqls": result.sqls,
            "mqls": result.mqls,
            "deals_per_month": result.deals_per_month,
            "sqls_per_month": result.sqls_per_month,
            "mqls_per_month": result.mqls_per_month,
            "months": result.months,
            "revenue_target": f"{revenue_target:f}",
            "average_deal": f"{average_deal:f}",
            "marketing_share": f"{share:f}",
            "mql_to_sql": f"{mql_to_sql:f}",
            "sql_to_won": f"{sql_to_won:f}",
        }
        print(json.dumps(payload))
        return 0

    rows = [
        (_("Stage"), _("For the period"), _("Per month")),
        (_("Deals"), f"{result.deals:,}", f"{result.deals_per_month:,}"),
        (_("SQLs"), f"{result.sqls:,}", f"{result.sqls_per_month:,}"),
        (_("MQLs"), f"{result.mqls:,}", f"{result.mqls_per_month:,}"),
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for stage, period, per_month in rows:
        print(f"{stage:<{widths[0]}}  {period:>{widths[1]}}  {per_month:>{widths[2]}}")
    print(
        _(
            "Inputs: revenue target {revenue}, average deal size {deal}, marketing-sourced "
            "share {share}, MQL→SQL rate {mql}, SQL→won rate {sql}, {months} months."
        ).format(
            revenue=f"{revenue_target:,f}",
            deal=f"{average_deal:,f}",
            share=format_rate(share),
            mql=format_rate(mql_to_sql),
            sql=format_rate(sql_to_won),
            months=result.months,
        )
    )
    return 0
