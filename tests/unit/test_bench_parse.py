"""The load benchmark's bookkeeping (bench/): what it reads from wrk, how runs against two
servers add up, the ratios to the ceiling, and what py-spy's samples say. No timing here."""

from __future__ import annotations

import pytest

from bench import checks, profiling, report, wrk
from bench.scenario import links, next_link

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:5000
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    40.12ms   10.01ms 120.00ms   70.00%
  4000 requests in 10.00s, 80.00MB read
  Non-2xx or 3xx responses: 12
Requests/sec:    400.00
BENCH_JSON {"requests": 4000, "duration_us": 10000000, "bytes": 83886080, "connect": 0, \
"read": 2, "write": 0, "status": 12, "timeout": 1, "p50_us": 38500, "p90_us": 52000, \
"p99_us": 98700, "max_us": 120000}
"""


def test_wrk_result_counts_bad_statuses_and_socket_errors_and_leaves_them_out_of_throughput():
    result = wrk.parse(WRK_OUTPUT)

    assert result.errors == 15  # 12 non-2xx/3xx + 2 read errors + 1 timeout
    assert result.rps == pytest.approx((4000 - 15) / 10)
    assert (result.p50_ms, result.p99_ms) == (38.5, 98.7)


def test_wrk_output_without_the_result_line_is_an_error_that_shows_the_output():
    with pytest.raises(ValueError, match="unable to connect"):
        wrk.parse("unable to connect to 127.0.0.1:5000 Connection refused\n")


def test_two_servers_driven_at_once_add_their_requests_and_keep_the_worse_tail():
    a = wrk.Result(requests=3000, errors=0, seconds=10.0, p50_ms=20.0, p99_ms=80.0)
    b = wrk.Result(requests=2000, errors=4, seconds=10.2, p50_ms=30.0, p99_ms=60.0)

    both = wrk.combine([a, b])

    assert both.requests == 5000
    assert both.errors == 4
    assert both.rps == pytest.approx(4996 / 10.2)
    assert (both.p50_ms, both.p99_ms) == (30.0, 80.0)


def test_lua_strings_survive_quotes_backslashes_and_thai_text():
    literal = wrk.lua_string('q="ชา"\\')

    assert literal.startswith('"')
    assert literal.endswith('"')
    inner = literal[1:-1]
    assert '"' not in inner.replace('\\"', "")
    # every byte outside the safe set is a 3-digit decimal escape, Lua's \ddd
    decoded = bytearray()
    i = 0
    while i < len(inner):
        if inner[i] == "\\":
            decoded.append(int(inner[i + 1 : i + 4]))
            i += 4
        else:
            decoded.append(ord(inner[i]))
            i += 1
    assert decoded.decode() == 'q="ชา"\\'


def test_the_script_sends_the_method_body_and_headers_of_the_request():
    script = wrk.script(
        wrk.Request("/th/cart/add", "POST", "variant=7&quantity=1", {"HX-Request": "true"})
    )

    assert 'wrk.method = "POST"' in script
    assert 'wrk.body = "variant=7&quantity=1"' in script
    assert 'wrk.headers["HX-Request"] = "true"' in script
    assert "done = function(summary, latency, requests)" in script


def test_results_rows_have_the_fields_the_issue_names_and_ratios_use_both_ceiling_runs():
    fast = wrk.Result(requests=6000, errors=0, seconds=10.0, p50_ms=10.0, p99_ms=30.0)
    ceiling = [
        report.ceiling_row(fast, 16, 1, "before"),
        report.ceiling_row(
            wrk.Result(requests=4000, errors=0, seconds=10.0, p50_ms=12.0, p99_ms=40.0),
            16,
            1,
            "after",
        ),
    ]
    page = report.page_row(
        "home",
        "/th/",
        16,
        1,
        wrk.Result(requests=2500, errors=0, seconds=10.0, p50_ms=50.0, p99_ms=90.0),
        {"bytes": 40_000, "bytes_compressed": 9_000, "encoding": "br", "status": 200},
        sql=3,
    )
    report.add_ratios([page], ceiling)

    issue_fields = {"name", "url", "concurrency", "rps", "p50_ms", "p99_ms", "errors"}
    assert issue_fields | {"bytes", "bytes_compressed", "sql"} <= page.keys()
    assert {"concurrency", "rps", "p50_ms", "p99_ms"} <= ceiling[0].keys()
    assert page["ratio"] == 0.5  # 250 req/s against the mean of 600 and 400
    table = report.table({"pages": [page], "ceiling": ceiling})
    home = next(line for line in table.splitlines() if line.startswith("home"))
    assert "0.50" in home
    assert "9,000" in home


def test_a_page_without_a_ceiling_at_its_concurrency_has_no_ratio():
    page = report.page_row(
        "home",
        "/th/",
        64,
        2,
        wrk.Result(requests=10, errors=0, seconds=1.0, p50_ms=1.0, p99_ms=2.0),
        {},
        sql=None,
    )
    report.add_ratios([page], [])

    assert page["ratio"] is None
    assert "-" in report.table({"pages": [page], "ceiling": []})


def test_the_deep_page_is_found_by_the_listing_s_next_link_whatever_the_attribute_order():
    page = (
        '<a class="button" href="/th/c/tea?before=a1" rel="prev">‹</a>'
        '<a class="button" href="/th/c/tea?after=b2&amp;sort=newest" rel="next">Next</a>'
    )

    assert next_link(page) == "/th/c/tea?after=b2&sort=newest"
    assert next_link('<a rel="next" href="/th/c/tea?after=c3">') == "/th/c/tea?after=c3"
    assert next_link("<p>last page</p>") is None
    assert links('<a href="/th/c/tea">x</a><a href="/th/c/tea">y</a>', "/th/c/") == ["/th/c/tea"]


def test_hotspots_count_a_function_once_per_sample_and_leave_idle_workers_out():
    raw = "\n".join(
        [
            "run (gunicorn/sync.py:10);render (jinja2/env.py:5);render (jinja2/env.py:9) 6",
            "run (gunicorn/sync.py:10);execute (sqlalchemy/base.py:3) 4",
            "run (gunicorn/sync.py:10);wait (gunicorn/sync.py:40);select (selectors.py:1) 90",
        ]
    )

    total, inclusive, self_time = profiling.hotspots(raw)

    assert total == 10
    assert dict(inclusive)["render (jinja2/env.py)"] == 6
    assert dict(inclusive)["run (gunicorn/sync.py)"] == 10
    assert self_time[0] == ("render (jinja2/env.py)", 6)


def test_the_operator_change_check_reads_the_product_price_not_a_note_beside_it():
    page = (
        '<meta property="product:price:amount" content="1192.07">'
        '<p class="buy-box__price"><span class="visually-hidden">ราคา </span>฿1,192.07</p>'
        '<p class="price-note muted">ยังไม่รวมค่าจัดส่ง</p>'
    )

    assert checks.price_in(page) == "1192.07"
    assert checks.price_in('<p class="price-note">no figure here</p>') is None
