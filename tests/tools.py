"""Tests that need a tool from outside Python (Debian's chromium, java, the npm packages,
redis-server) skip without it on a laptop and say how to get it. In CI (`CI=true`, as `.ci/run`
sets it) they fail instead and name the tool: a CI run that lacks a tool must not pass by
skipping what needs it. `NoSkipsInCI` (registered by tests/conftest.py) also fails a CI run in
which anything else was skipped.
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def in_ci() -> bool:
    return os.environ.get("CI") == "true"


def require_tool(reason: str, *, module: bool = False) -> NoReturn:
    """Stop the current test (or, with module=True, the module being collected) because a
    tool is missing: `reason` names it and how to install it."""
    if in_ci():
        pytest.fail(f"missing in CI: {reason}", pytrace=False)
    pytest.skip(reason, allow_module_level=module)


class NoSkipsInCI:
    """A pytest plugin: a run in which anything was skipped fails (exit status 1)."""

    def __init__(self) -> None:
        self.skipped: list[tuple[str, str]] = []

    def _note(self, report) -> None:
        if report.skipped and not hasattr(report, "wasxfail"):
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
            self.skipped.append((report.nodeid, str(reason).removeprefix("Skipped: ")))

    def pytest_collectreport(self, report) -> None:
        self._note(report)

    def pytest_runtest_logreport(self, report) -> None:
        self._note(report)

    def pytest_sessionfinish(self, session, exitstatus) -> None:
        if self.skipped and exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter) -> None:
        if not self.skipped:
            return
        terminalreporter.section("skipped in CI (CI=true): the run fails", red=True)
        for nodeid, reason in self.skipped:
            terminalreporter.line(f"{nodeid}: {reason}")
