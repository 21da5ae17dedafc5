"""One result per line, in the form every benchmark shares.

name: value unit (baseline X unit, ratio R, budget B) OK|OVER   budget on the ratio
name: value unit (baseline X unit, ratio R, report only)        baseline shown, no budget
name: value unit (budget B unit) OK|OVER                        absolute budget
name: value unit (report only)
name: ERROR one sentence                                        counts as failing
"""

from __future__ import annotations

from dataclasses import dataclass


class BenchError(Exception):
    """A benchmark could not measure; its message is the one sentence to report."""


def format_value(value: float) -> str:
    """About three significant digits, never in exponent notation."""
    magnitude = abs(value)
    if magnitude >= 100:
        return f"{value:.0f}"
    if magnitude >= 10:
        return f"{value:.1f}"
    if magnitude >= 1:
        return f"{value:.2f}"
    return f"{value:.3f}"


def format_ratio_budget(budget: float) -> str:
    text = f"{budget:g}"
    return text if "." in text else f"{text}.0"


def one_sentence(text: str) -> str:
    """``text`` squeezed onto one line and ended with a full stop."""
    sentence = " ".join(text.split()) or "unknown failure"
    return sentence if sentence.endswith((".", "!", "?")) else f"{sentence}."


@dataclass(frozen=True)
class Result:
    name: str
    value: float = 0.0
    unit: str = ""
    baseline: float | None = None
    ratio_budget: float | None = None  # the most ``value / baseline`` may be
    absolute_budget: float | None = None  # the most ``value`` may be, in ``unit``
    error: str | None = None

    @classmethod
    def failed(cls, name: str, error: str) -> Result:
        return cls(name=name, error=one_sentence(error))

    @property
    def ratio(self) -> float | None:
        """``value / baseline``, rounded as printed (so OK/OVER agrees with the line)."""
        if self.baseline is None:
            return None
        if self.baseline <= 0:
            raise BenchError(f"{self.name}: the baseline measured {self.baseline}, not > 0")
        return round(self.value / self.baseline, 2)

    @property
    def over(self) -> bool:
        if self.error is not None:
            return True
        ratio = self.ratio
        if self.ratio_budget is not None and ratio is not None and ratio > self.ratio_budget:
            return True
        return self.absolute_budget is not None and self.value > self.absolute_budget

    def line(self) -> str:
        if self.error is not None:
            return f"{self.name}: ERROR {self.error}"
        head = f"{self.name}: {format_value(self.value)} {self.unit}"
        verdict = "OVER" if self.over else "OK"
        if self.baseline is not None:
            base = f"baseline {format_value(self.baseline)} {self.unit}, ratio {self.ratio:.2f}"
            if self.ratio_budget is None:
                return f"{head} ({base}, report only)"
            return f"{head} ({base}, budget {format_ratio_budget(self.ratio_budget)}) {verdict}"
        if self.absolute_budget is not None:
            return f"{head} (budget {self.absolute_budget:g} {self.unit}) {verdict}"
        return f"{head} (report only)"
