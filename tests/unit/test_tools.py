"""A test that needs a missing tool skips on a laptop and fails in CI (tests/tools.py)."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.tools import require_tool

ROOT = Path(__file__).resolve().parents[2]


def test_a_missing_tool_skips_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="redis-server is missing"):
        require_tool("redis-server is missing")
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception, match="redis-server is missing"):
        require_tool("redis-server is missing")


def test_a_missing_tool_fails_in_ci_and_names_the_tool(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="missing in CI: java is missing"):
        require_tool("java is missing")
    with pytest.raises(pytest.fail.Exception, match="chromium"):
        require_tool("/usr/bin/chromium is missing", module=True)


def test_a_whole_module_may_be_skipped_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception) as skipped:
        require_tool("chromium is missing", module=True)
    assert skipped.value.allow_module_level


def run_pytest(tmp_path, files: dict[str, str], ci: bool):
    for name, body in files.items():
        (tmp_path / name).write_text(textwrap.dedent(body))
    env = {k: v for k, v in os.environ.items() if k != "CI"} | {"PYTHONPATH": str(ROOT)}
    if ci:
        env["CI"] = "true"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", str(tmp_path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


CONFTEST = """
    from tests.tools import NoSkipsInCI, in_ci

    def pytest_configure(config):
        if in_ci():
            config.pluginmanager.register(NoSkipsInCI(), "no-skips-in-ci")
"""

#: A sample suite run in a subprocess: its skips (a skip by hand, a missing tool) are the
#: material these tests check the CI guard on, not skips of this project's tests. Each names
#: its reason, as the guard's report must show it.
SUITE = {
    "conftest.py": CONFTEST,
    "test_sample.py": """
        import pytest
        from tests.tools import require_tool

        def test_passes():
            assert True

        def test_skipped_by_hand():
            pytest.skip("flaky on Tuesdays")

        def test_needs_a_tool():
            require_tool("vnu.jar is missing: run `npm ci`")
    """,
}


def test_a_run_with_skips_passes_on_a_laptop(tmp_path):
    result = run_pytest(tmp_path, SUITE, ci=False)
    assert result.returncode == 0, result.stdout
    assert "1 passed, 2 skipped" in result.stdout


def test_in_ci_a_missing_tool_fails_and_any_other_skip_fails_the_run(tmp_path):
    result = run_pytest(tmp_path, SUITE, ci=True)
    assert result.returncode == 1, result.stdout
    assert "1 failed, 1 passed, 1 skipped" in result.stdout
    assert "missing in CI: vnu.jar is missing: run `npm ci`" in result.stdout
    assert "skipped in CI (CI=true): the run fails" in result.stdout
    assert "test_sample.py::test_skipped_by_hand: flaky on Tuesdays" in result.stdout


def test_in_ci_a_skip_alone_still_fails_the_run(tmp_path):
    files = {
        "conftest.py": CONFTEST,
        "test_sample.py": """
            import pytest

            def test_passes():
                assert True

            # a skip with its reason: the material the guard must still fail the run on
            @pytest.mark.skipif(True, reason="only on PostgreSQL")
            def test_elsewhere():
                assert True
        """,
    }
    result = run_pytest(tmp_path, files, ci=True)
    assert result.returncode == 1, result.stdout
    assert "1 passed, 1 skipped" in result.stdout
    assert "test_elsewhere: only on PostgreSQL" in result.stdout


def test_in_ci_a_module_that_needs_a_missing_tool_is_an_error(tmp_path):
    files = {
        "conftest.py": CONFTEST,
        "test_plain.py": "def test_passes():\n    assert True\n",
        "test_browser.py": """
            from tests.tools import require_tool

            require_tool("/usr/bin/chromium is missing", module=True)

            def test_in_a_browser():
                assert True
        """,
    }
    laptop = run_pytest(tmp_path, files, ci=False)
    assert laptop.returncode == 0, laptop.stdout
    assert "1 passed, 1 skipped" in laptop.stdout
    ci = run_pytest(tmp_path, files, ci=True)
    assert ci.returncode != 0, ci.stdout
    assert "missing in CI: /usr/bin/chromium is missing" in ci.stdout
