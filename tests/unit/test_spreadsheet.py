"""CSV files for spreadsheet programs: formulas quoted, UTF-8 with a BOM."""

import pytest

from app.domain import spreadsheet


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+66 2", "'+66 2"),
        ("-x", "'-x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("Oolong = tea", "Oolong = tea"),
        (None, ""),
        (-500, "-500"),  # a number we wrote stays a number
    ],
)
def test_a_cell_that_would_run_as_a_formula_is_quoted(value, written):
    assert spreadsheet.cell(value) == written


def test_the_file_has_a_bom_and_crlf_line_ends():
    content = spreadsheet.csv_bytes(["name", "note"], [["烏龍", "a,b"]])
    assert content == b"\xef\xbb\xbfname,note\r\n" + '烏龍,"a,b"\r\n'.encode()
