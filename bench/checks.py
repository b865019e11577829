"""What two app servers must share (DESIGN.md, Scaling out), checked against the running pair:
a session opened on one is the same session on the other (cart and sign-in), a rate limit
counts requests to both, and an operator's change (a new exchange rate) shows on both within
seconds. Each check returns a short verdict for the report; none raises."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from decimal import Decimal

from bench.client import Browser, csrf_token
from bench.scenario import LANG, Scenario
from bench.servers import ROOT, Server

SHOPPER = ("shopper@demo.example.com", "goodgoods-shopper")
#: the product's price as the page states it for link previews and search engines
PRICE = re.compile(
    r'<meta property="product:price:amount" content="([^"]+)"'
    r'|<meta itemprop="price" content="([^"]+)"'
)


def cart_on_both(servers: list[Server], plan: Scenario) -> str:
    if "cart" in plan.broken:
        return f"FAILED: no cart to share ({plan.broken['cart']})"
    seen = []
    for server in servers:
        page = Browser(server.base_url, cookies={}).get(
            f"/{LANG}/cart", headers={"Cookie": plan.cookie}
        )
        seen.append(page.status == 200 and f'value="{plan.variant_id}"' in page.text)
    return "ok: the cart made on A is the cart on B" if all(seen) else f"FAILED: {seen}"


def sign_in_on_both(servers: list[Server]) -> str:
    a, b = servers[0].base_url, servers[1].base_url
    browser = Browser(a)
    token = csrf_token(browser.get(f"/{LANG}/account/sign-in").text)
    signed = browser.post(
        f"/{LANG}/account/sign-in",
        {"csrf_token": token, "email": SHOPPER[0], "password": SHOPPER[1], "next": ""},
    )
    if signed.status not in (302, 303):
        return f"FAILED: signing in on A answered {signed.status}"
    browser.base_url = b
    account = browser.get(f"/{LANG}/account/")
    if account.status != 200:
        return f"FAILED: the account page on B answered {account.status}"
    token = csrf_token(account.text)
    cookie = browser.cookie_header()
    browser.post(f"/{LANG}/account/sign-out", {"csrf_token": token})
    replay = Browser(a).get(f"/{LANG}/account/", headers={"Cookie": cookie})
    if replay.status == 200:
        return "FAILED: the session signed out on B still opens the account on A"
    return "ok: signed in on A, account on B, signed out on B ends it on A"


def rate_limit_shared(servers: list[Server], limit: int = 10) -> str:
    """RATELIMIT_SIGN_IN allows `limit` failed sign-ins a minute from one address: taking turns
    between the servers, the refusal must come at request limit + 1, not 2 x limit + 1."""
    browsers = [Browser(s.base_url) for s in servers]
    token = csrf_token(browsers[0].get(f"/{LANG}/account/sign-in").text)
    browsers[1].cookies = dict(browsers[0].cookies)
    for n in range(1, 2 * limit + 3):
        browser = browsers[n % 2]
        answer = browser.post(
            f"/{LANG}/account/sign-in",
            {"csrf_token": token, "email": "nobody@bench.example.com", "password": "x" * 12},
        )
        if answer.status == 429:
            # the sign-in check's request counts too: the refusal comes at limit + 1 or before
            verdict = "ok" if n <= limit + 1 else "FAILED"
            return f"{verdict}: refused at request {n}, taking turns between the servers"
    return f"FAILED: no refusal in {2 * limit + 2} requests"


def price_in(html: str) -> str | None:
    """The product's price on its page, as a number ("1192.07"), or None."""
    found = PRICE.search(html)
    return (found.group(1) or found.group(2)).strip() if found else None


def _price(server: Server, path: str) -> str | None:
    return price_in(Browser(server.base_url).get(path, headers={"Accept-Language": "th-TH"}).text)


def operator_change_seen(servers: list[Server], env: dict, product_path: str) -> str:
    """Add a THB rate 10% above today's through the rates service (as the console does),
    then time how long until both servers show the product's new price."""
    before = [_price(s, product_path) for s in servers]
    if None in before:
        return "FAILED: no price found on the product page"
    code = (
        "import json\n"
        "from decimal import Decimal\n"
        "from bench.wsgi import app\n"
        "from app.services import clock, rates, reference\n"
        "from app.transaction import unit_of_work\n"
        "with app.app_context():\n"
        "    now = reference.get().rate_for('THB').rate\n"
        "    with unit_of_work():\n"
        "        rates.add_many([rates.RateDraft('THB', (now * Decimal('1.1')).quantize("
        "Decimal('0.0001')), clock.today())], None, source='bench')\n"
        "print(json.dumps(str(now)))\n"
    )
    done = subprocess.run(  # noqa: S603 - our own code
        [sys.executable, "-c", code],
        env={**os.environ, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        return "FAILED: adding a rate: " + done.stderr.strip().splitlines()[-1][:300]
    changed_at = time.monotonic()
    waited = {}
    while time.monotonic() - changed_at < 30 and len(waited) < len(servers):
        for n, server in enumerate(servers):
            if n not in waited and _price(server, product_path) != before[n]:
                waited[n] = time.monotonic() - changed_at
        time.sleep(0.1)
    if len(waited) < len(servers):
        return f"FAILED: after 30 s, seen by {len(waited)} of {len(servers)} servers"
    old = Decimal(json.loads(done.stdout.strip().splitlines()[-1]))
    slowest = max(waited.values())
    return f"ok: THB rate {old} -> x1.1 seen by both servers within {slowest:.1f} s"


def run_all(servers: list[Server], env: dict, plan: Scenario) -> dict[str, str]:
    product = next(p.path for p in plan.pages if p.name == "product")
    outcomes = {}
    for name, check in (
        ("cart session", lambda: cart_on_both(servers, plan)),
        ("sign-in session", lambda: sign_in_on_both(servers)),
        ("operator change", lambda: operator_change_seen(servers, env, product)),
        ("rate limit", lambda: rate_limit_shared(servers)),
    ):
        try:
            outcomes[name] = check()
        except Exception as error:  # noqa: BLE001 - a verdict for the report
            outcomes[name] = f"FAILED: {error!r}"
    return outcomes
