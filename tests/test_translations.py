"""Every catalog in translations/ is complete: each message the code and templates use has a
translation, none is fuzzy, and placeholders match the English."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ["th", "ms", "zh_Hant"]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    pot = tmp_path_factory.mktemp("i18n") / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_l",
            "-k",
            "lazy_gettext",
            "-k",
            "ngettext:1,2",
            "--no-location",
            # Babel skips directories starting with "_" by default: our _partials and _macros
            "--ignore-dirs",
            ".* node_modules instance",
            "-o",
            str(pot),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with pot.open("rb") as handle:
        return read_po(handle)


def _catalog(locale):
    path = ROOT / "translations" / locale / "LC_MESSAGES" / "messages.po"
    assert path.exists(), f"missing catalog {path}"
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


@pytest.mark.parametrize("locale", LOCALES)
def test_catalog_is_complete_and_not_fuzzy(template, locale):
    catalog = _catalog(locale)
    problems = []
    for message in template:
        if not message.id:
            continue
        translated = catalog.get(message.id)
        if translated is None:
            problems.append(f"missing: {message.id!r}")
        elif translated.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        elif not translated.string or (
            isinstance(translated.string, tuple) and not all(translated.string)
        ):
            problems.append(f"untranslated: {message.id!r}")
    assert not problems, f"{locale}: {len(problems)} problems\n" + "\n".join(problems[:40])


@pytest.mark.parametrize("locale", LOCALES)
def test_placeholders_match_the_english(locale):
    problems = []
    for message in _catalog(locale):
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = set(PLACEHOLDER.findall(ids[0]))
        for string in strings:
            if set(PLACEHOLDER.findall(string)) != expected:
                problems.append(f"{message.id!r} → {string!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("locale", LOCALES)
def test_catalog_compiles(locale, tmp_path):
    path = ROOT / "translations" / locale / "LC_MESSAGES" / "messages.po"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "compile",
            "-i",
            str(path),
            "-o",
            str(tmp_path / "messages.mo"),
            "-l",
            locale,
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
