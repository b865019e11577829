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


def test_an_uploaded_file_is_read_with_or_without_the_bom():
    text = "名稱,價格\r\nชา,450\r\n"
    assert spreadsheet.uploaded_text(text.encode(), 100) == text
    # our own export, uploaded back: the BOM is not part of the first column's name
    exported = spreadsheet.csv_bytes(["名稱"], [["ชา"]])
    assert spreadsheet.uploaded_text(exported, 100).startswith("名稱\r\n")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b" \r\n ", "empty"),
        (b"a" * 101, "too_big"),
        ("名稱".encode("big5"), "encoding"),
        (b"name\x00,price", "binary"),
    ],
)
def test_a_file_that_is_not_text_to_read_says_why(content, reason):
    with pytest.raises(spreadsheet.Unreadable) as refused:
        spreadsheet.uploaded_text(content, 100)
    assert refused.value.reason == reason
    # the reason is also the error's message, what a log or traceback shows an operator
    assert str(refused.value) == reason


def test_a_file_at_the_size_limit_is_read():
    assert spreadsheet.uploaded_text(b"a" * 100, 100) == "a" * 100
