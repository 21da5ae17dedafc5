"""Shared goal: the goal, the team objectives and the reverse funnel behind the MQL commitment."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from storage.engine import resolve_url
from storage.library import open_library
from tests.ui.shell.test_accessibility import unnamed_focusable
from tests.ui.typing_helpers import type_text
from ui.editing.binding import exact_text
from ui.shell.main_window import MainWindow
from ui.steps.goal import SUPPORTS, GoalPage
from workshop.demo import build_demo_workshop
from workshop.editing import new_workshop
from workshop.gaps import gaps
from workshop.model import Commitment, FunnelAssumptions, Objective, Team, Workshop
from workshop.steps import Step

DEMO_INPUTS = (
    ("revenue_target", "800000"),
    ("average_deal", "18000"),
    ("marketing_share", "60%"),
    ("mql_to_sql", "25%"),
    ("sql_to_won", "0.25"),
    ("months", "12"),
)


def open_goal(
    make_window: Callable[..., MainWindow], path: Path, workshop: Workshop | None = None
) -> tuple[MainWindow, GoalPage]:
    w = workshop or new_workshop("Goal test", client="Acme")
    repo = open_library(resolve_url(str(path)))
    repo.add(w)
    repo.close()
    window = make_window()
    window.open_workshop(w.id, Step.GOAL)
    assert window.view is not None
    page = window.view.page(Step.GOAL)
    assert isinstance(page, GoalPage)
    assert page.isVisible()
    return window, page


def rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    db = sqlite3.connect(path)
    try:
        return db.execute(sql).fetchall()
    finally:
        db.close()


def stored(path: Path, sql: str) -> Any:
    return rows(path, sql)[0][0]


def retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Replace what ``edit`` holds by typing over it, as a person does."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def mql_commitments(path: Path) -> list[tuple[Any, ...]]:
    return rows(
        path,
        "SELECT target, follows_funnel, committed_by, unit FROM commitments "
        "WHERE follows_funnel = 1",
    )


def test_typed_funnel_shows_the_plan_and_sets_the_mql_commitment(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, page = open_goal(make_window, library_path)
    panel = page.funnel
    assert panel.outputs.currentWidget() is panel.message
    assert panel.message.text() == "The reverse funnel needs the revenue target."
    for field, text in DEMO_INPUTS[:-1]:
        retype(qtbot, panel.inputs[field], text)
    assert panel.message.text() == "The reverse funnel needs the period length."
    assert mql_commitments(library_path) == []  # no plan yet, no commitment
    retype(qtbot, panel.inputs["months"], "12")

    assert panel.outputs.currentIndex() == 0
    shown = {key: label.text() for key, label in panel.figures.items()}
    assert shown == {
        "deals": "27",
        "deals_per_month": "3",
        "sqls": "108",
        "sqls_per_month": "9",
        "mqls": "432",
        "mqls_per_month": "36",
    }
    assert panel.period_header.text() == "For 12 months"
    assert stored(library_path, "SELECT funnel_revenue_target FROM workshops") == "800000"
    assert stored(library_path, "SELECT funnel_marketing_share FROM workshops") == "0.6"
    assert stored(library_path, "SELECT funnel_months FROM workshops") == 12
    assert mql_commitments(library_path) == [("36", 1, "marketing", "MQLs")]

    # A rate shows as a percentage once the field is left; an amount with its separators.
    page.metric_edit.setFocus()
    assert panel.inputs["sql_to_won"].text() == "25 %"
    assert panel.inputs["revenue_target"].text() == "800,000"

    # Typing "12" was one step: undo takes the months and the commitment it made.
    window.act.undo.trigger()
    assert panel.inputs["months"].text() == ""
    assert mql_commitments(library_path) == []
    assert panel.message.text() == "The reverse funnel needs the period length."
    window.act.redo.trigger()
    assert panel.figures["mqls_per_month"].text() == "36"
    assert mql_commitments(library_path) == [("36", 1, "marketing", "MQLs")]


def test_undo_reverts_a_funnel_input_and_the_commitment_together(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    demo = build_demo_workshop(date(2026, 11, 23))
    window, page = open_goal(make_window, library_path, demo)
    panel = page.funnel
    assert panel.figures["mqls_per_month"].text() == "36"
    assert mql_commitments(library_path) == [("36", 1, "marketing", "MQLs")]
    retype(qtbot, panel.inputs["mql_to_sql"], "50 %")  # twice the rate: half the MQLs
    assert panel.figures["mqls_per_month"].text() == "18"
    assert mql_commitments(library_path) == [("18", 1, "marketing", "MQLs")]

    window.act.undo.trigger()
    assert panel.inputs["mql_to_sql"].text() == "25 %"
    assert stored(library_path, "SELECT funnel_mql_to_sql FROM workshops") == "0.25"
    assert mql_commitments(library_path) == [("36", 1, "marketing", "MQLs")]
    assert panel.figures["mqls_per_month"].text() == "36"
    window.act.redo.trigger()
    assert mql_commitments(library_path) == [("18", 1, "marketing", "MQLs")]
    assert len(demo.commitments) == len(rows(library_path, "SELECT id FROM commitments"))


def test_a_commitment_typed_by_hand_is_left_alone(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    w = new_workshop("Overridden")
    w.funnel = FunnelAssumptions(Decimal(800000), Decimal(18000), Decimal("0.6"), None, None, 12)
    # Someone typed 50 on the Accountability step: it no longer follows the funnel.
    w.commitments = [
        Commitment(committed_by=Team.MARKETING, what="MQLs", target=Decimal(50), unit="MQLs")
    ]
    _, page = open_goal(make_window, library_path, w)
    retype(qtbot, page.funnel.inputs["mql_to_sql"], "25%")
    retype(qtbot, page.funnel.inputs["sql_to_won"], "25%")
    assert page.funnel.figures["mqls_per_month"].text() == "36"
    assert rows(library_path, "SELECT target, follows_funnel FROM commitments") == [("50", 0)]


def test_invalid_funnel_entries_are_explained_and_not_stored(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    demo = build_demo_workshop(date(2026, 11, 23))
    _, page = open_goal(make_window, library_path, demo)
    panel = page.funnel
    rate = panel.inputs["mql_to_sql"]
    retype(qtbot, rate, "0 %")
    zero = "The MQL→SQL rate must be more than 0 % and at most 100 %."
    assert panel.errors["mql_to_sql"].isVisible()
    assert panel.errors["mql_to_sql"].text() == zero
    assert panel.message.isVisible() and panel.message.text() == zero
    assert stored(library_path, "SELECT funnel_mql_to_sql FROM workshops") == "0.25"
    assert mql_commitments(library_path) == [("36", 1, "marketing", "MQLs")]

    deal = panel.inputs["average_deal"]
    retype(qtbot, deal, "abc")
    page.metric_edit.setFocus()  # leaving keeps what was typed, and says why it is not used
    assert deal.text() == "abc" and rate.text() == "0 %"
    assert (
        panel.errors["average_deal"].text() == "For the average deal size, “abc” is not an amount."
    )
    assert stored(library_path, "SELECT funnel_average_deal FROM workshops") == "18000"
    # The first problem in the funnel's order is the one the outputs name.
    assert panel.message.text() == "For the average deal size, “abc” is not an amount."

    retype(qtbot, deal, "18k")
    retype(qtbot, rate, "3%")
    assert not panel.errors["mql_to_sql"].isVisible()
    warning = panel.warnings["mql_to_sql"]
    assert warning.isVisible()
    assert warning.text() == "An MQL→SQL rate of 3 % is far below the typical 10–40 %; check it."
    assert panel.figures["mqls_per_month"].text() == "300"
    assert mql_commitments(library_path) == [("300", 1, "marketing", "MQLs")]


def test_typical_ranges_are_shown_beside_the_rates(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    _, page = open_goal(make_window, library_path)
    hints = {label.text() for label in page.funnel.findChildren(type(page.funnel.message))}
    assert {"typical 30–70 %", "typical 10–40 %", "typical 20–30 %"} <= hints


def test_goal_numbers_are_read_as_people_write_them(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, page = open_goal(make_window, library_path)
    retype(qtbot, page.target_edit, "4,800,000")
    assert stored(library_path, "SELECT goal_target FROM workshops") == "4800000"
    assert window.view is not None
    assert window.view.doc.workshop.goal.target == Decimal(4800000)

    retype(qtbot, page.baseline_edit, "four")
    assert page.baseline_error.isVisible()
    assert page.baseline_error.text() == (
        "“four” is not a number; type the baseline as digits, e.g. 1200 or 4.8."
    )
    assert page.baseline_edit.text() == "four"  # kept while typing
    assert stored(library_path, "SELECT goal_baseline FROM workshops") is None
    retype(qtbot, page.baseline_edit, "4000000")
    assert not page.baseline_error.isVisible()
    page.unit_edit.setFocus()
    assert page.baseline_edit.text() == "4,000,000"
    assert stored(library_path, "SELECT goal_baseline FROM workshops") == "4000000"
    window.act.undo.trigger()
    assert page.baseline_edit.text() == ""
    assert stored(library_path, "SELECT goal_baseline FROM workshops") is None


_typable = st.text(
    # What a keyboard can type: no control, surrogate or unassigned code points.
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Cn")),
    max_size=8,
)


def test_goal_text_round_trips_unchanged(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    _, page = open_goal(make_window, library_path)

    @settings(
        max_examples=10,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(
        # A paragraph separator typed is a new paragraph: it reads back as "\n".
        statement=_typable.filter(lambda s: "\u2029" not in s),
        metric=_typable,
    )
    def check(statement: str, metric: str) -> None:
        for edit, text in ((page.statement_edit, statement), (page.metric_edit, metric)):
            edit.setFocus()
            edit.selectAll()
            qtbot.keyClick(edit, Qt.Key.Key_Backspace)
            type_text(edit, text)
        assert stored(library_path, "SELECT goal_statement FROM workshops") == statement
        assert stored(library_path, "SELECT goal_metric FROM workshops") == metric
        assert exact_text(page.statement_edit) == statement
        assert page.metric_edit.text() == metric

    check()


def test_no_break_space_in_the_statement_is_kept(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    _, page = open_goal(make_window, library_path)
    page.statement_edit.setFocus()
    type_text(page.statement_edit, "EUR\u00a04.8M")
    assert stored(library_path, "SELECT goal_statement FROM workshops") == "EUR\u00a04.8M"


def test_objectives_are_added_with_the_goal_in_mind(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, page = open_goal(make_window, library_path)
    table = page.objectives_editor.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Insert)
    editor = next(e for e in table.viewport().findChildren(QLineEdit) if e.isVisible())
    type_text(editor, "Lift demo requests")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # Qt commits and closes the editor on the next turn of the event loop.
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert rows(library_path, "SELECT team, statement, supports_goal FROM objectives") == [
        ("marketing", "Lift demo requests", 1)
    ]
    model = page.objectives
    assert model.setData(
        model.index(0, SUPPORTS), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert stored(library_path, "SELECT supports_goal FROM objectives") == 0
    window.act.undo.trigger()
    assert stored(library_path, "SELECT supports_goal FROM objectives") == 1


def test_every_gap_leads_to_its_field(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    w = new_workshop("Gaps")
    loose = Objective(team=Team.SALES, statement="Faster follow-up", supports_goal=False)
    w.objectives = [loose]
    w.funnel = FunnelAssumptions(sql_to_won=Decimal("0.05"))  # far below the usual range
    _, page = open_goal(make_window, library_path, w)
    targets = [gap.target for gap in gaps(w, Step.GOAL)]
    assert {"goal.statement", "goal.metric", "goal.target", "goal.deadline"} <= set(targets)
    assert "funnel.sql_to_won" in targets
    assert f"objectives/{loose.id}/supports_goal" in targets
    for target in targets:
        page.go_to(target)
        focus = QApplication.focusWidget()
        assert isinstance(focus, QWidget)
        collection, _, rest = target.partition("/")
        if collection in page.editors:
            table = page.editors[collection].table
            assert focus is table or table.isAncestorOf(focus), target
            if rest:
                field = rest.split("/")[1]
                assert table.currentIndex().row() == 0
                column = page.objectives.columns[table.currentIndex().column()]
                assert column.field == field
        else:
            assert focus is page.fields[target], target
            assert isinstance(focus, QLineEdit | QPlainTextEdit) or target == "goal.deadline"


def test_the_goal_page_controls_are_all_named(
    qtbot: QtBot, make_window: Callable[..., MainWindow], library_path: Path
) -> None:
    window, _ = open_goal(make_window, library_path, build_demo_workshop(date(2026, 11, 23)))
    assert unnamed_focusable(window) == []
